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
package io.github.netsuite.boot;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.Array;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedTypeVariable;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one module's compiled classes as text, in the spirit of Kotlin's
 * binary-compatibility validator: a line per public type (its modifiers, kind, name, type
 * parameters, supertypes) followed by a tab-indented line per public or protected field,
 * constructor and method with its full generic signature and its JSpecify nullness. Types
 * are sorted by binary name (a nested type follows its outer type), members by kind, name
 * and line, and a blank line ends each type, so the text is the same on every run and a
 * change to the API shows in review as a change to the file.
 * <p>
 * What is not API is left out: package-private and private types and members, anonymous
 * and local classes, synthetic and bridge members, protected members of final types, and a
 * nested type whose outer type is not itself API.
 * <p>
 * The same class is in the test sources of {@code netsuite-spring-boot-autoconfigure} and
 * {@code netsuite-spring-boot-test} (neither module's tests see the other's); keep the two
 * copies the same.
 *
 * @author the NetSuite Spring Boot team
 */
final class ApiListing {

	private ApiListing() {
	}

	/**
	 * The listing of every API type compiled into a directory of classes.
	 * @param classes a class path root, such as a module's {@code target/classes}
	 * @param loader the loader that sees those classes and what they refer to
	 * @return the lines of the listing, each without its line break
	 */
	static List<String> of(Path classes, ClassLoader loader) throws IOException {
		List<Class<?>> types = new ArrayList<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String relative = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
				if (relative.endsWith("package-info.class") || relative.endsWith("module-info.class")) {
					continue;
				}
				String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
				try {
					Class<?> type = Class.forName(name, false, loader);
					if (isApi(type)) {
						types.add(type);
					}
				}
				catch (ClassNotFoundException ex) {
					throw new IllegalStateException("Cannot load " + name + " from " + classes, ex);
				}
			}
		}
		types.sort(Comparator.comparing(Class::getName));
		List<String> lines = new ArrayList<>();
		for (Class<?> type : types) {
			lines.add(header(type));
			members(type).forEach((member) -> lines.add("\t" + member));
			lines.add("");
		}
		return lines;
	}

	private static boolean isApi(Class<?> type) {
		if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
			return false;
		}
		Class<?> outer = type.getDeclaringClass();
		if (outer == null) {
			return Modifier.isPublic(type.getModifiers());
		}
		return isApi(outer) && isVisible(type.getModifiers(), outer);
	}

	// A protected member of a final type is out of everyone's reach but its package's
	private static boolean isVisible(int modifiers, Class<?> owner) {
		return Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers())
				&& !owner.isEnum() && !owner.isRecord());
	}

	private static String header(Class<?> type) {
		int modifiers = type.getModifiers() & Modifier.classModifiers();
		if (type.isInterface()) {
			modifiers &= ~(Modifier.ABSTRACT | Modifier.STATIC);
		}
		StringBuilder header = new StringBuilder(deprecation(type));
		header.append(Modifier.toString(modifiers));
		if (type.isSealed()) {
			header.append(" sealed");
		}
		header.append(' ').append(kind(type)).append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
		AnnotatedType superclass = type.getAnnotatedSuperclass();
		if (superclass != null && !type.isEnum() && !type.isRecord() && superclass.getType() != Object.class) {
			header.append(" extends ").append(type(superclass));
		}
		AnnotatedType[] interfaces = type.getAnnotatedInterfaces();
		// Every annotation type extends Annotation: saying so is noise
		if (interfaces.length > 0 && !type.isAnnotation()) {
			header.append(type.isInterface() ? " extends " : " implements ")
				.append(Arrays.stream(interfaces).map(ApiListing::type).collect(Collectors.joining(", ")));
		}
		if (type.isSealed()) {
			header.append(" permits ")
				.append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName).sorted().collect(Collectors.joining(", ")));
		}
		return header.toString().strip();
	}

	private static String kind(Class<?> type) {
		if (type.isAnnotation()) {
			return "@interface";
		}
		if (type.isInterface()) {
			return "interface";
		}
		if (type.isEnum()) {
			return "enum";
		}
		return type.isRecord() ? "record" : "class";
	}

	private static List<String> members(Class<?> type) {
		List<Member> members = new ArrayList<>();
		members.addAll(Arrays.asList(type.getDeclaredFields()));
		members.addAll(Arrays.asList(type.getDeclaredConstructors()));
		members.addAll(Arrays.asList(type.getDeclaredMethods()));
		return members.stream()
			.filter((member) -> !member.isSynthetic() && !(member instanceof Method method && method.isBridge()))
			.filter((member) -> isVisible(member.getModifiers(), type))
			.map(ApiListing::describe)
			.distinct()
			// Fields, then constructors, then methods; overloads by their whole line
			.sorted(Comparator.comparingInt(ApiListing::order).thenComparing(ApiListing::nameOf).thenComparing((line) -> line))
			.toList();
	}

	// Fields first (no parenthesis), then constructors (<init>, as in a class file), then methods
	private static int order(String line) {
		if (!line.contains("(")) {
			return 0;
		}
		return line.contains(" <init>(") ? 1 : 2;
	}

	private static String nameOf(String line) {
		String head = line.contains("(") ? line.substring(0, line.indexOf('(')) : line;
		return head.substring(head.lastIndexOf(' ') + 1);
	}

	private static String describe(Member member) {
		if (member instanceof Field field) {
			return deprecation(field) + Modifier.toString(field.getModifiers() & Modifier.fieldModifiers()) + " "
					+ type(field.getAnnotatedType()) + " " + field.getName();
		}
		Executable executable = (Executable) member;
		int modifiers = executable.getModifiers()
				& ((executable instanceof Method) ? Modifier.methodModifiers() : Modifier.constructorModifiers());
		StringBuilder line = new StringBuilder(deprecation(executable));
		if (executable.getDeclaringClass().isInterface()) {
			modifiers &= ~Modifier.ABSTRACT;
		}
		line.append(Modifier.toString(modifiers));
		if (executable instanceof Method method && method.isDefault()) {
			line.append(" default");
		}
		String typeParameters = typeParameters(executable.getTypeParameters());
		if (!typeParameters.isEmpty()) {
			line.append(' ').append(typeParameters);
		}
		if (executable instanceof Method method) {
			line.append(' ').append(type(method.getAnnotatedReturnType())).append(' ').append(method.getName());
		}
		else {
			line.append(" <init>");
		}
		AnnotatedType[] parameters = executable.getAnnotatedParameterTypes();
		List<String> rendered = new ArrayList<>();
		for (int i = 0; i < parameters.length; i++) {
			String parameter = type(parameters[i]);
			if (executable.isVarArgs() && i == parameters.length - 1) {
				parameter = parameter.substring(0, parameter.length() - 2) + "...";
			}
			rendered.add(parameter);
		}
		line.append(rendered.stream().collect(Collectors.joining(", ", "(", ")")));
		if (executable instanceof Method method && method.getDefaultValue() != null) {
			line.append(" default ").append(value(method.getDefaultValue()));
		}
		AnnotatedType[] exceptions = executable.getAnnotatedExceptionTypes();
		if (exceptions.length > 0) {
			line.append(" throws ").append(Arrays.stream(exceptions).map(ApiListing::type).collect(Collectors.joining(", ")));
		}
		return line.toString().strip();
	}

	// An annotation element's default as source spells it
	private static String value(Object value) {
		if (value instanceof String string) {
			return '"' + string.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
		}
		if (value instanceof Enum<?> constant) {
			return constant.getDeclaringClass().getName() + "." + constant.name();
		}
		if (value instanceof Class<?> type) {
			return type.getName() + ".class";
		}
		if (value.getClass().isArray()) {
			List<String> elements = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				elements.add(value(Array.get(value, i)));
			}
			return elements.stream().collect(Collectors.joining(", ", "{", "}"));
		}
		return String.valueOf(value);
	}

	private static String deprecation(AnnotatedElement element) {
		return element.isAnnotationPresent(Deprecated.class) ? "@Deprecated " : "";
	}

	private static String typeParameters(TypeVariable<?>[] variables) {
		if (variables.length == 0) {
			return "";
		}
		return Arrays.stream(variables).map((variable) -> {
			String bounds = Arrays.stream(variable.getAnnotatedBounds())
				.filter((bound) -> bound.getType() != Object.class || bound.getAnnotations().length > 0)
				.map(ApiListing::type)
				.collect(Collectors.joining(" & "));
			return annotations(variable.getAnnotations()) + variable.getName() + (bounds.isEmpty() ? "" : " extends " + bounds);
		}).collect(Collectors.joining(", ", "<", ">"));
	}

	// A type as source spells it, with the type-use annotations (JSpecify's nullness) where they apply
	private static String type(AnnotatedType type) {
		String annotations = annotations(type.getDeclaredAnnotations());
		if (type instanceof AnnotatedArrayType array) {
			return type(array.getAnnotatedGenericComponentType()) + (annotations.isEmpty() ? "" : " " + annotations.strip()) + "[]";
		}
		if (type instanceof AnnotatedParameterizedType parameterized) {
			Class<?> raw = (Class<?>) ((ParameterizedType) parameterized.getType()).getRawType();
			return annotations + raw.getName() + Arrays.stream(parameterized.getAnnotatedActualTypeArguments())
				.map(ApiListing::type)
				.collect(Collectors.joining(", ", "<", ">"));
		}
		if (type instanceof AnnotatedWildcardType wildcard) {
			AnnotatedType[] lower = wildcard.getAnnotatedLowerBounds();
			if (lower.length > 0) {
				return annotations + "? super " + type(lower[0]);
			}
			AnnotatedType[] upper = wildcard.getAnnotatedUpperBounds();
			if (upper.length > 0 && (upper[0].getType() != Object.class || upper[0].getAnnotations().length > 0)) {
				return annotations + "? extends " + type(upper[0]);
			}
			return annotations + "?";
		}
		if (type instanceof AnnotatedTypeVariable) {
			return annotations + type.getType().getTypeName();
		}
		return annotations + ((Class<?>) type.getType()).getName();
	}

	private static String annotations(Annotation[] annotations) {
		return Arrays.stream(annotations)
			.map((annotation) -> "@" + annotation.annotationType().getSimpleName() + " ")
			.sorted()
			.collect(Collectors.joining());
	}

	/**
	 * The lines that differ between two listings, each change under the type it is in: a
	 * longest common subsequence, small enough for listings of a few thousand lines.
	 * @param expected the baseline's lines
	 * @param actual the classes' lines
	 * @return one line per change, {@code -} in the baseline only, {@code +} in the classes only
	 */
	static String diff(List<String> expected, List<String> actual) {
		int[][] common = new int[expected.size() + 1][actual.size() + 1];
		for (int i = expected.size() - 1; i >= 0; i--) {
			for (int j = actual.size() - 1; j >= 0; j--) {
				common[i][j] = expected.get(i).equals(actual.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<String> changes = new ArrayList<>();
		String type = null;
		String shownType = null;
		int i = 0;
		int j = 0;
		while (i < expected.size() || j < actual.size()) {
			if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
				String line = expected.get(i);
				type = (line.isEmpty() || line.startsWith("\t")) ? type : line;
				i++;
				j++;
				continue;
			}
			boolean removed = j == actual.size() || (i < expected.size() && common[i + 1][j] >= common[i][j + 1]);
			String line = removed ? expected.get(i++) : actual.get(j++);
			if (line.isEmpty()) {
				continue;
			}
			if (!line.startsWith("\t")) {
				type = line;
				shownType = line;
			}
			else if (type != null && !type.equals(shownType)) {
				changes.add("  in " + type);
				shownType = type;
			}
			changes.add((removed ? "- " : "+ ") + line.replace("\t", "    "));
		}
		return String.join("\n", changes);
	}

}
