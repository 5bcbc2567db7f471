package rnn.mnist;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real MNIST folder for tests, skipping the test when ./build.sh has not fetched it. */
public final class RealMnist {
    private static Mnist loaded;

    private RealMnist() {
    }

    public static Path directoryOrSkip() {
        Path dir;
        try {
            dir = MnistFiles.directory();
        } catch (MnistDataException e) {
            dir = null;
        }
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve(MnistFiles.TRAIN_IMAGES)),
                "MNIST is not in data/mnist: run ./build.sh data");
        return dir;
    }

    /** Loaded once per test JVM. */
    public static synchronized Mnist loadOrSkip() {
        Path dir = directoryOrSkip();
        if (loaded == null) loaded = Mnist.load(dir);
        return loaded;
    }
}
