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
import java.util.LinkedHashMap;
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
 * are the ones the current code prints. Notebooks 5, 7 and 9 run shortened (RNN_EPOCHS and RNN_TRAIN_LIMIT are set
 * for the test JVM in the pom); notebook 5's committed outputs are checked to be the seed's full run. The jar must be
 * built ({@code ./build.sh}, or {@code mvn package}): each notebook's first cell checks for
 * lib/target/rnn-notebooks.jar, as it does in a kernel.
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
        double[] printed = numbers(stdoutOf(cells, "print(originalY0);"));
        for (int i = 0; i < 4; i++) {
            assertEquals(seedY0[i], printed[i], 1e-6, "the original notebook's Y0[" + i + "] from its Wx");
        }
        assertTrue(Double.parseDouble(stdoutOf(cells, "largestFromOriginal);").trim()) < 1e-6);
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

        assertTrue(stdoutOf(cells, "untrained.logits(X_batch)").startsWith("logits agree within 1e-4: true, loss within"
                + " 1e-5: true\n"), "the forward pass written out in cells is the packaged model's");

        String training = stdoutOf(cells, "trainer.fit(");
        int epochs = Integer.parseInt(System.getenv().getOrDefault("RNN_EPOCHS", "10"));
        List<double[]> lines = epochLines(training);
        assertEquals(epochs, lines.size(), "one pair of seed lines per epoch in:\n" + training);
        double[] last = lines.get(lines.size() - 1);
        assertTrue(Double.isFinite(last[1]) && last[1] > 0, "the average cost is a positive number");
        assertTrue(last[3] > 0.3, "a short run still learns: test accuracy " + last[3]);
        assertProgressBarIsOneOutputEndingAtTheLastBatch(cells, training, epochs);
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
    void committedDeepRnnNotebookHoldsTheChaptersFullRun() throws IOException {
        JsonNode notebook = new ObjectMapper().readTree(NOTEBOOKS.resolve("07-deep-rnn.ipynb").toFile());
        List<double[]> lines = epochLines(committedStdout(notebook, "trainer.fit("));
        assertEquals(10, lines.size(), "the committed run is the chapter's 10 epochs");
        assertTrue(lines.get(9)[3] >= 0.975, "10 epochs of the 3 × 100 ReLU stack reach 0.975 test accuracy (the"
                + " chapter: 0.976), got " + lines.get(9)[3]);
    }

    @Test
    void committedLstmNotebookHoldsTheChaptersFullRun() throws IOException {
        JsonNode notebook = new ObjectMapper().readTree(NOTEBOOKS.resolve("09-lstm-and-gru.ipynb").toFile());
        assertTrue(committedStdout(notebook, "Mnist.load()").contains("training images: 55000"),
                "the committed run trained on all 55,000 images");
        double[] least = {0.97, 0.985, 0.98};
        String[] models = {"basic", "lstm", "gru"};
        for (int i = 0; i < models.length; i++) {
            List<double[]> lines = epochLines(committedStdout(notebook, ".fit(" + models[i] + ", train, test"));
            assertEquals(10, lines.size(), "the committed run of " + models[i] + " is the chapter's 10 epochs");
            assertTrue(lines.get(9)[3] >= least[i], "10 epochs of " + models[i] + " reach " + least[i]
                    + " test accuracy (the chapter's 3 × 150 LSTM: 0.9871), got " + lines.get(9)[3]);
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
    void timeSeriesNotebookTrainsBeatsTheNaiveForecastAndShowsBothWaysEqual() throws IOException {
        Path notebook = NOTEBOOKS.resolve("08-time-series.ipynb");
        List<CellResult> cells = NotebookRunner.execute(notebook);

        String ways = stdoutOf(cells, "maxDifference(outputs_wrapper, outputs_reshaped)");
        assertTrue(printedNumber(ways, "wrapper vs reshape-then-dense: max |difference| = ") < 1e-6, ways);
        assertTrue(printedNumber(ways, "wrapper vs TimeSeriesRNN.predict: max |difference| = ") < 1e-5, ways);
        String[] mse = stdoutOf(cells, "MSE by hand").strip().split("\n");
        String byHand = mse[mse.length - 3].substring(mse[mse.length - 3].indexOf(':') + 1).trim();
        assertEquals(byHand, mse[mse.length - 2].substring(mse[mse.length - 2].indexOf(':') + 1).trim(), "MeanSquaredError.loss");
        assertEquals(byHand, mse[mse.length - 1].substring(mse[mse.length - 1].indexOf(':') + 1).trim(), "model.loss");

        int iterations = Integer.parseInt(System.getenv().getOrDefault("RNN_ITERATIONS", "1500"));
        List<Double> losses = mseLines(stdoutOf(cells, "new SeriesTrainer("));
        assertEquals((iterations + 99) / 100, losses.size(), "one line every 100 iterations");
        assertTrue(losses.get(losses.size() - 1) < losses.get(0) / 10, "the MSE falls: " + losses);
        double[] baseline = numbersAfter(stdoutOf(cells, "NaiveForecast.mse(fresh)"), "1000 random windows:");
        assertTrue(baseline[0] < baseline[1] / 2, "the RNN beats the naive forecast: " + Arrays.toString(baseline));
        String generated = stdoutOf(cells, "model.generate(new float[N_STEPS], 300)");
        assertEquals(lastLine(generated).replace("model.generate:", "").trim(), generated.strip().split("\n")[0]
                .replace("by hand:", "").trim(), "the loop on the page is model.generate");

        for (String chart : List.of("A time series (generated)", "Testing the model", "Generated from 20 zeros",
                "Generated from a real start")) {
            Map<String, Object> data = richResultOf(cells, chart);
            assertTrue(((String) data.get("image/svg+xml")).startsWith("<svg"), chart + " has an SVG picture");
            assertTrue(data.containsKey("application/vnd.plotly.v1+json"), chart + " is also plotly's figure JSON");
        }
    }

    @Test
    void deepRnnNotebookComputesTheStackOnThePageAndTrainsTheChaptersModel() throws IOException {
        List<CellResult> cells = NotebookRunner.execute(NOTEBOOKS.resolve("07-deep-rnn.ipynb"));
        String byHand = stdoutOf(cells, "by hand − MultiRNNCell");
        Matcher differences = Pattern.compile("max \\|[^|]+\\| = (\\S+)").matcher(
                byHand + stdoutOf(cells, "max |ImageRNN − states_concat|"));
        int checked = 0;
        while (differences.find()) {
            assertTrue(Double.parseDouble(differences.group(1)) < 1e-6, differences.group());
            checked++;
        }
        assertEquals(5, checked, "outputs, three layers' states and ImageRNN's dense input compared:\n" + byHand);
        assertTrue(stdoutOf(cells, "ImageRNN.multiLayer(").endsWith("trainable parameters: 56110\n"));

        String training = stdoutOf(cells, "trainer.fit(");
        int epochs = Integer.parseInt(System.getenv().getOrDefault("RNN_EPOCHS", "10"));
        List<double[]> lines = epochLines(training);
        assertEquals(epochs, lines.size(), "one pair of lines per epoch in:\n" + training);
        assertTrue(lines.get(lines.size() - 1)[3] > 0.3, "a short run still learns: " + training);
        assertProgressBarIsOneOutputEndingAtTheLastBatch(cells, training, epochs);
        assertTrue(training.endsWith("Training Finished!!!\n"));
        for (String chart : List.of("history.accuracyPlot()", "history.costPlot()")) {
            assertTrue(((String) richResultOf(cells, chart).get("image/svg+xml")).startsWith("<svg"),
                    chart + " has an SVG picture");
        }
    }

    @Test
    void lstmAndGruNotebookShowsThePageEqualToTheCellsAndTrainsAllThreeModels() throws IOException {
        Path notebook = NOTEBOOKS.resolve("09-lstm-and-gru.ipynb");
        assertTrue(Files.size(notebook) < MAX_NOTEBOOK_BYTES, notebook + " is under 2 MB");
        List<CellResult> cells = NotebookRunner.execute(notebook);

        Matcher differences = Pattern.compile("max \\|on the page − (\\S+)\\| over [^=]+= (\\S+)").matcher(
                stdoutOf(cells, "lstmStepOnThePage(X_batch.step(1), g0.c()") + stdoutOf(cells, "peep_by_hand =")
                        + stdoutOf(cells, "gruStepOnThePage(X_batch.step(1), r0.h()"));
        List<String> checked = new ArrayList<>();
        while (differences.find()) {
            assertTrue(Double.parseDouble(differences.group(2)) < 1e-6, differences.group());
            checked.add(differences.group(1));
        }
        assertEquals(List.of("LSTMCell.gates", "LSTMCell.gates", "GRUCell.gates"), checked,
                "BasicLSTMCell, LSTMCell with peepholes and GRUCell checked on the page");
        String estimate = stdoutOf(cells, "estimatedMinutes(basicTime)");
        assertTrue(estimate.matches("(?s)one training step: basic \\d+\\.\\d{3} s, LSTM \\d+\\.\\d{3} s, "
                + "GRU \\d+\\.\\d{3} s\n"
                + "estimated time of 10 epochs over 55,000 images on this machine: basic RNN \\d+ min, LSTM \\d+ min, "
                + "GRU \\d+ min; all three \\d+ min\n"), estimate);

        int epochs = Integer.parseInt(System.getenv().getOrDefault("RNN_EPOCHS", "10"));
        for (String model : List.of("basic", "lstm", "gru")) {
            String training = stdoutOf(cells, ".fit(" + model + ", train, test");
            List<double[]> lines = epochLines(training);
            assertEquals(epochs, lines.size(), "one pair of lines per epoch for " + model + " in:\n" + training);
            assertTrue(lines.get(lines.size() - 1)[3] > 0.2, model + ", a short run still learns: " + training);
            assertTrue(training.endsWith("Training Finished!!!\n"), training);
        }
        String norms = stdoutOf(cells, "double[] lstm_dc = normPerStep(");
        assertTrue(norms.startsWith("norm at step t / norm at step 27:\n"
                + "t = 27:   basic RNN ∂L/∂Y 1.00   LSTM ∂L/∂h 1.00   LSTM ∂L/∂c 1.00\n"), norms);
        assertEquals(5, norms.strip().split("\n").length, norms);
        for (String chart : List.of("LineChart.of(\"Test accuracy per epoch\"", "LineChart.of(\"log10")) {
            assertTrue(((String) richResultOf(cells, chart).get("image/svg+xml")).startsWith("<svg"),
                    chart + " has an SVG picture");
        }
    }

    @Test
    void committedTimeSeriesNotebookHoldsTheChaptersFullRun() throws IOException {
        JsonNode notebook = new ObjectMapper().readTree(NOTEBOOKS.resolve("08-time-series.ipynb").toFile());
        List<Double> losses = mseLines(committedStdout(notebook, "new SeriesTrainer("));
        assertEquals(15, losses.size(), "the committed run is the chapter's 1500 iterations");
        assertTrue(losses.get(14) <= 0.05, "1500 iterations end at or below MSE 0.05 (the chapter: 0.041 to 0.047), got "
                + losses.get(14));
        double[] baseline = numbersAfter(committedStdout(notebook, "NaiveForecast.mse(fresh)"), "1000 random windows:");
        assertTrue(baseline[0] <= 0.05 && baseline[0] < baseline[1] / 10,
                "the trained RNN is more than 10 times closer than the naive forecast: " + Arrays.toString(baseline));
    }

    @Test
    void backpropagationThroughTimeMatchesFiniteDifferencesAndTheJarAndShowsVanishingAndExploding()
            throws IOException {
        // ImageRNN's float results depend on the BLAS and the thread split: those cells are checked by number
        List<CellResult> cells = runAndCompareWithCommitted("06-backpropagation-through-time.ipynb",
                "model.loss(X_batch", "model.gradients(X_batch");

        Map<String, Double> twoStep = relativeErrors(stdoutOf(cells, "twoStepLoss(Wx, Wy, b);"));
        assertEquals(List.of("dWx", "dWy", "db"), List.copyOf(twoStep.keySet()));
        Map<String, Double> mnist = relativeErrors(stdoutOf(cells, "Bptt g = bptt("));
        assertEquals(List.of("dWx", "dWy", "db", "dW_dense", "db_dense"), List.copyOf(mnist.keySet()));
        for (Map<String, Double> errors : List.of(twoStep, mnist)) {
            errors.forEach((name, error) -> assertTrue(error < 1e-4,
                    "backpropagated " + name + " against central differences: relative error " + error));
        }

        Matcher jar = Pattern.compile("ImageRNN.gradients (\\S+) against the page: (\\S+)")
                .matcher(stdoutOf(cells, "model.gradients(X_batch"));
        List<String> compared = new ArrayList<>();
        while (jar.find()) {
            compared.add(jar.group(1));
            assertTrue(Double.parseDouble(jar.group(2)) < 1e-5, "the jar's " + jar.group(1) + " is the page's in float");
        }
        assertEquals(List.of("dW", "db", "dW_dense", "db_dense"), compared);
        double[] losses = Pattern.compile("-?\\d+\\.\\d+").matcher(stdoutOf(cells, "model.loss(X_batch")).results()
                .mapToDouble(m -> Double.parseDouble(m.group())).toArray();
        assertEquals(2, losses.length);
        assertEquals(losses[0], losses[1], 2e-6, "the page's loss and ImageRNN.loss");

        // rows "t  ‖dY(t)‖ for ρ = 0.5  ‖dY(t)‖ for ρ = 2", from t = 27 down to t = 0
        List<double[]> norms = numberRows(stdoutOf(cells, "Bptt small = bptt("));
        double[] last = norms.get(0);
        double[] first = norms.get(norms.size() - 1);
        assertEquals(27.0, last[0]);
        assertEquals(0.0, first[0]);
        assertTrue(first[1] < 1e-6 * last[1], "ρ = 0.5: the gradient vanishes back to t = 0");
        assertTrue(first[2] > 100 * last[2], "ρ = 2: the gradient explodes back to t = 0");
        Map<String, Object> chart = richResultOf(cells, "LineChart.of(");
        assertTrue(((String) chart.get("image/svg+xml")).startsWith("<svg"), "the norms are plotted");

        String clipping = stdoutOf(cells, "clipByGlobalNorm(clip_norm, d)");
        Matcher clipped = Pattern.compile("global norm (\\S+) before clipping, (\\S+) after").matcher(clipping);
        assertTrue(clipped.find());
        assertEquals(clipped.group(1), clipped.group(2), "ρ = 0.5: below the threshold, clipping changes nothing");
        assertTrue(clipped.find());
        assertTrue(Double.parseDouble(clipped.group(1)) > 1, "ρ = 2: the global norm is above clip_norm");
        assertEquals("1.0000", clipped.group(2), "ρ = 2: clipped to clip_norm");
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
        for (int k = 0; k < notebooks.size(); k++) {
            String name = notebooks.get(k).getFileName().toString();
            assertTrue(name.startsWith(String.format("%02d-", k + 1)),
                    "the notebooks are numbered 01, 02, ... without a gap; number " + (k + 1) + " is " + name);
        }
        assertTrue(notebooks.size() >= 9, "notebooks 01 to 09 at least, found " + notebooks);
        for (Path path : notebooks) {
            JsonNode notebook = new ObjectMapper().readTree(path.toFile());
            assertEquals("java", notebook.at("/metadata/kernelspec/name").asText(), path + " kernelspec");
            assertEquals("java", notebook.at("/metadata/kernelspec/language").asText(), path + " language");
            // nbformat 4.5: every cell has an id of 1 to 64 letters, digits, '-' or '_', unique in its notebook
            // (Jupyter refuses a notebook that breaks this: nbconvert stops with a validation error)
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (JsonNode cell : notebook.get("cells")) {
                String id = cell.path("id").asText("");
                assertTrue(id.matches("[a-zA-Z0-9_-]{1,64}"), path + ": cell id '" + id + "' is not a valid nbformat id");
                assertTrue(ids.add(id), path + ": cell id '" + id + "' is used twice");
            }
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

    /**
     * The training cell's progress bar: one display output, updated in place, whose last frame is the last batch of
     * the last epoch (not "evaluating ..."); no {@code \r} frames in the printed text.
     */
    private static void assertProgressBarIsOneOutputEndingAtTheLastBatch(List<CellResult> cells, String training,
            int epochs) {
        List<Map<String, Object>> bars = cellWith(cells, "trainer.fit(").displays();
        assertEquals(1, bars.size(), "the progress bar is one output, updated in place");
        int batches = Integer.parseInt(System.getenv().getOrDefault("RNN_TRAIN_LIMIT", "55000")) / 150;
        String lastFrame = (String) bars.get(0).get("text/plain");
        assertTrue(lastFrame.startsWith("epoch " + epochs + "/" + epochs + " [" + "=".repeat(20) + "] " + batches + "/"
                + batches + " cost "), "it ends at the last batch of the last epoch: " + lastFrame);
        assertFalse(training.contains("\r"), "no frames in the printed text");
    }

    // --- helpers ------------------------------------------------------------------------------------------

    /**
     * Runs a notebook and checks that each code cell printed what the committed notebook shows, except the cells
     * whose source contains one of {@code machineDependent} (their printed numbers are checked by the caller).
     */
    private static List<CellResult> runAndCompareWithCommitted(String name, String... machineDependent)
            throws IOException {
        Path path = NOTEBOOKS.resolve(name);
        JsonNode committed = new ObjectMapper().readTree(path.toFile());
        List<CellResult> cells = NotebookRunner.execute(path);
        for (CellResult cell : cells) {
            if (Arrays.stream(machineDependent).anyMatch(cell.source()::contains)) {
                continue;
            }
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

    /** The number printed after {@code prefix} on its line. */
    private static double printedNumber(String text, String prefix) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) return Double.parseDouble(line.substring(prefix.length()).trim());
        }
        throw new AssertionError("no line starts with '" + prefix + "' in:\n" + text);
    }

    /** The two MSEs of the line starting with {@code prefix}: "...: RNN MSE a, naive MSE b". */
    private static double[] numbersAfter(String text, String prefix) {
        for (String line : text.split("\n")) {
            Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\s+RNN MSE (\\S+), naive MSE (\\S+)").matcher(line);
            if (m.matches()) return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
        }
        throw new AssertionError("no line '" + prefix + " RNN MSE a, naive MSE b' in:\n" + text);
    }

    private static final Pattern MSE_LINE = Pattern.compile("(\\d+) \tMSE: (\\S+)\n");

    /** The MSEs of the chapter's lines "1400 \tMSE: 0.041784383", checking that they come every 100 iterations. */
    private static List<Double> mseLines(String training) {
        List<Double> losses = new ArrayList<>();
        Matcher m = MSE_LINE.matcher(training);
        while (m.find()) {
            assertEquals(100 * losses.size(), Integer.parseInt(m.group(1)), "iterations 0, 100, 200 ... in:\n" + training);
            losses.add(Double.parseDouble(m.group(2)));
        }
        return losses;
    }

    private static final Pattern RELATIVE_ERROR = Pattern.compile("relative error (\\S+): (\\S+)\n");

    /** The lines "relative error dWx: 3.1e-09", name to error, in printed order. */
    private static Map<String, Double> relativeErrors(String printed) {
        Map<String, Double> errors = new LinkedHashMap<>();
        Matcher m = RELATIVE_ERROR.matcher(printed);
        while (m.find()) {
            errors.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return errors;
    }

    /** The lines of a printed table that hold only numbers, each as its numbers. */
    private static List<double[]> numberRows(String printed) {
        List<double[]> rows = new ArrayList<>();
        for (String line : printed.strip().split("\n")) {
            String[] tokens = line.trim().split("\\s+");
            if (Arrays.stream(tokens).allMatch(token -> token.matches("-?[0-9.]+(e[-+]?[0-9]+)?"))) {
                rows.add(Arrays.stream(tokens).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return rows;
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
