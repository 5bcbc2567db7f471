package rnn.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rnn.runner.CellResult;
import rnn.runner.NotebookRunner;

/**
 * Runs every notebook cell by cell through JShell, as IJava and JJava do, failing on any compile error or
 * exception; checks the key numbers the notebooks print, and that the outputs committed in notebooks 1 to 4
 * are the ones the current code prints. Notebook 5 runs shortened (RNN_EPOCHS and RNN_TRAIN_LIMIT are set
 * for the test JVM in the pom); its committed outputs are checked to be the seed's full run. The jar must be built
 * ({@code ./build.sh}, or {@code mvn package}): each notebook's first cell checks for lib/target/rnn-notebooks.jar,
 * as it does in a kernel.
 */
class NotebooksTest {
    private static final Path NOTEBOOKS = Path.of("..", "..", "notebooks");
    /** What GitHub, a class's network and a reviewer's diff can carry: a whole notebook, and one output. */
    private static final long MAX_NOTEBOOK_BYTES = 300_000;
    private static final long MAX_OUTPUT_BYTES = 200_000;

    @Test
    void singleNeuronPrintsY0EqualToTanhOfX0TimesItsPrintedWx() throws IOException {
        List<CellResult> cells = runAndCompareWithCommitted("01-single-recurrent-neuron.ipynb");

        float[][] X0 = {{0, 1, 2, 0}, {3, 4, 5, 0}, {6, 7, 8, 0}, {9, 0, 1, 0}};
        double[] Y0 = numbers(stdoutOf(cells, "print(Y0_val);"));
        double[] Wx = numbers(stdoutOf(cells, "print(Wx);"));
        assertEquals(4, Y0.length);
        assertEquals(4, Wx.length);
        for (int i = 0; i < 4; i++) {
            double z = 0;
            for (int j = 0; j < 4; j++) {
                z += X0[i][j] * Wx[j];
            }
            assertEquals(Math.tanh(z), Y0[i], 1e-6, "Y0[" + i + "] = tanh(X0·Wx + b) with b = 0");
        }

        double[] seedY0 = {-0.55767643, 0.7142067, 0.98433769, 0.99762088};
        double[] printed = numbers(stdoutOf(cells, "print(seedY0);"));
        for (int i = 0; i < 4; i++) {
            assertEquals(seedY0[i], printed[i], 1e-6, "the seed's Y0[" + i + "] from the seed's Wx");
        }
        assertTrue(Double.parseDouble(stdoutOf(cells, "largestFromSeed);").trim()) < 1e-6);
        assertEquals("largest difference from Y0_val: 0.0", lastLine(stdoutOf(cells, "byHand[i] = ")));
    }

    @Test
    void layerOfRecurrentNeuronsPrintsTwoFourByFiveOutputs() throws IOException {
        List<CellResult> cells = runAndCompareWithCommitted("02-layer-of-recurrent-neurons.ipynb");
        for (String print : List.of("print(Y0_val);", "print(Y1_val);")) {
            double[] Y = numbers(stdoutOf(cells, print));
            assertEquals(20, Y.length, print);
            for (double y : Y) {
                assertTrue(y >= -1 && y <= 1, print + " is a tanh output in [-1, 1], got " + y);
            }
        }
    }

    @Test
    void staticUnrollingPrintsTheShapeAndFourByTwoByFiveOutputs() throws IOException {
        List<CellResult> cells = runAndCompareWithCommitted("03-static-unrolling.ipynb");
        assertEquals("(4, 2, 3)", resultOf(cells, "X_batch.shapeString()"));
        assertEquals(40, numbers(stdoutOf(cells, "print(output_vals);")).length);
        assertEquals("shape (4, 2, 5), same as step by step: true", stdoutOf(cells, "same as step by step").trim());
    }

    @Test
    void dynamicUnrollingPadsWithZerosAndKeepsTheLastValidOutputAsState() throws IOException {
        List<CellResult> cells = runAndCompareWithCommitted("04-dynamic-unrolling.ipynb");
        int[] sequence_length = {2, 1, 2, 2};
        double[] outputs = numbers(stdoutOf(cells, "print(outputs_val);"));
        double[] states = numbers(stdoutOf(cells, "print(states_val);"));
        int n_steps = 2;
        int n_neurons = 5;
        assertEquals(4 * n_steps * n_neurons, outputs.length);
        assertEquals(4 * n_neurons, states.length);
        for (int i = 0; i < 4; i++) {
            for (int t = 0; t < n_steps; t++) {
                for (int j = 0; j < n_neurons; j++) {
                    double y = outputs[(i * n_steps + t) * n_neurons + j];
                    if (t >= sequence_length[i]) {
                        assertEquals(0.0, y, "outputs[" + i + ", " + t + ", " + j + "] is past the sequence's length");
                    } else {
                        assertTrue(y != 0.0, "outputs[" + i + ", " + t + ", " + j + "] is a real output");
                    }
                }
            }
            int last = sequence_length[i] - 1;
            for (int j = 0; j < n_neurons; j++) {
                assertEquals(outputs[(i * n_steps + last) * n_neurons + j], states[i * n_neurons + j],
                        "states[" + i + ", " + j + "] is the output at t = " + last);
            }
        }
        assertEquals("outputs equal: true\nstates equal:  true", stdoutOf(cells, "outputs equal").trim());
    }

