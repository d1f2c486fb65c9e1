/*
 * Copyright 2025 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.netsuite.boot.changes;

import javax.sql.DataSource;

import io.github.netsuite.boot.autoconfigure.NetSuiteAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which store the change feeds get, and what start-up refuses.
 */
@ExtendWith(OutputCaptureExtension.class)
class NetSuiteChangesAutoConfigurationTests {

	private static final String[] CREDENTIALS = { "netsuite.account=1234567_SB1", "netsuite.consumer-key=ck",
			"netsuite.consumer-secret=cs", "netsuite.token-id=tk", "netsuite.token-secret=ts" };

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, NetSuiteAutoConfiguration.class,
				NetSuiteChangesAutoConfiguration.class))
		.withPropertyValues(CREDENTIALS);

	@Test
	void withoutListenersTheFeedsStartEmptyAndSayNothing(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ChangeFeeds.class).doesNotHaveBean(ChangeStore.class);
			assertThat(context.getBean(ChangeFeeds.class).feeds()).isEmpty();
			assertThat(output).doesNotContain("in memory");
		});
	}

	@Test
	void aJdbcStoreKeepsTheCheckpointsInTheDataSourceAndCreatesItsEmbeddedTables() {
		this.contextRunner.withPropertyValues("netsuite.changes.store=jdbc")
			.withBean(DataSource.class,
					() -> new DriverManagerDataSource("jdbc:h2:mem:autoconfig-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"))
			.run((context) -> {
				ChangeStore store = context.getBean(ChangeStore.class);
				assertThat(store.checkpoints()).isInstanceOf(JdbcCheckpointStore.class);
				store.checkpoints().save("primary:customer", "2026-12-05 10:00:00|m1");
				assertThat(store.checkpoints().load("primary:customer")).isEqualTo("2026-12-05 10:00:00|m1");
				store.checkpoints().save("primary:customer", "2026-12-05 10:01:00|");
				assertThat(store.checkpoints().load("primary:customer")).isEqualTo("2026-12-05 10:01:00|");
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM NETSUITE_LOCK", Integer.class)).isZero();
			});
	}

	@Test
	void theFeedsLockThroughTheDatabaseOnePollerAtATime() {
		String url = "jdbc:h2:mem:locks-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		ApplicationContextRunner runner = this.contextRunner.withPropertyValues("netsuite.changes.store=jdbc")
			.withBean(DataSource.class, () -> new DriverManagerDataSource(url));
		runner.run((one) -> runner.run((two) -> {
			FeedLock first = one.getBean(ChangeStore.class).locks().apply("primary:customer");
			FeedLock second = two.getBean(ChangeStore.class).locks().apply("primary:customer");
			assertThat(first.tryAcquire()).isTrue();
			assertThat(second.tryAcquire()).isFalse();
			assertThat(first.renew()).isTrue();
			first.release();
			assertThat(second.tryAcquire()).isTrue();
			assertThat(first.tryAcquire()).isFalse();
			second.release();
		}));
	}

	@Test
	void aDataSourceAloneIsNotTakenForTheStore() {
		this.contextRunner
			.withBean(DataSource.class,
					() -> new DriverManagerDataSource("jdbc:h2:mem:untouched-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ChangeStore.class);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'NETSUITE%'",
						Integer.class)).isZero();
			});
	}

	@Test
	void aJdbcStoreWithoutADataSourceStopsStartUpNamingWhatIsMissing() {
		this.contextRunner.withPropertyValues("netsuite.changes.store=jdbc").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("netsuite.changes.store=jdbc needs a DataSource");
		});
	}

	@Test
	void aListenerWithoutItsChangeParameterStopsStartUp() {
		this.contextRunner.withBean("badListener", BadListener.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(
					"@NetSuiteChangeListener method badListener.on must take exactly one NetSuiteChange parameter");
		});
	}

	@Test
	void aListenerNamingNoTableStopsStartUp() {
		this.contextRunner.withBean("injected", InjectingListener.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("which is not a SuiteQL table name");
		});
	}

	@Test
	void aStartThatIsNeitherNowNorADateAndTimeStopsStartUp() {
		this.contextRunner.withPropertyValues("netsuite.changes.start-at=12/5/2026").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("netsuite.changes.start-at must be 'now' or a date and time 'yyyy-MM-dd HH:mm:ss'");
		});
	}

	@Test
	void theFeedsCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("netsuite.changes.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ChangeFeeds.class));
	}

	static class BadListener {

		@NetSuiteChangeListener("customer")
		void on(String change) {
		}

	}

	static class InjectingListener {

		@NetSuiteChangeListener("customer; DROP")
		void on(NetSuiteChange change) {
		}

	}

}
