package rnn.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnn.Tensor3;

class DataSetTest {
    @TempDir
    Path dir;

    /** Three 2 × 3 images: image i has pixels 10·i + p for p = 0..5, except image 2's first pixel is 255. */
    private DataSet set;

    @BeforeEach
    void writeThreeImages() {
        int[] pixels = new int[18];
        for (int i = 0; i < 3; i++) for (int p = 0; p < 6; p++) pixels[i * 6 + p] = 10 * i + p;
        pixels[12] = 255;
        Idx images = Idx.readImages(IdxFixtures.write(dir.resolve("images"), Idx.IMAGES_MAGIC, new int[] {3, 2, 3}, pixels));
        Idx labels = Idx.readLabels(IdxFixtures.write(dir.resolve("labels"), Idx.LABELS_MAGIC, new int[] {3}, 4, 9, 0));
        set = DataSet.fromIdx(images, labels);
    }

    @Test
    void refusesNonFinitePixelsNamingTheImage() {
        float[] pixels = new float[3 * 6];
        pixels[2 * 6 + 4] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataSet(pixels, new int[] {1, 2, 3}, 2, 3));
        assertEquals("expected finite pixels but image 2 is NaN at row 1, column 1", e.getMessage());
    }

    @Test
    void scalesPixelsToZeroOne() {
        assertEquals(3, set.size());
        assertEquals(2, set.n_steps());
        assertEquals(3, set.n_inputs());
        assertArrayEquals(new float[] {0f, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f, 5 / 255f}, set.image(0));
        assertEquals(1.0f, set.image(2)[0]); // pixel 255 → exactly 1
        assertEquals(21 / 255f, set.image(2)[1]);
        assertArrayEquals(new int[] {4, 9, 0}, set.labels());
        assertEquals(9, set.label(1));
    }

    @Test
    void imagesAreSequencesOfRows() {
        Tensor3 X = set.images(1, 3);
        assertEquals(2, X.dim(0));
        assertEquals(2, X.dim(1)); // n_steps: rows
        assertEquals(3, X.dim(2)); // n_inputs: pixels per row
        // instance 0 is image 1; time step 1 is its second row: pixels 13, 14, 15
        int t1 = (0 * 2 + 1) * 3;
        assertArrayEquals(new float[] {13 / 255f, 14 / 255f, 15 / 255f}, Arrays.copyOfRange(X.data(), t1, t1 + 3));
        assertEquals(1.0f, X.data()[6]); // instance 1 = image 2, t = 0, column 0
        assertEquals(3, set.images().dim(0));
        assertArrayEquals(new int[] {9, 0}, set.labels(1, 3));
    }

    @Test
    void gatherPicksShuffledImagesIntoTheReusedTensor() {
        int[] order = {2, 0, 1};
        Tensor3 X = set.gather(order, 0, 2, null);
        assertArrayEquals(Arrays.copyOf(set.image(2), 6), Arrays.copyOfRange(X.data(), 0, 6));
        assertArrayEquals(set.image(0), Arrays.copyOfRange(X.data(), 6, 12));
        int[] y = set.gatherLabels(order, 0, 2, null);
        assertArrayEquals(new int[] {0, 4}, y);

        Tensor3 again = set.gather(order, 1, 3, X);
        assertSame(X, again);
        assertArrayEquals(set.image(1), Arrays.copyOfRange(again.data(), 6, 12));
        assertSame(y, set.gatherLabels(order, 1, 3, y));
        assertArrayEquals(new int[] {4, 9}, y);

        assertNotSame(X, set.gather(order, 0, 3, X)); // 3 images do not fit a tensor of 2
        assertThrows(IndexOutOfBoundsException.class, () -> set.gather(new int[] {0, 3}, 0, 2, null));
    }

    @Test
    void limitKeepsTheFirstImages() {
        DataSet first = set.limit(2);
        assertEquals(2, first.size());
        assertArrayEquals(set.image(1), first.image(1));
        assertArrayEquals(new int[] {4, 9}, first.labels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set.limit(4));
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("got 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> set.limit(0));
    }

    @Test
    void labelCountMustMatchImageCount() {
        Idx images = Idx.readImages(dir.resolve("images"));
        Idx labels = Idx.readLabels(IdxFixtures.write(dir.resolve("two-labels"), Idx.LABELS_MAGIC, new int[] {2}, 1, 2));
        MnistDataException e = assertThrows(MnistDataException.class, () -> DataSet.fromIdx(images, labels));
        assertTrue(e.getMessage().contains("two-labels has 2 labels"), e.getMessage());
        assertTrue(e.getMessage().contains("has 3 images"), e.getMessage());
    }

    @Test
    void constructorChecksPixelCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataSet(new float[10], new int[2], 2, 3));
        assertTrue(e.getMessage().contains("= 12 pixels") && e.getMessage().contains("got 10"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> set.images(2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> set.image(3));
    }
}
