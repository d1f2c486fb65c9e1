package io.github.netsuite.boot.slice;

import java.util.Map;

import io.github.netsuite.boot.NetSuiteClient;

import org.springframework.stereotype.Service;

/**
 * An application's service that uses {@link NetSuiteClient}.
 */
@Service
class CustomerNames {

	private final NetSuiteClient netSuite;

	CustomerNames(NetSuiteClient netSuite) {
		this.netSuite = netSuite;
	}

	String nameOf(String id) {
		Map<String, Object> customer = this.netSuite.record("customer", id).get();
		return (String) customer.get("companyName");
	}

}
