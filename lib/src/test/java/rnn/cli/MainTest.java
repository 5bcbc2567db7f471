package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnn.Activation;
import rnn.mnist.DataSet;
import rnn.model.CellType;
import rnn.mnist.RealMnist;
import rnn.model.NotEnoughMemoryException;

class MainTest {
    private final CommandLineRun command = new CommandLineRun("usage: ");

    @Test
    void noCommand() {
        command.assertUsageError("no command given; expected train or time-series");
    }

    @Test
    void unknownCommandOrFlag() {
        command.assertUsageError("unknown command 'fit'; expected train or time-series", "fit");
        command.assertUsageError("unknown option '--epoch'", "train", "--epoch", "3");
    }

    @Test
    void notANumber() {
        command.assertUsageError("--epochs expects a whole number, got 'ten'", "train", "--epochs", "ten");
        command.assertUsageError("--learning-rate expects a number, got '0.0.1'", "train", "--learning-rate=0.0.1");
    }

    @Test
    void zeroOrNegative() {
        command.assertUsageError("--batch-size expects a whole number >= 1, got 0", "train", "--batch-size", "0");
        command.assertUsageError("--learning-rate expects a number > 0, got -1", "train", "--learning-rate", "-1");
    }

    @Test
    void badLayersOrActivation() {
        command.assertUsageError("--layers expects a whole number >= 1, got 0", "train", "--layers", "0");
        command.assertUsageError("--layers expects a whole number >= 1, got -2", "train", "--layers=-2");
        command.assertUsageError("--layers expects a whole number, got 'three'", "train", "--layers", "three");
        command.assertUsageError("--neurons expects a whole number >= 1, got -1", "train", "--neurons=-1");
        command.assertUsageError("--activation expects tanh or relu, got 'sigmoid'", "train", "--activation", "sigmoid");
        command.assertUsageError("--activation needs a value", "train", "--layers", "3", "--activation");
    }

    @Test
    void aLearningRateFloat32CannotHoldSaysSo() {
        command.assertUsageError("--learning-rate expects a number > 0, got 1e-50, which rounds to 0 in float32 (the smallest"
                + " positive float32 is 1.4E-45)", "train", "--learning-rate", "1e-50");
        command.assertUsageError("--learning-rate expects a number > 0 that float32 can hold, got 1e50, which overflows float32"
                + " to infinity (the largest float32 is 3.4028235E38)", "train", "--learning-rate", "1e50");
        command.assertUsageError("--learning-rate expects a number > 0, got 0.0", "train", "--learning-rate", "0.0");
        command.assertUsageError("--learning-rate expects a number > 0, got NaN", "train", "--learning-rate", "NaN");
    }