    @Test
    void mnistNotebookTrainsPlotsAndShowsDigits() throws IOException {
        Path notebook = NOTEBOOKS.resolve("05-mnist-classifier.ipynb");
        List<CellResult> cells = NotebookRunner.execute(notebook);

        String training = stdoutOf(cells, "trainer.fit(");
        int epochs = Integer.parseInt(System.getenv().getOrDefault("RNN_EPOCHS", "10"));
        List<double[]> lines = epochLines(training);
        assertEquals(epochs, lines.size(), "one pair of seed lines per epoch in:\n" + training);
        double[] last = lines.get(lines.size() - 1);
        assertTrue(Double.isFinite(last[1]) && last[1] > 0, "the average cost is a positive number");
        assertTrue(last[3] > 0.3, "a short run still learns: test accuracy " + last[3]);
        List<Map<String, Object>> bars = cellWith(cells, "trainer.fit(").displays();
        assertEquals(1, bars.size(), "the progress bar is one output, updated in place");
        int batches = Integer.parseInt(System.getenv().getOrDefault("RNN_TRAIN_LIMIT", "55000")) / 150;
        String lastFrame = (String) bars.get(0).get("text/plain");
        assertTrue(lastFrame.startsWith("epoch " + epochs + "/" + epochs + " [" + "=".repeat(20) + "] " + batches + "/"
                + batches + " cost "), "it ends at the last batch of the last epoch: " + lastFrame);
        assertFalse(training.contains("\r"), "no frames in the printed text");
        assertTrue(training.endsWith("Training Finished!!!\n"));

        for (String chart : List.of("history.costPlot()", "history.accuracyPlot()", "DigitGrid.of(digits")) {
            Map<String, Object> data = richResultOf(cells, chart);
            assertTrue(((String) data.get("image/svg+xml")).startsWith("<svg"), chart + " has an SVG picture");
            assertTrue(((String) data.get("text/html")).contains("data:image/svg+xml;base64,"),
                    chart + " shows the picture where scripts don't run");
            assertEquals(!chart.startsWith("DigitGrid"), data.containsKey("application/vnd.plotly.v1+json"),
                    chart + ": a plot is also plotly's figure JSON, the digits are a picture only");
        }
    }

    @Test
    void committedMnistNotebookHoldsTheSeedsFullRun() throws IOException {
        JsonNode notebook = new ObjectMapper().readTree(NOTEBOOKS.resolve("05-mnist-classifier.ipynb").toFile());
        String training = committedStdout(notebook, "trainer.fit(");
        assertTrue(committedStdout(notebook, "Mnist.load()").contains("training images: 55000"),
                "the committed run trained on all 55,000 images");
        List<double[]> lines = epochLines(training);
        assertEquals(10, lines.size(), "the committed run is the seed's 10 epochs");
        assertTrue(lines.get(9)[3] >= 0.97, "10 epochs reach 0.97 test accuracy, got " + lines.get(9)[3]);
    }

