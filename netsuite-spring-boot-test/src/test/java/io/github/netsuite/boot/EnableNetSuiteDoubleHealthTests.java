package io.github.netsuite.boot;

import io.github.netsuite.boot.health.NetSuiteHealthIndicator;
import io.github.netsuite.boot.test.EnableNetSuiteDouble;
import io.github.netsuite.boot.test.NetSuiteDouble;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnableNetSuiteDouble} starts every test with a fresh health result, although the
 * default {@code netsuite.health.cache-ttl} (30 s) outlives a test that switched a fault.
 */
@SpringBootTest(classes = EnableNetSuiteDoubleHealthTests.TestApplication.class)
@EnableNetSuiteDouble
@TestMethodOrder(OrderAnnotation.class)
class EnableNetSuiteDoubleHealthTests {

	@Autowired
	private NetSuiteHealthIndicator health;

	@Autowired
	private NetSuiteDouble netSuite;

	@Test
	@Order(1)
	void isDownInATestThatDisablesTheRole() {
		this.netSuite.roleDisabled(true);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	@Order(2)
	void isUpAgainInTheNextTest() {
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	@Order(3)
	void isDownAgainInATestThatDisablesTheRoleOnceMore() {
		this.netSuite.roleDisabled(true);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
