package dev.migrate.autoconfigure;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether the application runs in development, where auto mode may write new
 * revisions into the source tree. As Spring Boot DevTools decides it: the application's
 * own classes come from a build output folder (an IDE, {@code spring-boot:run}, tests),
 * not from a jar, a war, the extracted layout or an unpacked archive, wherever the
 * process was started and whatever folders happen to be beside it.
 */
final class DevelopmentRun {

	private DevelopmentRun() {
	}

	/**
	 * Return whether this is a development run.
	 * @param explicit {@code migrate.development}, if set
	 * @param classLoader the application's class loader
	 * @param packages the application's packages (those of its
	 * {@code @SpringBootApplication})
	 * @return whether auto mode may generate
	 */
	static boolean detect(@Nullable Boolean explicit, ClassLoader classLoader, List<String> packages) {
		if (explicit != null) {
			return explicit;
		}
		return packages.stream().anyMatch((name) -> isBuildOutputFolder(classLoader, name));
	}

	private static boolean isBuildOutputFolder(ClassLoader classLoader, String packageName) {
		try {
			for (URL url : Collections.list(classLoader.getResources(packageName.replace('.', '/') + "/"))) {
				if (isBuildOutputFolder(url)) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean isBuildOutputFolder(URL url) {
		if (!"file".equals(url.getProtocol())) {
			// jar:, jar:nested: (a Spring Boot jar or war), and anything else
			return false;
		}
		try {
			File folder = new File(url.toURI());
			String path = folder.getPath().replace(File.separatorChar, '/');
			// An unpacked Spring Boot archive is still a packaged application.
			return folder.isDirectory() && !path.contains("/BOOT-INF/classes/") && !path.contains("/WEB-INF/classes/");
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return false;
		}
	}

}
