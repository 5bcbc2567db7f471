package rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * The packages of the notebook jar depend one way (docs/ARCHITECTURE.md draws them): read off the compiled classes
 * with the JDK's jdeps, the graph has no cycle, and each package uses only the packages below it.
 */
class PackageDependenciesTest {

    /** What each package may use; a package absent here is new and must be added, with its place in the layering. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("rnn.linalg", Set.of()),
            Map.entry("rnn", Set.of("rnn.linalg")),
            Map.entry("rnn.fast", Set.of("rnn", "rnn.linalg")),
            Map.entry("rnn.model", Set.of("rnn", "rnn.fast", "rnn.linalg")),
            Map.entry("rnn.mnist", Set.of("rnn")),
            Map.entry("rnn.series", Set.of("rnn")),
            Map.entry("rnn.display", Set.of()),
            Map.entry("rnn.plot", Set.of("rnn.display")),
            Map.entry("rnn.train", Set.of("rnn", "rnn.model", "rnn.mnist", "rnn.series", "rnn.plot")),
            Map.entry("rnn.cli", Set.of("rnn", "rnn.model", "rnn.mnist", "rnn.series", "rnn.train")),
            Map.entry("rnn.exercise", Set.of("rnn", "rnn.model", "rnn.mnist", "rnn.series", "rnn.train")));

    @Test
    void packagesDependOneWay() {
        Map<String, Set<String>> uses = packageGraph();
        assertTrue(uses.keySet().containsAll(List.of("rnn", "rnn.fast", "rnn.model", "rnn.display")), uses.toString());
        for (Map.Entry<String, Set<String>> entry : uses.entrySet()) {
            Set<String> allowed = ALLOWED.get(entry.getKey());
            assertTrue(allowed != null, "package " + entry.getKey() + " has no place in the layering yet: " + uses);
            Set<String> extra = new TreeSet<>(entry.getValue());
            extra.removeAll(allowed);
            assertEquals(Set.of(), extra, entry.getKey() + " uses packages above it");
        }
        assertEquals(List.of(), cycle(uses), "a cycle between packages");
    }

    /** package → the rnn packages its classes use, from {@code jdeps -verbose:package} over target/classes. */
    private static Map<String, Set<String>> packageGraph() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        String classes = Path.of("target", "classes").toString();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "-verbose:package", "-filter:none", "-e", "rnn(\\..*)?", classes);
        assertEquals(0, status, out.toString());
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            String[] words = line.trim().split("\\s+");
            // "   rnn.fast    -> rnn.linalg    classes"
            if (words.length >= 3 && words[1].equals("->") && words[0].startsWith("rnn")) {
                uses.computeIfAbsent(words[0], p -> new TreeSet<>());
                if (!words[2].equals(words[0]) && words[2].startsWith("rnn")) uses.get(words[0]).add(words[2]);
            }
        }
        return uses;
    }

    /** A cycle of the graph as a path, or an empty list when there is none. */
    private static List<String> cycle(Map<String, Set<String>> uses) {
        Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        for (String start : uses.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, uses, state, path)) return path;
        }
        return List.of();
    }

    private static boolean visit(String p, Map<String, Set<String>> uses, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(p);
        if (s != null) {
            if (s == 1) path.add(p);
            return s == 1;
        }
        state.put(p, 1);
        path.add(p);
        for (String next : uses.getOrDefault(p, Set.of())) {
            if (visit(next, uses, state, path)) return true;
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
        return false;
    }
}