    @Test
    void everyCommittedNotebookIsUnder300KBWithNoOutputOver200KBAndNoCopyOfPlotlyJs() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path path : notebooks()) {
            assertTrue(Files.size(path) < MAX_NOTEBOOK_BYTES,
                    path + " is " + Files.size(path) + " bytes, expected under " + MAX_NOTEBOOK_BYTES);
            JsonNode cells = json.readTree(path.toFile()).get("cells");
            for (int i = 0; i < cells.size(); i++) {
                for (JsonNode output : cells.get(i).path("outputs")) {
                    String text = json.writeValueAsString(output);
                    long bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    assertTrue(bytes < MAX_OUTPUT_BYTES, path + " cell " + i + ": an output of " + bytes
                            + " bytes, expected under " + MAX_OUTPUT_BYTES);
                    assertFalse(text.contains("plotly.js v") || text.contains("Plotly.newPlot"),
                            path + " cell " + i + ": plotly.js or a script calling it in an output; the front end"
                                    + " draws application/vnd.plotly.v1+json with its own");
                }
            }
        }
    }

    private static List<Path> notebooks() throws IOException {
        try (var files = Files.list(NOTEBOOKS)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /**
     * The first code cell of every notebook: the helper jar on the class path, or a message saying what to do
     * when it has not been built (a %classpath of a missing jar adds nothing, silently, in both kernels).
     */
    static final String FIRST_CELL = """
            File jar = new File(System.getProperty("user.dir"), "../lib/target/rnn-notebooks.jar");
            if (!jar.isFile()) throw new IllegalStateException(jar + " is missing: run ./build.sh in the repository's \
            folder first, then run this cell again");
            lineMagic("classpath", List.of(jar.getPath()));""";

    @Test
    void everyNotebookIsAJavaNotebookStartingWithTheClasspathOfItsJar() throws IOException {
        List<Path> notebooks = notebooks();
        assertEquals(5, notebooks.size());
        for (Path path : notebooks) {
            JsonNode notebook = new ObjectMapper().readTree(path.toFile());
            assertEquals("java", notebook.at("/metadata/kernelspec/name").asText(), path + " kernelspec");
            assertEquals("java", notebook.at("/metadata/kernelspec/language").asText(), path + " language");
            JsonNode firstCode = null;
            for (JsonNode cell : notebook.get("cells")) {
                if (cell.get("cell_type").asText().equals("code")) {
                    firstCode = cell;
                    break;
                }
            }
            assertEquals(FIRST_CELL, source(firstCode), path + " first code cell");
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /** Runs a notebook and checks that each code cell printed what the committed notebook shows. */
    private static List<CellResult> runAndCompareWithCommitted(String name) throws IOException {
        Path path = NOTEBOOKS.resolve(name);
        JsonNode committed = new ObjectMapper().readTree(path.toFile());
        List<CellResult> cells = NotebookRunner.execute(path);
        for (CellResult cell : cells) {
            JsonNode stored = committed.get("cells").get(cell.cellIndex());
            assertEquals(cell.stdout(), streamText(stored, "stdout"),
                    name + " cell " + cell.cellIndex() + ": the committed output is not what the code prints now;"
                            + " run ./build.sh run");
            String result = cell.result();
            if (result != null) {
                assertEquals(result, textPlainResult(stored), name + " cell " + cell.cellIndex() + " result");
            }
        }
        return cells;
    }

    private static CellResult cellWith(List<CellResult> cells, String sourcePart) {
        return cells.stream().filter(c -> c.source().contains(sourcePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no code cell contains " + sourcePart));
    }

    private static String stdoutOf(List<CellResult> cells, String sourcePart) {
        return cellWith(cells, sourcePart).stdout();
    }

    private static String resultOf(List<CellResult> cells, String sourcePart) {
        return cellWith(cells, sourcePart).result();
    }

    private static Map<String, Object> richResultOf(List<CellResult> cells, String sourcePart) {
        return cellWith(cells, sourcePart).outputs().stream()
                .filter(o -> o instanceof rnn.runner.CellOutput.ExecuteResult)
                .map(o -> ((rnn.runner.CellOutput.ExecuteResult) o).data())
                .findFirst().orElseThrow(() -> new AssertionError(sourcePart + " shows no result"));
    }

    private static String committedStdout(JsonNode notebook, String sourcePart) {
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("code") && source(cell).contains(sourcePart)) {
                return streamText(cell, "stdout");
            }
        }
        throw new AssertionError("no committed code cell contains " + sourcePart);
    }

    private static String source(JsonNode cell) {
        return join(cell.get("source"));
    }

    private static String streamText(JsonNode cell, String name) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : cell.path("outputs")) {
            if (output.get("output_type").asText().equals("stream") && output.get("name").asText().equals(name)) {
                text.append(join(output.get("text")));
            }
        }
        return text.toString();
    }

    private static String textPlainResult(JsonNode cell) {
        for (JsonNode output : cell.path("outputs")) {
            if (output.get("output_type").asText().equals("execute_result")) {
                return join(output.at("/data/text~1plain"));
            }
        }
        return null;
    }

    private static String join(JsonNode text) {
        if (text == null || text.isMissingNode()) {
            return "";
        }
        if (text.isTextual()) {
            return text.asText();
        }
        StringBuilder s = new StringBuilder();
        text.forEach(line -> s.append(line.asText()));
        return s.toString();
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    /** The numbers of a tensor printed in numpy's layout, in row-major order. */
    private static double[] numbers(String printed) {
        String[] tokens = printed.replace("[", " ").replace("]", " ").trim().split("\\s+");
        return Arrays.stream(tokens).mapToDouble(Double::parseDouble).toArray();
    }

    private static final Pattern EPOCH = Pattern.compile(
            "Epoch: (\\d{4}) cost= (\\d+\\.\\d{9})\nTrain Accuracy:  (\\S+)   Test Accuracy:  (\\S+)\n");

    /** Each epoch's {epoch, cost, train accuracy, test accuracy}, from the seed's two printed lines. */
    private static List<double[]> epochLines(String training) {
        List<double[]> lines = new ArrayList<>();
        Matcher m = EPOCH.matcher(training);
        while (m.find()) {
            lines.add(new double[] {Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        }
        return lines;
    }
}
