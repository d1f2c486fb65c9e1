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
package io.github.netsuite.boot.benchmarks;

/**
 * {@link ClientOverheadBenchmark}'s {@code plainClient} and {@code signedClient} in one
 * JVM, in alternating blocks, so that both meet the machine in the same state: a plain
 * {@code main}, not JMH. Arguments: blocks of each kind (default 16), requests per block
 * (default 4000). The first quarter of the blocks is warm-up.
 *
 * @author NetSuite Spring Boot team
 */
public final class ClientOverheadInterleaved {

	private ClientOverheadInterleaved() {
	}

	/**
	 * Run the blocks and print each and the mean of the measured ones.
	 * @param args blocks of each kind, requests per block
	 * @throws Exception if the server or a request fails
	 */
	public static void main(String[] args) throws Exception {
		int blocks = (args.length > 0) ? Integer.parseInt(args[0]) : 16;
		int requests = (args.length > 1) ? Integer.parseInt(args[1]) : 4000;
		ClientOverheadBenchmark benchmark = new ClientOverheadBenchmark();
		benchmark.setUp();
		try {
			double plainTotal = 0;
			double signedTotal = 0;
			for (int block = 0; block < blocks; block++) {
				long start = System.nanoTime();
				for (int i = 0; i < requests; i++) {
					benchmark.plainClient();
				}
				double plain = (System.nanoTime() - start) / 1000.0 / requests;
				start = System.nanoTime();
				for (int i = 0; i < requests; i++) {
					benchmark.signedClient();
				}
				double signed = (System.nanoTime() - start) / 1000.0 / requests;
				boolean warmUp = block < blocks / 4;
				if (!warmUp) {
					plainTotal += plain;
					signedTotal += signed;
				}
				System.out.printf("block %2d%s: plainClient %6.1f µs, signedClient %6.1f µs%n", block,
						warmUp ? " (warm-up)" : "", plain, signed);
			}
			int measured = blocks - blocks / 4;
			System.out.printf("plainClient %.1f µs, signedClient %.1f µs, signed / plain %.3f%n",
					plainTotal / measured, signedTotal / measured, signedTotal / plainTotal);
		}
		finally {
			benchmark.tearDown();
		}
	}

}
