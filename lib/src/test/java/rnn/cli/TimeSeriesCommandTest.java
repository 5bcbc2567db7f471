package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TimeSeriesCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertUsageError(String expected_message, String... args) {
        assertEquals(2, run(args));
        assertTrue(err().startsWith("error: " + expected_message + "\nusage: java -jar lib/target/rnn-notebooks.jar"
                + " time-series [options]\n"), err());
        assertEquals("", out());
        err.reset();
    }

    @Test
    void badValuesAreUsageErrorsWithExitCodeTwo() {
        assertUsageError("--iterations expects a whole number, got 'many'", "time-series", "--iterations", "many");
        assertUsageError("--batch-size expects a whole number >= 1, got 0", "time-series", "--batch-size=0");
        assertUsageError("--learning-rate expects a number > 0, got -0.1", "time-series", "--learning-rate", "-0.1");
        assertUsageError("--neurons needs a value", "time-series", "--neurons");
        assertUsageError("unknown option '--epochs' for time-series", "time-series", "--epochs", "3");
    }

    @Test
    void parsesEveryOptionAndTheChaptersDefaults() throws Exception {
        assertEquals(new TimeSeriesCommand.Options(1500, 50, 100, 0.001f, 42),
                TimeSeriesCommand.parse(new String[] {"time-series"}));
        assertEquals(new TimeSeriesCommand.Options(300, 20, 32, 0.01f, -3), TimeSeriesCommand.parse(new String[] {
            "time-series", "--iterations", "300", "--batch-size=20", "--neurons", "32", "--learning-rate", "1e-2",
            "--seed", "-3"}));
    }

    @Test
    void helpGoesToStdout() {
        assertEquals(0, run("time-series", "--help"));
        assertTrue(out().startsWith("usage: java -jar lib/target/rnn-notebooks.jar time-series [options]"), out());
        assertTrue(out().contains("--iterations N"), out());
        assertEquals("", err());
        out.reset();
        assertEquals(0, run("--help"));
        assertTrue(out().contains("time-series --help"), "the train usage points to the time series: " + out());
    }

    @Test
    void aShortRunPrintsTheChaptersLines() {
        assertEquals(0, run("time-series", "--iterations", "201", "--neurons", "16", "--batch-size", "10", "--seed", "3"));
        String[] lines = out().split("\n");
        assertEquals(6, lines.length, out());
        assertEquals("Training on the time series t*sin(t)/3 + 2*sin(5t): n_steps 20, n_neurons 16 (relu), "
                + "iterations 201, batch_size 10, learning_rate 0.001, seed 3", lines[0]);
        for (int k = 0; k < 3; k++) assertTrue(lines[1 + k].matches(k * 100 + " \tMSE: \\d+\\.\\d+"), lines[1 + k]);
        assertTrue(lines[4].matches("Test instance \\(t from 12\\.2\\): MSE \\d+\\.\\d+, naive forecast \\(next value"
                + " = last value\\): MSE 0\\.70348644"), lines[4]);
        assertTrue(lines[5].matches("Training time: \\d+\\.\\d s"), lines[5]);
        assertEquals("", err());
    }
}