    @Test
    void aRunTooLargeForTheHeapSaysWhatItNeedsAndHowToGetIt() throws Exception {
        Main.Options options = Main.parse(new String[] {"train", "--batch-size", "55000"});
        DataSet shape = new DataSet(new float[784], new int[1], 28, 28);
        long held = (55_000L + 5_000 + 10_000) * 784;
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> Main.memoryEstimate(options, shape, 10_000, held).check(2L << 30, Main.SMALLER, Main.LARGER_HEAP));
        assertTrue(e.getMessage().startsWith("this training needs about "), e.getMessage());
        assertTrue(e.getMessage().contains(" of Java heap but this JVM may use at most 2.0 GiB ("), e.getMessage());
        assertTrue(e.getMessage().matches(".*; start it with a larger heap, e\\.g\\. java -Xmx\\d+g -jar"
                + " lib/target/rnn-notebooks\\.jar train \\.\\.\\. \\(for \\./build\\.sh train: JAVA_TOOL_OPTIONS=-Xmx\\d+g"
                + " \\./build\\.sh train \\.\\.\\.\\), or use a smaller --neurons or --batch-size"), e.getMessage());
        Main.Options wide = Main.parse(new String[] {"train", "--neurons", "50000"});
        e = assertThrows(NotEnoughMemoryException.class,
                () -> Main.memoryEstimate(wide, shape, 10_000, held).check(Long.MAX_VALUE, Main.SMALLER, Main.LARGER_HEAP));
        assertEquals("W ((28 + 50000) × 50000) would have 2,501,400,000 entries, more than the 2,147,483,647 a Java"
                + " array can hold; use a smaller --neurons or --batch-size", e.getMessage());
    }

    @Test
    void fiftyThousandNeuronsAreRefusedBeforeAnythingIsBuilt() {
        String dir = RealMnist.directoryOrSkip().toString();
        assertEquals(1, command.run("train", "--data", dir, "--neurons", "50000"));
        assertEquals("error: W ((28 + 50000) × 50000) would have 2,501,400,000 entries, more than the 2,147,483,647 a"
                + " Java array can hold; use a smaller --neurons or --batch-size\n", command.err());
        assertEquals("", command.out());
    }

    @Test
    void aDivergingRunStopsWithExitOneAndOneHint() {
        String dir = RealMnist.directoryOrSkip().toString();
        assertEquals(1, command.run("train", "--data", dir, "--epochs", "3", "--train-limit", "300", "--batch-size", "100",
                "--neurons", "16", "--learning-rate", "1e9"));
        assertTrue(command.err().startsWith("error: training stopped at epoch 1, batch "), command.err());
        assertTrue(command.err().contains(" of 3: training diverged: the mean batch cost of the epoch so far is "), command.err());
        assertTrue(command.err().endsWith("; try a smaller learning rate than 1.0E9 (the seed's is 0.001)\n"), command.err());
        assertEquals(1, command.err().split("learning rate", -1).length - 1, command.err());
        assertTrue(!command.out().contains("Training Finished!!!"), command.out());
    }

    @Test
    void badCellOrAnActivationForAGatedCell() {
        command.assertUsageError("--cell expects basic, lstm or gru, got 'rnn'", "train", "--cell", "rnn");
        command.assertUsageError("--cell needs a value", "train", "--cell", "--layers", "2");
        command.assertUsageError("--activation applies to basic cells only; the gates of lstm cells have fixed activations "
                + "(drop --activation or use --cell basic)", "train", "--cell", "lstm", "--activation", "relu");
        // even tanh: it would say something the gated cells do not do
        command.assertUsageError("--activation applies to basic cells only; the gates of gru cells have fixed activations "
                + "(drop --activation or use --cell basic)", "train", "--activation", "tanh", "--cell", "gru");
    }

    @Test
    void missingValue() {
        command.assertUsageError("--epochs needs a value", "train", "--epochs");
        command.assertUsageError("--data needs a value", "train", "--data", "--epochs", "2");
    }

    @Test
    void helpGoesToStdout() {
        assertEquals(0, command.run("--help"));
        assertTrue(command.out().startsWith("usage: java -jar lib/target/rnn-notebooks.jar train [options]"), command.out());
        assertTrue(command.out().contains("--train-limit N"), command.out());
        command.reset();
        assertEquals(0, command.run("train", "--epochs", "3", "--help"));
        assertTrue(command.out().startsWith("usage: "), command.out());
        assertEquals("", command.err());
    }

    @Test
    void parsesEveryOptionAndTheDefaults() throws Exception {
        Main.Options defaults = Main.parse(new String[] {"train"});
        assertEquals(new Main.Options(10, 150, 150, 0.001f, 42, null, Main.Options.ALL, 1, Activation.TANH,
                CellType.BASIC), defaults);
        Main.Options set = Main.parse(new String[] {"train", "--epochs", "2", "--batch-size=64", "--neurons", "32",
                "--learning-rate", "1e-2", "--seed", "-7", "--data", "/x/mnist", "--train-limit", "1000",
                "--layers", "3", "--activation=ReLU"});
        assertEquals(new Main.Options(2, 64, 32, 0.01f, -7, Path.of("/x/mnist"), 1000, 3, Activation.RELU,
                CellType.BASIC), set);
        Main.Options lstm = Main.parse(new String[] {"train", "--cell", "LSTM", "--layers", "3"});
        assertEquals(new Main.Options(10, 150, 150, 0.001f, 42, null, Main.Options.ALL, 3, Activation.TANH,
                CellType.LSTM), lstm);
        assertEquals(CellType.GRU, Main.parse(new String[] {"train", "--cell=gru"}).cell());
        assertEquals(CellType.BASIC,
                Main.parse(new String[] {"train", "--cell", "basic", "--activation", "relu"}).cell());
    }

    @Test
    void missingDataIsOneLineAndExitOne(@TempDir Path empty) {
        assertEquals(1, command.run("train", "--data", empty.toString()));
        assertEquals(1, command.err().split("\n").length, command.err());
        assertTrue(command.err().startsWith("error: MNIST file train-images-idx3-ubyte is missing from "), command.err());
        assertTrue(command.err().contains("./build.sh data"), command.err());
    }

    @Test
    void trainsOneShortEpochOnRealData() {
        String dir = RealMnist.directoryOrSkip().toString();
        assertEquals(0, command.run("train", "--data", dir, "--epochs", "1", "--train-limit", "300", "--batch-size", "100",
                "--neurons", "16", "--seed", "3"));
        String[] lines = command.out().split("\n");
        assertEquals(5, lines.length, command.out());
        assertTrue(lines[0].startsWith("Training on 300 images (test 10000): n_steps 28, n_inputs 28, n_neurons 16, "
                + "epochs 1, batch_size 100"), lines[0]);
        assertTrue(lines[1].matches("Epoch: 0001 cost= \\d\\.\\d{9}"), lines[1]);
        // the last batch has 100 images and the test set 10,000: accuracies print with at most 6 significant digits
        assertTrue(lines[2].matches("Train Accuracy:  (0\\.\\d{1,2}|1\\.0)   Test Accuracy:  (0\\.\\d{1,4}|1\\.0)"), lines[2]);
        assertTrue(lines[3].matches("Epoch time: \\d+\\.\\d s, test evaluation \\d+\\.\\d s"), lines[3]);
        assertEquals("Training Finished!!!", lines[4]);
        assertEquals("", command.err()); // no terminal in a test: no progress bar
    }

    @Test
    void trainsOneShortEpochOfADeepReluRnn() {
        String dir = RealMnist.directoryOrSkip().toString();
        assertEquals(0, command.run("train", "--data", dir, "--epochs", "1", "--train-limit", "200", "--batch-size", "100",
                "--layers", "3", "--neurons", "8", "--activation", "relu", "--seed", "3"));
        String[] lines = command.out().split("\n");
        assertEquals(5, lines.length, command.out());
        assertTrue(lines[0].startsWith("Training on 200 images (test 10000): n_steps 28, n_inputs 28, n_layers 3, "
                + "n_neurons 8, activation relu, epochs 1, batch_size 100"), lines[0]);
        assertTrue(lines[1].matches("Epoch: 0001 cost= \\d\\.\\d{9}"), lines[1]);
        assertEquals("Training Finished!!!", lines[4]);
    }

    @Test
    void trainsOneShortEpochOfAnLstm() {
        String dir = RealMnist.directoryOrSkip().toString();
        assertEquals(0, command.run("train", "--data", dir, "--epochs", "1", "--train-limit", "200", "--batch-size", "100",
                "--cell", "lstm", "--neurons", "8", "--seed", "3"));
        String[] lines = command.out().split("\n");
        assertEquals(5, lines.length, command.out());
        assertTrue(lines[0].startsWith("Training on 200 images (test 10000): n_steps 28, n_inputs 28, n_layers 1, "
                + "n_neurons 8, cell lstm, epochs 1, batch_size 100"), lines[0]);
        assertTrue(lines[1].matches("Epoch: 0001 cost= \\d\\.\\d{9}"), lines[1]);
        assertTrue(lines[2].startsWith("Train Accuracy:  "), lines[2]);
        assertEquals("Training Finished!!!", lines[4]);
        assertEquals("", command.err());
    }

    @Test
    void limitsAboveTheDataAreUsageErrors() {
        String dir = RealMnist.directoryOrSkip().toString();
        command.assertUsageError("--train-limit must be at most the 55000 training images, got 60000",
                "train", "--data", dir, "--train-limit", "60000");
        command.assertUsageError("--batch-size must be at most the 100 training images, got 150",
                "train", "--data", dir, "--train-limit", "100");
    }
}
