package dev.migrate.hibernate;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.CodeSource;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.hibernate.Version;
import org.jspecify.annotations.Nullable;

/**
 * A digest of everything the entity reader's result depends on, computed without building
 * Hibernate's metadata: the bytes of the entity classes and of every application class
 * they reach (generic superclasses and interfaces, field and property types, their type
 * arguments and bounds, annotation types and classes named in annotations such as
 * {@code @IdClass} or {@code @Convert}, enums, the {@code package-info} of each package),
 * the Hibernate settings (and the classes they name or are instances of), Hibernate's
 * version and Migrate's own build. Classes from jars are covered by the jar's identity
 * (path, size, time), classes from folders (a development build) by their bytes. Equal
 * digests mean the reader would return the same schema; anything that cannot be read
 * makes the digest unknown ({@code null}), never a guess.
 */
final class EntityFingerprint {

	private static final Pattern CLASS_NAME = Pattern
		.compile("([\\p{L}_$][\\p{L}\\p{N}_$]*\\.)+[\\p{L}_$][\\p{L}\\p{N}_$]*");

	/** Service files of Bean Validation providers and of the EL they need. */
	static final List<String> BEAN_VALIDATION_SERVICES = List.of(
			"META-INF/services/jakarta.validation.spi.ValidationProvider",
			"META-INF/services/jakarta.el.ExpressionFactory");

	private final MessageDigest digest = sha256();

	private final Set<TypeVariable<?>> variables = new HashSet<>();

	private final Map<String, Class<?>> reached = new TreeMap<>();

	private final Map<String, String> jars = new TreeMap<>();

	private final Deque<Class<?>> queue = new ArrayDeque<>();

	private final ClassLoader classLoader;

