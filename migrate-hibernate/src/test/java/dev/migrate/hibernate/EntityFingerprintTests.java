package dev.migrate.hibernate;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.migrate.core.dialect.Dialects;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntitySchemaReader#fingerprint}: equal for the same classes compiled again,
 * different when anything the mapping reads changed, also in a class that is not itself
 * an entity but is reached from one. Each version is compiled here and loaded by its own
 * class loader, as a development restart loads recompiled classes.
 */
class EntityFingerprintTests {

	private static final Map<String, Object> SETTINGS = Map.of("hibernate.default_schema", "public");

	private static final String ITEM = """
			package fp;
			import jakarta.persistence.*;
			import java.util.List;
			@Entity @IdClass(ItemKey.class)
			public class Item extends Base {
			  @Id Long id; @Id String code;
			  @Enumerated(EnumType.STRING) Kind kind;
			  @ElementCollection List<Tag> tags;
			}
			""";

	private static final Map<String, String> SOURCES = Map.of("package-info", "@Deprecated(since = \"1\") package fp;",
			"Item", ITEM, "Kind", "package fp; public enum Kind { SMALL, LARGE }", "ItemKey",
			"package fp; public class ItemKey implements java.io.Serializable { Long id; String code; }", "Base",
			"package fp; @jakarta.persistence.MappedSuperclass public class Base { String createdBy; }", "Tag",
			"package fp; @jakarta.persistence.Embeddable public class Tag { String label; }");

	@TempDir
	Path temp;

	private int builds;

	@Test
	void isTheSameForTheSameClassesCompiledAgain() throws Exception {
		assertThat(fingerprint(SOURCES, SETTINGS)).isEqualTo(fingerprint(SOURCES, SETTINGS));
	}

	@Test
	void changesWithAnEnumConstantOfAFieldsType() throws Exception {
		assertChanges("Kind", "package fp; public enum Kind { SMALL, MEDIUM, LARGE }");
	}

	@Test
	void changesWithTheIdClassNamedInAnAnnotation() throws Exception {
		assertChanges("ItemKey",
				"package fp; public class ItemKey implements java.io.Serializable { Long id; Long code; }");
	}

	@Test
	void changesWithAMappedSuperclass() throws Exception {
		assertChanges("Base",
				"package fp; @jakarta.persistence.MappedSuperclass public class Base { String createdBy; int version; }");
	}

	@Test
	void changesWithAnEmbeddableReachedThroughATypeArgument() throws Exception {
		assertChanges("Tag",
				"package fp; @jakarta.persistence.Embeddable public class Tag { String label; int rank; }");
	}

	@Test
	void changesWithTheEntityItself() throws Exception {
		assertChanges("Item", ITEM.replace("@Id String code;", "@Id @Column(length = 20) String code;"));
	}

	@Test
	void changesWithThePackageInfo() throws Exception {
		assertChanges("package-info", "@Deprecated(since = \"2\") package fp;");
	}

	@Test
	void changesWithAnEnumReachedThroughAGenericSuperclassArgument() throws Exception {
		Map<String, String> generic = Map.of("Item",
				"package fp; @jakarta.persistence.Entity public class Item extends Base<Kind> { @jakarta.persistence.Id Long id; }",
				"Base",
				"package fp; @jakarta.persistence.MappedSuperclass public class Base<S extends Enum<S>> {"
						+ " @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING) S status; }",
				"Kind", "package fp; public enum Kind { SMALL, LARGE }");
		Map<String, String> changed = new LinkedHashMap<>(generic);
		changed.put("Kind", "package fp; public enum Kind { SMALL, MEDIUM, LARGE }");
		assertThat(fingerprint(changed, SETTINGS)).isNotEqualTo(fingerprint(generic, SETTINGS));
	}

