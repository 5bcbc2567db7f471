package rnn.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST as it is usually downloaded: {@code train-images-idx3-ubyte.gz} and its siblings. */
class GzipFilesTest {
    @TempDir
    Path dir;

    @Test
    void aGzippedIdxFileReadsAsItsDecompressedBytes() throws Exception {
        Path plain = IdxFixtures.write(dir.resolve("images"), Idx.IMAGES_MAGIC, new int[] {2, 3, 4}, IdxFixtures.counting(24));
        Path gz = IdxFixtures.gzip(plain);
        assertArrayEquals(Files.readAllBytes(plain), Idx.read(gz));
        Idx images = Idx.readImages(gz);
        assertArrayEquals(new int[] {2, 3, 4}, images.dims());
        assertEquals(23, images.unsigned(23));
    }

    @Test
    void theGzippedFileIsTakenWhereThePlainOneIsMissing() throws Exception {
        Path plain = IdxFixtures.write(dir.resolve(MnistFiles.TEST_LABELS), Idx.LABELS_MAGIC, new int[] {3}, 7, 2, 1);
        assertEquals(plain, MnistFiles.existing(dir, MnistFiles.TEST_LABELS));
        Path gz = IdxFixtures.gzip(plain);
        assertEquals(plain, MnistFiles.existing(dir, MnistFiles.TEST_LABELS), "the plain file comes first");
        Files.delete(plain);
        assertEquals(gz, MnistFiles.existing(dir, MnistFiles.TEST_LABELS));
        Files.delete(gz);
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> MnistFiles.existing(dir, MnistFiles.TEST_LABELS));
        assertTrue(e.getMessage().startsWith("MNIST file t10k-labels-idx1-ubyte is missing from " + dir.toAbsolutePath()
                + " (neither t10k-labels-idx1-ubyte nor t10k-labels-idx1-ubyte.gz is there); run ./build.sh data"),
                e.getMessage());
    }

    @Test
    void theChecksumIsOfTheDecompressedBytes() throws Exception {
        Path plain = IdxFixtures.write(dir.resolve(MnistFiles.TEST_LABELS), Idx.LABELS_MAGIC, new int[] {3}, 7, 2, 1);
        String sha256 = MnistFiles.sha256(Files.readAllBytes(plain));
        IdxFixtures.gzip(plain);
        Files.delete(plain);
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> MnistFiles.read(MnistFiles.entry(MnistFiles.TEST_LABELS), dir));
        assertTrue(e.getMessage().startsWith("MNIST file t10k-labels-idx1-ubyte.gz (decompressed) in "), e.getMessage());
        assertTrue(e.getMessage().contains("expected SHA-256 ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
                + " but it is " + sha256 + " (11 bytes)"), e.getMessage());
    }

    @Test
    void aBrokenGzipFileSaysToGunzipItOrFetchAgain() throws Exception {
        Path plain = IdxFixtures.write(dir.resolve(MnistFiles.TRAIN_LABELS), Idx.LABELS_MAGIC, new int[] {300},
                IdxFixtures.counting(300));
        Path gz = IdxFixtures.gzip(plain);
        Files.delete(plain);
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2)); // a download cut short
        MnistFiles.Entry labels = MnistFiles.entry(MnistFiles.TRAIN_LABELS);
        MnistDataException cut = assertThrows(MnistDataException.class, () -> MnistFiles.read(labels, dir));
        assertTrue(cut.getMessage().startsWith("cannot decompress " + gz + " ("), cut.getMessage());
        assertTrue(cut.getMessage().contains("): it is not a whole gzip file; gunzip it by hand to see why, or delete it"
                + " and run ./build.sh data"), cut.getMessage());

        Files.writeString(gz, "not gzip");
        MnistDataException notGzip = assertThrows(MnistDataException.class, () -> MnistFiles.read(labels, dir));
        assertTrue(notGzip.getMessage().startsWith("cannot decompress " + gz + " (Not in GZIP format)"),
                notGzip.getMessage());
    }

    @Test
    void theRealGzippedLabelsPassTheirChecksum() throws Exception {
        Path real = RealMnist.directoryOrSkip();
        Path copy = Files.copy(real.resolve(MnistFiles.TEST_LABELS), dir.resolve(MnistFiles.TEST_LABELS));
        IdxFixtures.gzip(copy);
        Files.delete(copy);
        byte[] contents = MnistFiles.read(MnistFiles.entry(MnistFiles.TEST_LABELS), dir);
        assertEquals(10_008, contents.length);
        assertEquals(7, Idx.parse("t10k", contents, Idx.LABELS_MAGIC).unsigned(0)); // t10k's first digit is a 7
    }
}
