package io.github.netsuite.boot.auth;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The values of NetSuite's OAuth 2.0 client credentials (machine to machine) flow: the
 * integration record's client ID, the certificate ID of the M2M setup, the private key
 * whose certificate was uploaded there, the signing algorithm and the scopes. The key
 * never appears in {@link #toString()}.
 *
 * @author NetSuite Spring Boot team
 */
public final class OAuth2Credentials {

	/**
	 * The scopes asked for unless others are given.
	 */
	public static final List<String> DEFAULT_SCOPES = List.of("rest_webservices", "restlets");

	private static final Set<String> RSA_ALGORITHMS = Set.of("PS256", "PS384", "PS512");

	private static final Set<String> EC_ALGORITHMS = Set.of("ES256", "ES384", "ES512");

	private static final Set<String> SCOPES = Set.of("rest_webservices", "restlets", "suite_analytics");

	private final String clientId;

	private final String certificateId;

	private final PrivateKey privateKey;

	private final String algorithm;

	private final List<String> scopes;

	private final @Nullable Instant certificateExpiry;

	/**
	 * Create credentials.
	 * @param clientId the integration record's client ID (its consumer key)
	 * @param certificateId the certificate ID of the M2M setup, the assertion's
	 * {@code kid}
	 * @param privateKey the RSA or EC private key whose certificate was uploaded
	 * @param algorithm {@code PS256}, {@code PS384}, {@code PS512}, {@code ES256},
	 * {@code ES384} or {@code ES512}, or {@code null} for PS256 with an RSA key and ES256
	 * with an EC key
	 * @param scopes {@code rest_webservices}, {@code restlets}, {@code suite_analytics}, or
	 * empty for the {@linkplain #DEFAULT_SCOPES default ones}
	 * @throws IllegalArgumentException if the algorithm does not fit the key, or a scope is
	 * not one of NetSuite's; the message never shows the key
	 */
	public OAuth2Credentials(String clientId, String certificateId, PrivateKey privateKey, @Nullable String algorithm,
			List<String> scopes) {
		this(clientId, certificateId, privateKey, algorithm, scopes, null);
	}

	/**
	 * Create credentials that know when the mapping's certificate expires.
	 * @param clientId the integration record's client ID (its consumer key)
	 * @param certificateId the certificate ID of the M2M setup, the assertion's
	 * {@code kid}
	 * @param privateKey the RSA or EC private key whose certificate was uploaded
	 * @param algorithm the JWS algorithm, or {@code null} for the key's default
	 * @param scopes the scopes, or empty for the {@linkplain #DEFAULT_SCOPES default ones}
	 * @param certificateExpiry when the uploaded certificate expires, if known
	 * @throws IllegalArgumentException if the algorithm does not fit the key, or a scope is
	 * not one of NetSuite's
	 */
	public OAuth2Credentials(String clientId, String certificateId, PrivateKey privateKey, @Nullable String algorithm,
			List<String> scopes, @Nullable Instant certificateExpiry) {
		this.certificateExpiry = certificateExpiry;
		this.clientId = Objects.requireNonNull(clientId, "clientId");
		this.certificateId = Objects.requireNonNull(certificateId, "certificateId");
		this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
		this.algorithm = algorithm(privateKey, algorithm);
		this.scopes = scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
		for (String scope : this.scopes) {
			if (!SCOPES.contains(scope)) {
				throw new IllegalArgumentException(
						"'" + scope + "' is not a NetSuite scope: use rest_webservices, restlets or suite_analytics");
			}
		}
	}

	private static String algorithm(PrivateKey key, @Nullable String algorithm) {
		boolean rsa = key instanceof RSAPrivateKey;
		if (!rsa && !(key instanceof ECPrivateKey)) {
			throw new IllegalArgumentException("The private key is neither an RSA nor an EC key (it is "
					+ key.getAlgorithm() + "): NetSuite takes RSA (PS256/384/512) or EC (ES256/384/512)");
		}
		if (algorithm == null || algorithm.isBlank()) {
			return rsa ? "PS256" : "ES256";
		}
		String name = algorithm.strip().toUpperCase(Locale.ROOT);
		Set<String> fitting = rsa ? RSA_ALGORITHMS : EC_ALGORITHMS;
		if (!fitting.contains(name)) {
			throw new IllegalArgumentException("The algorithm " + name + " does not fit an " + (rsa ? "RSA" : "EC")
					+ " key: use one of " + String.join(", ", fitting.stream().sorted().toList()));
		}
		return name;
	}

	/**
	 * Return the client ID.
	 * @return the client ID
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * Return the certificate ID.
	 * @return the certificate ID
	 */
	public String certificateId() {
		return this.certificateId;
	}

	PrivateKey privateKey() {
		return this.privateKey;
	}

	/**
	 * Return the signing algorithm.
	 * @return the JWS algorithm name, such as {@code PS256}
	 */
	public String algorithm() {
		return this.algorithm;
	}

	/**
	 * Return the scopes.
	 * @return the scopes
	 */
	public List<String> scopes() {
		return this.scopes;
	}

	/**
	 * Return when the certificate uploaded to the M2M setup expires.
	 * @return the expiry, or {@code null} when it was not given
	 */
	public @Nullable Instant certificateExpiry() {
		return this.certificateExpiry;
	}

	@Override
	public String toString() {
		return "OAuth2Credentials[clientId=" + abbreviate(this.clientId) + ", certificateId=" + this.certificateId
				+ ", algorithm=" + this.algorithm + ", scopes=" + this.scopes + ", privateKey=******]";
	}

	// Enough to tell two integrations apart in a log, not enough to use.
	private static String abbreviate(String value) {
		return (value.length() <= 6) ? "******" : value.substring(0, 6) + "…";
	}

}