	private EntityFingerprint(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	static @Nullable String of(Collection<Class<?>> entityClasses, Map<String, ?> settings) {
		if (entityClasses.isEmpty()) {
			return null;
		}
		try {
			return new EntityFingerprint(entityClasses.iterator().next().getClassLoader()).compute(entityClasses,
					settings);
		}
		catch (RuntimeException | LinkageError ex) {
			// A class that cannot be loaded or read: the entities are read the full way.
			return null;
		}
	}

	private String compute(Collection<Class<?>> entityClasses, Map<String, ?> settings) {
		update("hibernate", Version.getVersionString());
		update("migrate", source(EntityFingerprint.class));
		// Whether (and by which provider) Bean Validation constraints reach the DDL
		// depends on the class path, not on the entities.
		resources(BEAN_VALIDATION_SERVICES).forEach((url) -> update("bean-validation", url));
		new TreeMap<String, Object>(settings).forEach((key, value) -> {
			update(key, describe(value));
			reachSetting(value);
		});
		entityClasses.stream()
			.sorted(Comparator.comparing(Class::getName))
			.forEach((type) -> update("entity", type.getName()));
		entityClasses.forEach(this::reach);
		while (!this.queue.isEmpty()) {
			visit(this.queue.poll());
		}
		this.reached.forEach((name, type) -> {
			update("class", name);
			this.digest.update(bytes(type, type.getName().replace('.', '/') + ".class", true));
			String packageInfo = type.getPackageName().replace('.', '/') + "/package-info.class";
			update("package-info", packageInfo);
			this.digest.update(bytes(type, packageInfo, false));
		});
		this.jars.forEach(this::update);
		return HexFormat.of().formatHex(this.digest.digest(), 0, 16);
	}

	private void visit(Class<?> type) {
		reach(type.getGenericSuperclass());
		for (Type each : type.getGenericInterfaces()) {
			reach(each);
		}
		annotations(type);
		for (Field field : type.getDeclaredFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				reach(field.getGenericType());
				annotations(field);
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			if (method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())) {
				reach(method.getGenericReturnType());
				annotations(method);
			}
		}
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				reach(component.getGenericType());
			}
		}
	}

	/**
	 * A setting may be an instance of an application class (a naming strategy bean) or
	 * name one.
	 */
	private void reachSetting(@Nullable Object value) {
		if (value instanceof Class<?> type) {
			reach(type);
		}
		else if (value instanceof String name && CLASS_NAME.matcher(name).matches()) {
			try {
				reach(Class.forName(name, false, this.classLoader));
			}
			catch (ClassNotFoundException ex) {
				// Not a class name after all, or a short name Hibernate resolves itself.
			}
		}
		else if (value != null && !(value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>)) {
			reach(value.getClass());
		}
	}

	private void annotations(AnnotatedElement element) {
		for (Annotation annotation : element.getDeclaredAnnotations()) {
			annotation(annotation);
		}
	}

	private void annotation(Annotation annotation) {
		// An application's own annotation (a composed or meta-annotated one) maps too.
		reach(annotation.annotationType());
		for (Method member : annotation.annotationType().getDeclaredMethods()) {
			Object value;
			try {
				member.setAccessible(true);
				value = member.invoke(annotation);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new IllegalStateException("Cannot read " + member, ex);
			}
			if (value instanceof Class<?> type) {
				reach(type);
			}
			else if (value instanceof Class<?>[] types) {
				for (Class<?> type : types) {
					reach(type);
				}
			}
			else if (value instanceof Annotation nested) {
				annotation(nested);
			}
			else if (value instanceof Annotation[] nested) {
				for (Annotation each : nested) {
					annotation(each);
				}
			}
		}
	}

	private void reach(@Nullable Type type) {
		if (type instanceof Class<?> plain) {
			Class<?> element = plain;
			while (element.isArray()) {
				element = element.getComponentType();
			}
			if (isLibrary(element)) {
				return;
			}
			String source = source(element);
			if (source.startsWith("jar:")) {
				// A dependency's class: its jar says whether it changed.
				this.jars.put(element.getName(), source);
			}
			else if (this.reached.putIfAbsent(element.getName(), element) == null) {
				this.queue.add(element);
			}
		}
		else if (type instanceof TypeVariable<?> variable) {
			if (this.variables.add(variable)) {
				for (Type bound : variable.getBounds()) {
					reach(bound);
				}
			}
		}
		else if (type instanceof ParameterizedType parameterized) {
			reach(parameterized.getRawType());
			for (Type argument : parameterized.getActualTypeArguments()) {
				reach(argument);
			}
		}
		else if (type instanceof GenericArrayType array) {
			reach(array.getGenericComponentType());
		}
		else if (type instanceof WildcardType wildcard) {
			for (Type bound : wildcard.getUpperBounds()) {
				reach(bound);
			}
		}
	}

	/**
	 * Classes of the JDK, Jakarta Persistence and Hibernate change only with a version,
	 * which the digest covers.
	 */
	private static boolean isLibrary(Class<?> type) {
		if (type.isPrimitive() || type.getClassLoader() == null) {
			return true;
		}
		String name = type.getName();
		return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")
				|| name.startsWith("org.hibernate.");
	}

	private static byte[] bytes(Class<?> type, String resource, boolean required) {
		try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				if (required) {
					throw new IllegalStateException("No class file " + resource);
				}
				return new byte[0];
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	/**
	 * Where a class comes from: {@code jar:<path>:<size>:<time>} for a jar file, its
	 * location otherwise (whose classes are read byte by byte).
	 */
	/**
	 * Return where the class loader finds the given resources, each with its jar's
	 * identity where it has one.
	 */
	List<String> resources(List<String> names) {
		List<String> found = new ArrayList<>();
		for (String name : names) {
			try {
				for (URL url : Collections.list(this.classLoader.getResources(name))) {
					found.add(url.toString());
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return found;
	}

	private static String source(Class<?> type) {
		CodeSource codeSource = type.getProtectionDomain().getCodeSource();
		URL location = (codeSource != null) ? codeSource.getLocation() : null;
		if (location == null) {
			throw new IllegalStateException("No code source for " + type.getName());
		}
		String path = location.toString();
		if ("file".equals(location.getProtocol()) && !path.endsWith("/")) {
			File file = new File(location.getPath());
			return "jar:" + path + ":" + file.length() + ":" + file.lastModified();
		}
		// A folder, or a nested jar of a Spring Boot archive whose size and time say
		// nothing: read byte by byte.
		return path;
	}

	private static String describe(@Nullable Object value) {
		if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return String.valueOf(value);
		}
		return (value instanceof Class<?> type) ? type.getName() : value.getClass().getName();
	}

	private void update(String key, String value) {
		this.digest.update(key.getBytes(StandardCharsets.UTF_8));
		this.digest.update((byte) '=');
		this.digest.update(value.getBytes(StandardCharsets.UTF_8));
		this.digest.update((byte) 0);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
