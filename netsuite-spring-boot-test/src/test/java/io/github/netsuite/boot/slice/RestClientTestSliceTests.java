package io.github.netsuite.boot.slice;

import java.util.Map;

import io.github.netsuite.boot.NetSuiteClient;
import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@link RestClientTest} of a service that uses {@link NetSuiteClient}: the slice
 * loads the starter's auto-configuration, and the client talks to the double.
 */
@RestClientTest(CustomerNames.class)
@EnableNetSuiteDouble
class RestClientTestSliceTests {

	@Autowired
	private CustomerNames customerNames;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	void loadsTheNetSuiteClientForTheServiceUnderTest() {
		this.netSuite.records("customer").put(3, Map.of("companyName", "Acme"));
		assertThat(this.customerNames.nameOf("3")).isEqualTo("Acme");
	}

}
