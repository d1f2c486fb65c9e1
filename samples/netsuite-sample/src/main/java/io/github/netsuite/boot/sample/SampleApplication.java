package io.github.netsuite.boot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A web application that uses the NetSuite starter as an application would. With the five
 * {@code netsuite.*} credentials it talks to that NetSuite account; with none it runs on
 * the embedded NetSuite double (see {@link NetSuiteDoubleInitializer}).
 *
 * @author NetSuite Spring Boot team
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
