package rnn.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    @Test
    void readsLabelsAsUnsignedBytes() {
        Path file = IdxFixtures.write(dir.resolve("labels"), Idx.LABELS_MAGIC, new int[] {4}, 7, 0, 9, 255);
        Idx labels = Idx.readLabels(file);
        assertArrayEquals(new int[] {4}, labels.dims());
        assertEquals(4, labels.count());
        assertEquals(1, labels.itemSize());
        assertEquals(7, labels.unsigned(0));
        assertEquals(9, labels.unsigned(2));
        assertEquals(255, labels.unsigned(3));
        assertEquals(file.toString(), labels.name());
    }

    @Test
    void readsImagesWithTheirThreeSizes() {
        Path file = IdxFixtures.write(dir.resolve("images"), Idx.IMAGES_MAGIC, new int[] {2, 3, 4},
                IdxFixtures.counting(24));
        Idx images = Idx.readImages(file);
        assertArrayEquals(new int[] {2, 3, 4}, images.dims());
        assertEquals(2, images.count());
        assertEquals(12, images.itemSize());
        assertEquals(0, images.unsigned(0));
        assertEquals(13, images.unsigned(13)); // second image, row 0, column 1
        assertEquals(23, images.unsigned(23));
    }

    @Test
    void truncatedFileNamesItAndBothLengths() {
        Path file = IdxFixtures.write(dir.resolve("short-images"), Idx.IMAGES_MAGIC, new int[] {2, 3, 4},
                IdxFixtures.counting(23));
        MnistDataException e = assertThrows(MnistDataException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().contains("short-images"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 40 bytes"), e.getMessage()); // 16 header + 24 data
        assertTrue(e.getMessage().contains("has 39 (truncated)"), e.getMessage());
    }

    @Test
    void tooLongFileIsRejected() {
        Path file = IdxFixtures.write(dir.resolve("long-labels"), Idx.LABELS_MAGIC, new int[] {2}, 1, 2, 3);
        MnistDataException e = assertThrows(MnistDataException.class, () -> Idx.readLabels(file));
        assertTrue(e.getMessage().contains("long-labels"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 10 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("has 11 (too long)"), e.getMessage());
    }

    @Test
    void labelHeaderCountingMoreLabelsThanStoredIsTruncated() {
        Path file = IdxFixtures.write(dir.resolve("labels"), Idx.LABELS_MAGIC, new int[] {5}, 1, 2, 3);
        MnistDataException e = assertThrows(MnistDataException.class, () -> Idx.readLabels(file));
        assertTrue(e.getMessage().contains("expected 13 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("has 11"), e.getMessage());
    }

    @Test
    void badMagicNamesExpectedAndFound() {
        Path file = IdxFixtures.write(dir.resolve("labels"), Idx.LABELS_MAGIC, new int[] {1}, 1);
        MnistDataException e = assertThrows(MnistDataException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().contains("expected IDX magic number 0x00000803 but found 0x00000801"),
                e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void gzippedFileHasABadMagic() {
        // what you get if a .gz file is passed without unpacking: 1f 8b 08 ...
        MnistDataException e = assertThrows(MnistDataException.class, () -> Idx.parse("x.gz",
                new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, Idx.LABELS_MAGIC));
        assertTrue(e.getMessage().contains("found 0x1F8B0800"), e.getMessage());
    }

    @Test
    void tinyAndMissingFilesAreRejected() {
        MnistDataException tiny = assertThrows(MnistDataException.class,
                () -> Idx.parse("tiny", new byte[] {0, 0}, Idx.LABELS_MAGIC));
        assertTrue(tiny.getMessage().contains("tiny"), tiny.getMessage());
        MnistDataException header = assertThrows(MnistDataException.class,
                () -> Idx.parse("header", new byte[] {0, 0, 8, 3, 0, 0, 0, 1}, Idx.IMAGES_MAGIC));
        assertTrue(header.getMessage().contains("truncated header: expected 16 bytes but the file has 8"),
                header.getMessage());
        Path missing = dir.resolve("nothing-here");
        MnistDataException absent = assertThrows(MnistDataException.class, () -> Idx.readLabels(missing));
        assertTrue(absent.getMessage().contains("nothing-here"), absent.getMessage());
    }
}
