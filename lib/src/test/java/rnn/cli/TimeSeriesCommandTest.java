package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeSeriesCommandTest {
    private static final String TIME_SERIES_USAGE = "usage: java -jar lib/target/rnn-notebooks.jar time-series [options]\n";
    private final CommandLineRun command = new CommandLineRun(TIME_SERIES_USAGE);

    @Test
    void badValuesAreUsageErrorsWithExitCodeTwo() {
        command.assertUsageError("--iterations expects a whole number, got 'many'", "time-series", "--iterations", "many");
        command.assertUsageError("--batch-size expects a whole number >= 1, got 0", "time-series", "--batch-size=0");
        command.assertUsageError("--learning-rate expects a number > 0, got -0.1", "time-series", "--learning-rate", "-0.1");
        command.assertUsageError("--neurons needs a value", "time-series", "--neurons");
        command.assertUsageError("unknown option '--epochs' for time-series", "time-series", "--epochs", "3");
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
        assertEquals(0, command.run("time-series", "--help"));
        assertTrue(command.out().startsWith("usage: java -jar lib/target/rnn-notebooks.jar time-series [options]"), command.out());
        assertTrue(command.out().contains("--iterations N"), command.out());
        assertEquals("", command.err());
        command.reset();
        assertEquals(0, command.run("--help"));
        assertTrue(command.out().contains("time-series --help"), "the train usage points to the time series: " + command.out());
    }

    @Test
    void aShortRunPrintsTheChaptersLines() {
        assertEquals(0, command.run("time-series", "--iterations", "201", "--neurons", "16", "--batch-size", "10", "--seed", "3"));
        String[] lines = command.out().split("\n");
        assertEquals(6, lines.length, command.out());
        assertEquals("Training on the time series t*sin(t)/3 + 2*sin(5t): n_steps 20, n_neurons 16 (relu), "
                + "iterations 201, batch_size 10, learning_rate 0.001, seed 3", lines[0]);
        for (int k = 0; k < 3; k++) assertTrue(lines[1 + k].matches(k * 100 + " \tMSE: \\d+\\.\\d+"), lines[1 + k]);
        assertTrue(lines[4].matches("Test instance \\(t from 12\\.2\\): MSE \\d+\\.\\d+, naive forecast \\(next value"
                + " = last value\\): MSE 0\\.70348644"), lines[4]);
        assertTrue(lines[5].matches("Training time: \\d+\\.\\d s"), lines[5]);
        assertEquals("", command.err());
    }

    @Test
    void aLayerNoJavaArrayCanHoldIsRefusedBeforeAnythingIsBuilt() {
        assertEquals(1, command.run("time-series", "--neurons", "50000"));
        assertEquals("error: W ((1 + 50000) × 50000) would have 2,500,050,000 entries, more than the 2,147,483,647 a"
                + " Java array can hold; use a smaller --neurons or --batch-size\n", command.err());
        assertEquals("", command.out());
    }

    @Test
    void aDivergingRunEndsWithExitCodeOneAndSaysWhere() {
        assertEquals(1, command.run("time-series", "--learning-rate", "0.1", "--iterations", "150"));
        assertTrue(command.err().startsWith("error: training stopped at iteration 100 of 150: training diverged: the mean"
                + " batch MSE of the last 100 iterations is "), command.err());
        assertTrue(command.err().endsWith("; try a smaller learning rate than 0.1 (the chapter's is 0.001)\n"), command.err());
        assertEquals(1, command.err().split("\n").length);
    }

    @Test
    void aLearningRateThatRoundsToZeroInFloat32IsSaidSo() {
        command.assertUsageError("--learning-rate expects a number > 0, got 1e-50, which rounds to 0 in float32 (the smallest"
                + " positive float32 is 1.4E-45)", "time-series", "--learning-rate", "1e-50");
    }

    @Test
    void outOfMemoryInTheTimeSeriesGivesTheSameAdviceAsTrain() {
        String message = Main.outOfMemory(new OutOfMemoryError("Java heap space"), TimeSeriesCommand.LARGER_HEAP);
        assertTrue(message.matches("error: out of memory \\(Java heap space\\) with a Java heap of at most .+; start"
                + " Java with a larger heap, e\\.g\\. java -Xmx\\d+g -jar lib/target/rnn-notebooks\\.jar time-series"
                + " \\.\\.\\., or use a smaller --neurons or --batch-size"), message);
    }
}
