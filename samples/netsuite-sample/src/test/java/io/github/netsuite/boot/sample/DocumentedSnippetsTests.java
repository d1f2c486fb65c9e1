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
package io.github.netsuite.boot.sample;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Java the documentation shows compiles against the starter and the test module as
 * published: every {@code ```java} block in {@code README.md} and {@code docs/*.md} that
 * has {@value #MARKER} on the line just above its fence (an HTML comment, invisible on
 * GitHub) is a whole source file, package and imports included. The marked blocks of one
 * page are compiled together, so a page's test can use its service; a failure names the
 * page's line and gives the compiler's message.
 */
class DocumentedSnippetsTests {

	static final String MARKER = "<!-- compiled -->";

	private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

	private static final Pattern TYPE = Pattern
		.compile("^(?:public\\s+|abstract\\s+|final\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)", Pattern.MULTILINE);

	private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

	@TempDir
	Path sources;

	@Test
	void readmeShowsAFirstServiceAndAFirstTestThatCompile() throws IOException {
		List<Snippet> snippets = snippets(ROOT.resolve("README.md"));
		assertThat(snippets).extracting(Snippet::typeName).contains("CustomerService", "CustomerServiceTests");
		assertCompiles(snippets);
	}

	@Test
	void everyMarkedSnippetInTheDocsCompiles() throws IOException {
		List<String> typeNames = new ArrayList<>();
		try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
			for (Path page : pages.filter((path) -> path.toString().endsWith(".md")).sorted().toList()) {
				List<Snippet> snippets = snippets(page);
				assertCompiles(snippets);
				snippets.forEach((snippet) -> typeNames.add(snippet.typeName()));
			}
		}
		// Testing's first test at least: a marker lost in an edit would otherwise go unnoticed
		assertThat(typeNames).contains("CustomerSyncTests");
	}

	private void assertCompiles(List<Snippet> snippets) throws IOException {
		if (snippets.isEmpty()) {
			return;
		}
		Path output = Files.createDirectories(this.sources.resolve("classes"));
		List<File> files = new ArrayList<>();
		for (Snippet snippet : snippets) {
			Path file = this.sources.resolve(snippet.packageName().replace('.', '/')).resolve(snippet.typeName() + ".java");
			Files.createDirectories(file.getParent());
			Files.writeString(file, snippet.code(), StandardCharsets.UTF_8);
			files.add(file.toFile());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		StringWriter out = new StringWriter();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			// No annotation processing: the snippets are compiled, not built
			List<String> options = List.of("-proc:none", "--release", "17", "-classpath", classPath(), "-d",
					output.toString());
			boolean compiled = compiler
				.getTask(out, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromFiles(files))
				.call();
			if (!compiled) {
				StringBuilder message = new StringBuilder("A snippet the documentation shows does not compile:");
				for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
					if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
						message.append("\n").append(where(snippets, diagnostic)).append(": ")
							.append(diagnostic.getMessage(Locale.ROOT));
					}
				}
				fail(message.append(out).toString());
			}
		}
	}

	// The page's line of an error: the snippet is written as it is shown, so its lines map one to one
	private static String where(List<Snippet> snippets, Diagnostic<? extends JavaFileObject> diagnostic) {
		JavaFileObject source = diagnostic.getSource();
		for (Snippet snippet : snippets) {
			if (source != null && source.getName().endsWith(File.separator + snippet.typeName() + ".java")) {
				return ROOT.relativize(snippet.page()) + ":" + (snippet.firstLine() + diagnostic.getLineNumber() - 1);
			}
		}
		return String.valueOf(source);
	}

	// The marked ```java blocks of a page, each with the page's line of its first line of code
	static List<Snippet> snippets(Path page) throws IOException {
		List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
		List<Snippet> snippets = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			if (!lines.get(i).strip().equals("```java") || !lines.get(i - 1).strip().equals(MARKER)) {
				continue;
			}
			int first = i + 1;
			int end = first;
			while (end < lines.size() && !lines.get(end).strip().equals("```")) {
				end++;
			}
			String code = String.join("\n", lines.subList(first, end)) + "\n";
			snippets.add(new Snippet(page, first + 1, code, match(PACKAGE, code, page, first + 1, "package"),
					match(TYPE, code, page, first + 1, "type")));
			i = end;
		}
		return snippets;
	}

	private static String match(Pattern pattern, String code, Path page, int line, String what) {
		Matcher matcher = pattern.matcher(code);
		if (!matcher.find()) {
			fail(page + ":" + line + ": a snippet marked " + MARKER + " is a whole source file; this one has no "
					+ what + " declaration");
		}
		return matcher.group(1);
	}

	// The test's class path; Surefire hands it over in a manifest-only jar
	private static String classPath() throws IOException {
		String classPath = System.getProperty("java.class.path");
		List<String> entries = new ArrayList<>();
		for (String entry : classPath.split(File.pathSeparator)) {
			entries.add(entry);
			if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
				try (JarFile jar = new JarFile(entry)) {
					Manifest manifest = jar.getManifest();
					String manifestClassPath = (manifest != null)
							? manifest.getMainAttributes().getValue("Class-Path") : null;
					if (manifestClassPath != null && entry.contains("surefire")) {
						for (String url : manifestClassPath.split(" ")) {
							entries.add(Path.of(java.net.URI.create(url)).toString());
						}
					}
				}
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	record Snippet(Path page, int firstLine, String code, String packageName, String typeName) {
	}

}
