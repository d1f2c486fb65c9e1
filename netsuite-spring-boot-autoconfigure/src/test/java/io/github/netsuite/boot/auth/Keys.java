package io.github.netsuite.boot.auth;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Key pairs for tests, and their private keys as PEM text.
 */
public final class Keys {

	private Keys() {
	}

	public static KeyPair rsa() {
		return rsa(2048);
	}

	public static KeyPair rsa(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static KeyPair ec() {
		return ec("secp256r1");
	}

	/**
	 * An EC key pair on the named curve: {@code secp256r1} (P-256), {@code secp384r1}
	 * (P-384) or {@code secp521r1} (P-521).
	 */
	public static KeyPair ec(String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(curve));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The private key the credentials sign with, for tests outside this package.
	 */
	public static PrivateKey privateKey(OAuth2Credentials credentials) {
		return credentials.privateKey();
	}

	public static String pem(KeyPair keys) {
		return "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(keys.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
	}

}
