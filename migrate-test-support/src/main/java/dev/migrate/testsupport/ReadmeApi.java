package dev.migrate.testsupport;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public types the README's "API" section lists for one module, so that each module's
 * {@code PublicApiTests} can compare them with the module's classes.
 */
public final class ReadmeApi {

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	private ReadmeApi() {
	}

	/**
	 * Return the types named in the first column of the module's API table (under
	 * {@code ### `module`} in {@code ## API}): a fully qualified name gives the package
	 * of the simple names after it in the same cell; a {@code package.*} is followed by
	 * its types in parentheses.
	 * @param readme the README
	 * @param module the module's artifact id
	 * @return the fully qualified names of the listed types
	 * @throws IOException if the README cannot be read
	 * @throws IllegalStateException if the README has no API section for the module
	 */
	public static Set<String> listed(Path readme, String module) throws IOException {
		String text = Files.readString(readme);
		int api = text.indexOf("\n## API\n");
		if (api < 0) {
			throw new IllegalStateException("No '## API' section in " + readme);
		}
		int apiEnd = text.indexOf("\n## ", api + 1);
		String section = text.substring(api, (apiEnd < 0) ? text.length() : apiEnd);
		int start = section.indexOf("\n### `" + module + "`\n");
		if (start < 0) {
			throw new IllegalStateException("No '### `" + module + "`' in the API section of " + readme);
		}
		int end = section.indexOf("\n### ", start + 1);
		Set<String> listed = new TreeSet<>();
		for (String line : section.substring(start, (end < 0) ? section.length() : end).split("\n")) {
			if (!line.startsWith("| `")) {
				continue;
			}
			String cell = line.substring(1, line.indexOf(" |", 1));
			String pkg = null;
			Matcher code = CODE.matcher(cell);
			while (code.find()) {
				String name = code.group(1);
				if (name.startsWith("dev.migrate.")) {
					pkg = name.substring(0, name.lastIndexOf('.'));
					if (!name.endsWith(".*")) {
						listed.add(name);
					}
				}
				else if (pkg != null && !name.contains(".")) {
					listed.add(pkg + "." + name);
				}
			}
		}
		return listed;
	}

	/**
	 * Return the public top-level types compiled into a folder of classes, e.g. a
	 * module's {@code target/classes}, loaded (not initialized) by the caller's class
	 * loader.
	 * @param classes the folder
	 * @return the fully qualified names of the public types
	 * @throws IOException if the folder cannot be read
	 */
	public static Set<String> publicTypes(Path classes) throws IOException {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		Set<String> types = new TreeSet<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String relative = classes.relativize(file).toString().replace(File.separatorChar, '.');
				String name = relative.substring(0, relative.length() - ".class".length());
				if (name.contains("$") || name.endsWith("package-info")) {
					continue;
				}
				try {
					if (Modifier.isPublic(Class.forName(name, false, loader).getModifiers())) {
						types.add(name);
					}
				}
				catch (ClassNotFoundException ex) {
					throw new IllegalStateException("Cannot load " + name + " from " + classes, ex);
				}
			}
		}
		return types;
	}

}
