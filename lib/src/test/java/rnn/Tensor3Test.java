package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class Tensor3Test {
    /** The seed's X_batch: 4 instances, 2 time steps, 3 features. */
    private static final float[][][] X_BATCH = {
        {{0, 1, 2}, {9, 8, 7}}, {{3, 4, 5}, {0, 0, 0}}, {{6, 7, 8}, {6, 5, 4}}, {{9, 0, 1}, {3, 2, 1}}};

    @Test
    void ofKeepsTheShapeAndTheRowMajorLayout() {
        Tensor3 X = Tensor3.of(X_BATCH);
        assertArrayEquals(new int[] {4, 2, 3}, X.shape());
        assertEquals("(4, 2, 3)", X.shapeString());
        assertEquals(4, X.dim(0));
        assertEquals(2, X.dim(1));
        assertEquals(3, X.dim(2));
        assertEquals(7f, X.get(2, 0, 1));
        assertEquals(1f, X.get(3, 1, 2));
        // element (i, t, j) sits at (i*n_steps + t)*n + j
        assertEquals(X.get(2, 1, 2), X.data()[(2 * 2 + 1) * 3 + 2]);
        assertEquals(4f, X.data()[(2 * 2 + 1) * 3 + 2]);
    }

    @Test
    void setWritesOneElementAndDataIsLive() {
        Tensor3 X = new Tensor3(2, 3, 4);
        assertEquals(24, X.data().length);
        X.set(1, 2, 3, 5.5f);
        assertEquals(5.5f, X.data()[23]);
        X.data()[0] = -1f;
        assertEquals(-1f, X.get(0, 0, 0));
    }

    @Test
    void stepCopiesOneTimeStepAndSetStepWritesIt() {
        Tensor3 X = Tensor3.of(X_BATCH);
        FMatrixRMaj X1 = X.step(1);
        // the seed's X1_batch
        assertArrayEquals(new float[] {9, 8, 7, 0, 0, 0, 6, 5, 4, 3, 2, 1}, X1.data, 0f);
        X1.set(0, 0, 100f);
        assertEquals(9f, X.get(0, 1, 0), "step(t) must be a copy");

        Tensor3 Y = new Tensor3(4, 2, 3);
        Y.setStep(1, X1);
        assertEquals(100f, Y.get(0, 1, 0));
        assertEquals(4f, Y.get(2, 1, 2));
        assertEquals(0f, Y.get(2, 0, 2));
    }

    @Test
    void unstackGivesTheSeedsX0AndX1AndStackUndoesIt() {
        Tensor3 X = Tensor3.of(X_BATCH);
        List<FMatrixRMaj> X_seqs = Tensor3.unstack(X);
        assertEquals(2, X_seqs.size());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}, X_seqs.get(0).data, 0f);
        assertArrayEquals(new float[] {9, 8, 7, 0, 0, 0, 6, 5, 4, 3, 2, 1}, X_seqs.get(1).data, 0f);
        Tensor3 back = Tensor3.stack(X_seqs);
        assertArrayEquals(X.shape(), back.shape());
        assertArrayEquals(X.data(), back.data(), 0f);
    }

    @Test
    void wrapUsesTheArrayLive() {
        float[] pixels = new float[2 * 28 * 28];
        pixels[28 * 28 + 27] = 0.5f;
        Tensor3 images = Tensor3.wrap(pixels, 2, 28, 28);
        assertSame(pixels, images.data());
        assertEquals(0.5f, images.get(1, 0, 27));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor3.wrap(pixels, 3, 28, 28));
        assertTrue(e.getMessage().contains("2352") && e.getMessage().contains("1568"), e.getMessage());
    }

    @Test
    void toStringIsNumpysLayout() {
        Tensor3 X = Tensor3.of(new float[][][] {{{0.5f, -1f}}, {{2f, 0f}}});
        assertEquals("[[[ 0.5 -1. ]]\n\n [[ 2.   0. ]]]", X.toString());
        assertEquals(NumpyFormat.format(X), X.toString());
    }

    @Test
    void raggedArraysAreRefusedNamingTheRaggedIndex() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> Tensor3.of(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}}}));
        assertTrue(rows.getMessage().contains("values[1] has 1"), rows.getMessage());
        IllegalArgumentException cols = assertThrows(IllegalArgumentException.class,
                () -> Tensor3.of(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8, 9}}}));
        assertTrue(cols.getMessage().contains("values[1][1] has 3"), cols.getMessage());
    }

    @Test
    void badShapesAndIndicesAreRefused() {
        Tensor3 X = Tensor3.of(X_BATCH);
        IllegalArgumentException wrongStep = assertThrows(IllegalArgumentException.class,
                () -> X.setStep(0, new FMatrixRMaj(4, 5)));
        assertTrue(wrongStep.getMessage().contains("4×3") && wrongStep.getMessage().contains("4×5"), wrongStep.getMessage());
        IndexOutOfBoundsException outside = assertThrows(IndexOutOfBoundsException.class, () -> X.get(0, 2, 0));
        assertTrue(outside.getMessage().contains("(0, 2, 0)"), outside.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> X.step(-1));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new Tensor3(2, -1, 3));
        assertTrue(negative.getMessage().contains("(2, -1, 3)"), negative.getMessage());
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> Tensor3.stack(List.of(new FMatrixRMaj(4, 3), new FMatrixRMaj(4, 2))));
        assertTrue(mixed.getMessage().contains("step 1 is 4×2"), mixed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> X.dim(3));
    }
}
