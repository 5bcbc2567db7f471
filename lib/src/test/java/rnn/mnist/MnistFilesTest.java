package rnn.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {
    @TempDir
    Path dir;

    @Test
    void sha256IsLowerCaseHex() {
        // FIPS 180-2's example: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                MnistFiles.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void listsTheFourFilesWithTheirChecksums() {
        assertEquals(4, MnistFiles.FILES.size());
        assertEquals("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
                MnistFiles.entry(MnistFiles.TEST_LABELS).sha256());
        assertThrows(IllegalArgumentException.class, () -> MnistFiles.entry("train-images-idx3-ubyte.gz"));
    }

    @Test
    void missingFileIsNamedWithWhatToRun() {
        MnistDataException e = assertThrows(MnistDataException.class, () -> MnistFiles.verify(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("./build.sh data"), e.getMessage());
    }

    @Test
    void checksumFailureNamesTheFile() throws Exception {
        Files.writeString(dir.resolve(MnistFiles.TRAIN_IMAGES), "not MNIST");
        MnistDataException e = assertThrows(MnistDataException.class, () -> MnistFiles.verify(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                e.getMessage());
        assertTrue(e.getMessage().contains("./build.sh data"), e.getMessage());

        MnistDataException labels = assertThrows(MnistDataException.class, () -> MnistFiles.check(
                MnistFiles.entry(MnistFiles.TEST_LABELS), dir, new byte[10008]));
        assertTrue(labels.getMessage().startsWith("MNIST file t10k-labels-idx1-ubyte in "), labels.getMessage());
        assertTrue(labels.getMessage().contains("(10008 bytes)"), labels.getMessage());
    }

    @Test
    void findsDataMnistInAParentFolder() throws Exception {
        Path mnist = Files.createDirectories(dir.resolve("data").resolve("mnist"));
        Path notebooks = Files.createDirectories(dir.resolve("notebooks").resolve("deeper"));
        assertEquals(mnist.toAbsolutePath(), MnistFiles.findUpward(notebooks));
        assertEquals(mnist.toAbsolutePath(), MnistFiles.findUpward(dir));
    }

    @Test
    void noDataMnistAnywhereUpwardSaysWhatToRun() {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            assumeTrue(!Files.isDirectory(p.resolve("data/mnist")), "a data/mnist exists above the temp dir");
        }
        MnistDataException e = assertThrows(MnistDataException.class, () -> MnistFiles.findUpward(dir));
        assertTrue(e.getMessage().contains("no data/mnist folder"), e.getMessage());
        assertTrue(e.getMessage().contains("./build.sh data"), e.getMessage());
    }

    @Test
    void theRealFilesVerifyWhenPresent() {
        Path real = RealMnist.directoryOrSkip();
        MnistFiles.verify(real); // throws on a missing file or a wrong checksum
        assertTrue(Files.isRegularFile(real.resolve(MnistFiles.TRAIN_LABELS)));
    }
}
