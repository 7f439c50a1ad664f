package dev.migrate.core.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.hibernate.Version;

/**
 * A digest of everything the entity reader's result depends on, computed without building
 * Hibernate's metadata: the bytes of the entity classes and of every application class
 * they reach (superclasses, field and property types, their type arguments, classes named
 * in annotations such as {@code @IdClass} or {@code @Convert}, enums), the Hibernate
 * settings, and the Hibernate and Migrate versions. Equal digests mean the reader would
 * return the same schema.
 */
final class EntityFingerprint {

	private final MessageDigest digest = sha256();

	private final Map<String, Class<?>> reached = new TreeMap<>();

	private final Deque<Class<?>> queue = new ArrayDeque<>();

	static String of(Collection<Class<?>> entityClasses, Map<String, ?> settings) {
		return new EntityFingerprint().compute(entityClasses, settings);
	}

	private String compute(Collection<Class<?>> entityClasses, Map<String, ?> settings) {
		update("hibernate", Version.getVersionString());
		update("migrate", String.valueOf(EntityFingerprint.class.getPackage().getImplementationVersion()));
		new TreeMap<String, Object>(settings).forEach((key, value) -> update(key, describe(value)));
		entityClasses.stream()
			.sorted(Comparator.comparing(Class::getName))
			.forEach((type) -> update("entity", type.getName()));
		entityClasses.forEach(this::reach);
		while (!this.queue.isEmpty()) {
			visit(this.queue.poll());
		}
		this.reached.forEach((name, type) -> {
			update("class", name);
			this.digest.update(bytes(type));
		});
		return HexFormat.of().formatHex(this.digest.digest(), 0, 16);
	}

	private void visit(Class<?> type) {
		reach(type.getSuperclass());
		annotations(type);
		for (Field field : type.getDeclaredFields()) {
			reach(field.getGenericType());
			annotations(field);
		}
		for (Method method : type.getDeclaredMethods()) {
			if (method.getParameterCount() == 0) {
				reach(method.getGenericReturnType());
				annotations(method);
			}
		}
	}

	private void annotations(AnnotatedElement element) {
		for (Annotation annotation : element.getDeclaredAnnotations()) {
			annotation(annotation);
		}
	}

	private void annotation(Annotation annotation) {
		for (Method member : annotation.annotationType().getDeclaredMethods()) {
			Object value;
			try {
				value = member.invoke(annotation);
			}
			catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
				continue;
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

	private void reach(Type type) {
		if (type instanceof Class<?> plain) {
			Class<?> element = plain;
			while (element.isArray()) {
				element = element.getComponentType();
			}
			if (!isLibrary(element) && this.reached.putIfAbsent(element.getName(), element) == null) {
				this.queue.add(element);
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

	private static byte[] bytes(Class<?> type) {
		String resource = type.getName().replace('.', '/') + ".class";
		try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
			return (in != null) ? in.readAllBytes() : new byte[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	private static String describe(Object value) {
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