	@Test
	void changesWithTheApplicationsOwnAnnotationType() throws Exception {
		Map<String, String> annotated = new LinkedHashMap<>(SOURCES);
		annotated.put("Item", ITEM.replace("Kind kind;", "@Audited Kind kind;"));
		annotated.put("Audited",
				"package fp; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
						+ " public @interface Audited { }");
		Map<String, String> changed = new LinkedHashMap<>(annotated);
		changed.put("Audited",
				"package fp; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
						+ " public @interface Audited { String value() default \"x\"; }");
		assertThat(fingerprint(changed, SETTINGS)).isNotEqualTo(fingerprint(annotated, SETTINGS));
	}

	@Test
	void changesWithANamingStrategyClassNamedInTheSettings() throws Exception {
		Map<String, Object> settings = Map.of("hibernate.physical_naming_strategy", "fp.Naming");
		Map<String, String> withNaming = new LinkedHashMap<>(SOURCES);
		withNaming.put("Naming", "package fp; public class Naming { String prefix = \"a_\"; }");
		Map<String, String> changed = new LinkedHashMap<>(SOURCES);
		changed.put("Naming", "package fp; public class Naming { String prefix = \"b_\"; }");
		assertThat(fingerprint(changed, settings)).isNotEqualTo(fingerprint(withNaming, settings));
	}

	@Test
	void isUnknownWhenAReachedClassCannotBeLoaded() throws Exception {
		assertThat(fingerprint(SOURCES, SETTINGS, "Kind")).isNull();
	}

	@Test
	void changesWithTheHibernateSettings() throws Exception {
		assertThat(fingerprint(SOURCES, Map.of("hibernate.default_schema", "shop")))
			.isNotEqualTo(fingerprint(SOURCES, SETTINGS));
	}

	@Test
	void changesWhenABeanValidationProviderComesOnTheClassPath() throws Exception {
		ClassLoader withoutProvider = new ClassLoader(getClass().getClassLoader()) {

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return EntityFingerprint.BEAN_VALIDATION_SERVICES.contains(name) ? Collections.emptyEnumeration()
						: super.getResources(name);
			}

		};
		assertThat(fingerprint(SOURCES, SETTINGS, null, withoutProvider))
			.isNotEqualTo(fingerprint(SOURCES, SETTINGS, null, getClass().getClassLoader()));
	}

	private void assertChanges(String type, String source) throws Exception {
		Map<String, String> changed = new LinkedHashMap<>(SOURCES);
		changed.put(type, source);
		assertThat(fingerprint(changed, SETTINGS)).isNotEqualTo(fingerprint(SOURCES, SETTINGS));
	}

	/**
	 * Compile the sources into a folder of their own, load them with a new class loader
	 * and fingerprint {@code fp.Item}, the only class handed over as an entity.
	 */
	private String fingerprint(Map<String, String> sources, Map<String, Object> settings) throws Exception {
		return fingerprint(sources, settings, null);
	}

	private String fingerprint(Map<String, String> sources, Map<String, Object> settings, String deleted)
			throws Exception {
		return fingerprint(sources, settings, deleted, getClass().getClassLoader());
	}

	private String fingerprint(Map<String, String> sources, Map<String, Object> settings, String deleted,
			ClassLoader parent) throws Exception {
		Path build = Files.createDirectories(this.temp.resolve("build-" + (++this.builds)));
		List<String> arguments = new ArrayList<>(List.of("-d", build.toString(), "-classpath", persistenceApi()));
		for (Map.Entry<String, String> source : sources.entrySet()) {
			Path file = build.resolve("src/fp/" + source.getKey() + ".java");
			Files.createDirectories(file.getParent());
			Files.writeString(file, source.getValue());
			arguments.add(file.toString());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler.run(null, null, null, arguments.toArray(String[]::new))).as("compiled").isZero();
		if (deleted != null) {
			Files.delete(build.resolve("fp/" + deleted + ".class"));
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { build.toUri().toURL() }, parent)) {
			return new EntitySchemaReader(Dialects.postgresql()).fingerprint(List.of(loader.loadClass("fp.Item")),
					settings);
		}
	}

	private static String persistenceApi() throws IOException {
		try {
			return Path.of(Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (java.net.URISyntaxException ex) {
			throw new IOException(ex);
		}
	}

}
