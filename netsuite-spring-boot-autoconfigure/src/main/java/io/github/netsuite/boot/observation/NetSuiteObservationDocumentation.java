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
package io.github.netsuite.boot.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documentation of NetSuite's observations.
 *
 * @author NetSuite Spring Boot team
 * @since 0.1.0
 */
public enum NetSuiteObservationDocumentation implements ObservationDocumentation {

	/**
	 * One request attempt on the wire to NetSuite: each retry is an observation of its own,
	 * waiting for a concurrency permit is not part of it.
	 */
	REQUESTS {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNetSuiteRequestObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Key values that become meter tags: each has a small, fixed set of values. Never a
	 * record ID, query text or parameter value.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The account realm, such as {@code 1234567_SB1}.
		 */
		ACCOUNT {
			@Override
			public String asString() {
				return "netsuite.account";
			}
		},

		/**
		 * The API: {@code rest}, {@code suiteql} or {@code restlet}.
		 */
		API {
			@Override
			public String asString() {
				return "netsuite.api";
			}
		},

		/**
		 * The HTTP method.
		 */
		METHOD {
			@Override
			public String asString() {
				return "http.method";
			}
		},

		/**
		 * The HTTP status code, {@code IO_ERROR} when the request failed with an
		 * {@code IOException} (timeouts, refused connections), {@code CLIENT_ERROR} when it
		 * failed otherwise before an answer.
		 */
		STATUS {
			@Override
			public String asString() {
				return "http.status";
			}
		},

		/**
		 * The outcome from the status: {@code SUCCESS}, {@code CLIENT_ERROR},
		 * {@code SERVER_ERROR}, {@code REDIRECTION}, {@code INFORMATIONAL} or
		 * {@code UNKNOWN} without an answer.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * NetSuite's error code of an error answer ({@code o:errorCode} of REST web services,
		 * {@code error.code} of RESTlets), or {@code none}.
		 */
		ERROR_CODE {
			@Override
			public String asString() {
				return "netsuite.error.code";
			}
		}

	}

	/**
	 * Key values for spans only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The attempt number, 1 for the first, more for retries.
		 */
		ATTEMPT {
			@Override
			public String asString() {
				return "netsuite.attempt";
			}
		}

	}

}
