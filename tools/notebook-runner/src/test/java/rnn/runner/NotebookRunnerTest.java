package rnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class NotebookRunnerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A notebook with a markdown cell first, then the given code cells (sources as one string each). */
    private static Path notebook(Path dir, String... codeCells) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode cells = root.putArray("cells");
        ObjectNode markdown = cells.addObject();
        markdown.put("cell_type", "markdown");
        markdown.putObject("metadata");
        markdown.putArray("source").add("# Basic RNNs\n").add("Y0 = tanh(X0 Wx + b)");
        for (String source : codeCells) {
            ObjectNode cell = cells.addObject();
            cell.put("cell_type", "code");
            cell.putNull("execution_count");
            cell.putObject("metadata");
            cell.putArray("outputs");
            ArrayNode lines = cell.putArray("source");
            NotebookJson.lines(source).forEach(lines::add);
        }
        ObjectNode kernelspec = root.putObject("metadata").putObject("kernelspec");
        kernelspec.put("display_name", "Java").put("language", "java").put("name", "java");
        root.put("nbformat", 4).put("nbformat_minor", 5);
        Path path = dir.resolve("test.ipynb");
        Files.writeString(path, MAPPER.writeValueAsString(root));
        return path;
    }

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void writesStreamsValuesAndDisplaysAsNbformat(@TempDir Path dir) throws IOException {
        Path path = notebook(dir,
                "%classpath ../not-built-yet.jar\nint x = 6 * 7;\nSystem.out.println(\"x = \" + x);\n"
                        + "System.out.print(\"epoch 1\\repoch 2\\r\");\nSystem.err.println(\"careful\");\nx",
                "\"abc\" + x",
                "",
                "import tech.tablesaw.api.*;\nimport rnn.plot.LineChart;\n"
                        + "var h = Table.create(\"h\", IntColumn.create(\"epoch\", new int[] {1, 2}),\n"
                        + "    DoubleColumn.create(\"cost\", new double[] {0.4, 0.2}));\n"
                        + "var chart = LineChart.of(\"Cost\", h, \"epoch\", \"cost\");\n"
                        + "display(chart);\nSystem.out.println(\"é after\");\nint[] unused = {1};",
                "render(chart, \"image/svg+xml\")",
                "String nothing = null;\nnothing");
        List<CellResult> results = NotebookRunner.write(path, QUIET);

        assertEquals(List.of(1, 2, 3, 4, 5, 6), results.stream().map(CellResult::cellIndex).toList());
        CellResult first = results.get(0);
        assertEquals("x = 42\nepoch 1\repoch 2\r", first.stdout());
        assertEquals("careful\n", first.stderr());
        assertEquals("42", first.result());
        assertEquals("abc42", results.get(1).result(), "a String value shows as the string itself, as in IJava");
        assertEquals(0, results.get(2).executionCount(), "an empty cell is not executed");
        CellResult chart = results.get(3);
        assertEquals(3, chart.executionCount());
        assertNull(chart.result(), "a declaration as last snippet has no value");
        assertEquals(1, chart.displays().size());
        assertEquals(Set.of("application/vnd.plotly.v1+json", "text/html", "image/svg+xml", "text/plain"),
                chart.displays().get(0).keySet());
        assertTrue(((String) chart.displays().get(0).get("text/plain")).startsWith("LineChart \"Cost\""));
        assertEquals("é after\n", chart.stdout());
        List<CellOutput> shown = chart.outputs().stream()
                .filter(o -> !(o instanceof CellOutput.Stream s && s.name().equals("stderr"))).toList();
        assertTrue(shown.get(0) instanceof CellOutput.DisplayData, "display comes before the later print");
        assertEquals(new CellOutput.Stream("stdout", "é after\n"), shown.get(1));
        CellOutput.ExecuteResult rendered = (CellOutput.ExecuteResult) results.get(4).outputs().get(0);
        assertEquals(Set.of("image/svg+xml", "text/plain"), rendered.data().keySet());
        assertEquals(List.of(), results.get(5).outputs(), "a null value shows nothing");

        String text = Files.readString(path);
        assertTrue(text.startsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\""), text.substring(0, 80));
        assertTrue(text.endsWith("}\n"));
        JsonNode written = MAPPER.readTree(text);
        assertEquals("java", written.at("/metadata/kernelspec/name").asText());
        assertEquals("# Basic RNNs\n", written.at("/cells/0/source/0").asText());
        assertTrue(written.at("/cells/0/outputs").isMissingNode());
        JsonNode outputs = written.at("/cells/1/outputs");
        assertEquals(3, outputs.size());
        assertEquals("stream", outputs.get(0).get("output_type").asText());
        assertEquals("stdout", outputs.get(0).get("name").asText());
        // stored as nbconvert stores it: "epoch 1" was overwritten by the \r that "epoch 2" follows
        assertEquals(List.of("x = 42\n", "epoch 2\r"), strings(outputs.get(0).get("text")));
        assertEquals("stderr", outputs.get(1).get("name").asText());
        assertEquals("execute_result", outputs.get(2).get("output_type").asText());
        assertEquals(1, outputs.get(2).get("execution_count").asInt());
        assertEquals(List.of("42"), strings(outputs.get(2).at("/data/text~1plain")));
        assertTrue(outputs.get(2).get("metadata").isObject());
        assertEquals(1, written.at("/cells/1/execution_count").asInt());
        assertTrue(written.at("/cells/3/execution_count").isNull());
        JsonNode display = null;
        for (JsonNode output : written.at("/cells/4/outputs")) {
            display = output.get("output_type").asText().equals("display_data") ? output : display;
        }
        assertTrue(display != null && display.get("metadata").isObject());
        assertTrue(display.at("/data/image~1svg+xml").isArray(), "SVG is stored as lines, like Jupyter");
        JsonNode figure = display.at("/data/application~1vnd.plotly.v1+json");
        assertTrue(figure.isObject(), "nbformat stores a JSON type as the JSON object, got " + figure);
        assertEquals(List.of(0.4, 0.2), List.of(figure.at("/data/0/y/0").asDouble(), figure.at("/data/0/y/1").asDouble()));
        assertTrue(figure.get("layout").isObject());
        assertTrue(text.contains("\"range\": [\n"), "written as Python's json.dumps writes it");
        assertEquals(3, written.at("/cells/4/execution_count").asInt());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void anExceptionFailsTheCellWithItsLineAndCheckModeExitsNonZero(@TempDir Path dir) throws IOException {
        Path path = notebook(dir,
                "int f(int d) {\n    return 10 / d;\n}",
                "System.out.println(\"before\");\nint g = f(0);\nSystem.out.println(\"never\");",
                "System.out.println(\"not run\");");
        NotebookCellException e = assertThrows(NotebookCellException.class, () -> NotebookRunner.execute(path, QUIET));
        assertEquals(2, e.cellIndex());
        assertEquals(2, e.line());
        assertEquals("int g = f(0);", e.sourceLine());
        assertEquals("java.lang.ArithmeticException: / by zero", e.problem());
        assertEquals("before\n", e.partial().stdout());
        assertTrue(e.getMessage().contains("test.ipynb: cell[2] (In [2]), line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("at f (cell[1] line 2)"), e.getMessage());

        String before = Files.readString(path);
        PrintStream savedErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = NotebookRunner.run(new String[] {"--write", path.toString()});
        } finally {
            System.setErr(savedErr);
        }
        assertEquals(1, status);
        assertEquals(before, Files.readString(path), "a failed run writes nothing");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("FAILED"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCompileErrorFailsTheCellWithTheDiagnostic(@TempDir Path dir) throws IOException {
        Path path = notebook(dir, "int n_inputs = 3;\nint n_neurons = n_input + 2;");
        NotebookCellException e = assertThrows(NotebookCellException.class, () -> NotebookRunner.execute(path, QUIET));
        assertEquals(1, e.cellIndex());
        assertEquals(2, e.line());
        assertEquals("int n_neurons = n_input + 2;", e.sourceLine());
        assertEquals("compile error: cannot find symbol", e.problem());
        assertTrue(e.getMessage().contains("variable n_input"), e.getMessage());
    }

    @Test
    void unsupportedMagicsAndIncompleteCodeAreReported(@TempDir Path dir) throws IOException {
        Path magic = notebook(dir, "int a = 1;\n%maven org.ejml:ejml-all:0.44.0");
        NotebookCellException e = assertThrows(NotebookCellException.class, () -> NotebookRunner.execute(magic, QUIET));
        assertEquals(2, e.line());
        assertEquals("unsupported line magic %maven", e.problem());

        Path incomplete = notebook(dir, "for (int i = 0; i < 3; i++) {\n    System.out.println(i);");
        NotebookCellException open = assertThrows(NotebookCellException.class,
                () -> NotebookRunner.execute(incomplete, QUIET));
        assertEquals(1, open.line());
        assertTrue(open.problem().startsWith("incomplete code"), open.problem());
    }

    /** The first code cell of the real notebooks, which loads the helper jar from ../lib/target. */
    private static String realFirstCell() throws IOException {
        JsonNode cells = MAPPER.readTree(Path.of("..", "..", "notebooks", "01-single-recurrent-neuron.ipynb").toFile())
                .get("cells");
        for (JsonNode cell : cells) {
            if (cell.get("cell_type").asText().equals("code")) {
                return NotebookJson.text(cell.get("source"));
            }
        }
        throw new AssertionError("notebook 1 has no code cell");
    }

    @Test
    void aNotebookWhoseJarIsMissingFailsAtItsFirstCellSayingWhatToDo(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notebooks"));
        Path path = notebook(folder, realFirstCell(), "System.out.println(\"not run\");");
        NotebookCellException e = assertThrows(NotebookCellException.class, () -> NotebookRunner.execute(path, QUIET));
        assertEquals(1, e.cellIndex(), "the first code cell");
        assertEquals(2, e.line());
        assertEquals("java.lang.IllegalStateException: " + folder + File.separator + "../lib/target/rnn-notebooks.jar"
                + " is missing: run ./build.sh in the repository's folder first, then run this cell again", e.problem());
        assertEquals(System.getProperty("user.dir"), Path.of("").toAbsolutePath().toString(),
                "user.dir is the runner's own again after the notebook");
    }

    @Test
    void theFirstCellLoadsTheJarFromTheNotebooksFolderAsAKernelStartedThereWould(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("notebooks"));
        Path jar = Files.createDirectories(dir.resolve("lib/target")).resolve("rnn-notebooks.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("empty.txt"));
        }
        Path path = notebook(folder, realFirstCell(), "System.out.println(System.getProperty(\"user.dir\"));");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<CellResult> results = NotebookRunner.execute(path, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(List.of(), results.get(0).outputs(), "the first cell shows nothing when the jar is there");
        assertEquals(folder + "\n", results.get(1).stdout(), "user.dir is the notebook's folder, as in a kernel");
        assertEquals("", log.toString(StandardCharsets.UTF_8), "the jar was found: no warning");
    }

    @Test
    void lineMagicRunsTheClasspathMagicAndRefusesOthersClearly(@TempDir Path dir) throws IOException {
        Path path = notebook(dir, "lineMagic(\"classpath\", List.of(\"nothing-here.jar\"));",
                "int a = 1;\nlineMagic(\"maven\", List.of(\"org.ejml:ejml-all:0.44.0\"));");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        NotebookCellException e = assertThrows(NotebookCellException.class,
                () -> NotebookRunner.execute(path, new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("%classpath nothing-here.jar matches nothing under "
                + dir), "as in the kernels, a missing path adds nothing; the runner says so: " + log);
        assertEquals(2, e.cellIndex());
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("java.lang.IllegalArgumentException: unsupported line magic %maven"),
                e.problem());
        assertTrue(e.getMessage().contains("supports only the line magic classpath"), e.getMessage());
    }

    @Test
    void updateDisplayReplacesTheOutputInPlaceAsTheKernelsDo(@TempDir Path dir) throws IOException {
        Path path = notebook(dir,
                "String id = display(\"frame 1\");\nSystem.out.println(\"printed after the display\");\n"
                        + "for (int i = 2; i <= 3; i++) {\n    updateDisplay(id, \"frame \" + i);\n}",
                "updateDisplay(id, \"frame 4, from a later cell\");\nupdateDisplay(\"no-such-id\", \"ignored\");",
                "var bar = rnn.train.ProgressBar.inNotebook(1, o -> display(o), (i, o) -> updateDisplay(i, o));\n"
                        + "bar.epochStarted(1, 2);\nbar.batchFinished(1, 1, 2, 0.5);\nbar.batchFinished(1, 2, 2, 0.25);",
                "display(\"shown\")");
        List<CellResult> results = NotebookRunner.write(path, QUIET);

        List<CellOutput> first = results.get(0).outputs();
        assertEquals(2, first.size(), "one display, updated in place, then the printed line: " + first);
        assertEquals(java.util.Map.of("text/plain", "frame 4, from a later cell"),
                ((CellOutput.DisplayData) first.get(0)).data(), "the last update, where the display stands");
        assertEquals(new CellOutput.Stream("stdout", "printed after the display\n"), first.get(1));
        assertEquals(List.of(), results.get(1).outputs());

        List<java.util.Map<String, Object>> bar = results.get(2).displays();
        assertEquals(1, bar.size(), "the progress bar is one output");
        assertTrue(((String) bar.get(0).get("text/plain")).startsWith("epoch 1/1 [" + "=".repeat(20)
                + "] 2/2 cost 0.375  "), "its last frame: " + bar.get(0));

        KernelFunctions.updateDisplay(results.get(3).result(), "no cell runs: dropped, as in the kernels");
        CellResult shown = results.get(3);
        assertEquals(1, shown.displays().size());
        assertTrue(shown.result().matches("[0-9a-f-]{36}"), "a bare display(x) last echoes its id: " + shown.result());

        JsonNode outputs = MAPPER.readTree(path.toFile()).at("/cells/1/outputs");
        assertEquals("display_data", outputs.get(0).get("output_type").asText());
        assertEquals(List.of("frame 4, from a later cell"), strings(outputs.get(0).at("/data/text~1plain")));
    }

    @Test
    void jsonIsWrittenAsPythonsJsonDumpsWithIndentOneAndSortedKeys() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("b", "tab\tquote\"é\u0001");
        node.putArray("a");
        node.putObject("c").put("x", 0.00001).put("y", 12345678.0).put("z", 3);
        assertEquals("{\n \"a\": [],\n \"b\": \"tab\\tquote\\\"é\\u0001\",\n \"c\": {\n  \"x\": 1e-05,\n"
                + "  \"y\": 12345678.0,\n  \"z\": 3\n }\n}", NotebookJson.toJson(node));
        assertEquals(List.of("a\r\n", "b\r", "c\n", "d"), strings(NotebookJson.lines("a\r\nb\rc\nd")));
    }

    @Test
    void aProgressBarKeepsItsLastFrameAsJupyterShowsIt() {
        assertEquals("Epoch: 1\ndone\n", NotebookRunner.overwritten("\rbar 10%\rbar 100%\r       \rEpoch: 1\ndone\n"));
        assertEquals("a\nb\r\n", NotebookRunner.overwritten("a\nb\r\n"));
        assertEquals("no return\n", NotebookRunner.overwritten("no return\n"));
    }

    @Test
    void textAskedForAsHtmlIsThatHtmlAsInIJava() {
        java.util.Map<String, Object> bundle = KernelFunctions.bundle("<b>x</b>", "text/html");
        assertEquals(java.util.Map.of("text/html", "<b>x</b>", "text/plain", "<b>x</b>"), bundle);
        assertEquals(java.util.Map.of("text/plain", "<b>x</b>"), KernelFunctions.bundle("<b>x</b>"));
    }
}
