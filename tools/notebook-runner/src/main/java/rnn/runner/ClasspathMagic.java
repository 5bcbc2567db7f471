package rnn.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code %classpath a.jar lib/*.jar ...}: the paths, relative to the notebook's directory, with globs as IJava
 * allows them ({@code *}, {@code **}, {@code ?}, {@code [..]}, {@code {a,b}}).
 */
final class ClasspathMagic {

    private ClasspathMagic() {
    }

    /** The arguments of a magic line: split at blanks, a "double-quoted argument" may hold blanks. */
    static List<String> arguments(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current = current == null ? new StringBuilder() : current;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current != null) {
                    args.add(current.toString());
                    current = null;
                }
            } else {
                current = current == null ? new StringBuilder() : current;
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("%classpath: unterminated quote in: " + line);
        }
        if (current != null) {
            args.add(current.toString());
        }
        return args;
    }

    /** The existing files and directories {@code argument} names, resolved against {@code directory}. */
    static List<Path> resolve(Path directory, String argument) {
        Path absolute = directory.resolve(argument).toAbsolutePath().normalize();
        if (!hasGlob(absolute.toString())) {
            return Files.exists(absolute) ? List.of(absolute) : List.of();
        }
        Path base = absolute.getRoot();
        int firstGlob = 0;
        while (firstGlob < absolute.getNameCount() && !hasGlob(absolute.getName(firstGlob).toString())) {
            base = base.resolve(absolute.getName(firstGlob).toString());
            firstGlob++;
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        boolean deep = absolute.toString().contains("**");
        int depth = deep ? Integer.MAX_VALUE : absolute.getNameCount() - firstGlob;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        try (Stream<Path> paths = Files.walk(base, depth)) {
            return paths.filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("%classpath: cannot list " + base, e);
        }
    }

    private static boolean hasGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
