package rnn.runner;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The runner's own class path, for JShell's compiler: snippets compile against the classes the runner runs with.
 * A jar's manifest Class-Path (e.g. Surefire's class-path jar) is followed.
 */
final class RunnerClasspath {

    private RunnerClasspath() {
    }

    static List<String> entries() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(entries, Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return List.copyOf(entries);
    }

    private static void add(Set<String> entries, Path entry) {
        if (!entries.add(entry.toString()) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return;
            }
            URI base = entry.toUri();
            for (String reference : classPath.trim().split("\\s+")) {
                if (!reference.isEmpty()) {
                    add(entries, Path.of(base.resolve(reference)).normalize());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable jar or odd Class-Path entry: JShell simply won't see those classes
        }
    }
}
