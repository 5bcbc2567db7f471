package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class DenseTest {

    private static Dense handLayer() {
        Dense dense = new Dense(2, 3, new Init(1));
        dense.W().set(new float[][] {{1, 0, -1}, {2, 1, 0.5f}});
        dense.b().set(new float[][] {{0.5f, -1, 0}});
        return dense;
    }

    @Test
    void initialWeightsAreGlorotUniformAndBiasIsZero() {
        Dense dense = new Dense(150, 10, new Init(1));
        assertEquals(150, dense.W().numRows);
        assertEquals(10, dense.W().numCols);
        float limit = (float) Math.sqrt(6.0 / (150 + 10));
        float max = 0;
        for (int i = 0; i < dense.W().getNumElements(); i++) max = Math.max(max, Math.abs(dense.W().data[i]));
        assertTrue(max <= limit && max > 0.9f * limit, "max |W| = " + max + ", limit " + limit);
        assertArrayEquals(new float[10], dense.b().data, 0f);
    }

    @Test
    void forwardIsXTimesWPlusB() {
        FMatrixRMaj X = new FMatrixRMaj(new float[][] {{1, 2}, {-1, 0}});
        FMatrixRMaj logits = handLayer().forward(X);
        // row 0: (1 + 4, 0 + 2, −1 + 1) + b = (5.5, 1, 0); row 1: (−1, 0, 1) + b = (−0.5, −1, 1)
        assertArrayEquals(new float[] {5.5f, 1, 0, -0.5f, -1, 1}, logits.data, 0f);
    }

    @Test
    void backwardGivesXTransposeDOutRowSumsAndDOutWTranspose() {
        Dense dense = handLayer();
        float[] X = {1, 2, -1, 0};
        float[] dOut = {1, 0, 2, 0.5f, 1, -1};
        float[] dW = new float[6];
        float[] db = {9, 9, 9};
        float[] dX = new float[4];
        dense.backward(X, 2, dOut, dW, db, dX);
        // dW = Xᵀ·dOut = [[1·1 − 1·0.5, 0 − 1, 2 + 1], [2, 0, 4]]
        assertArrayEquals(new float[] {0.5f, -1, 3, 2, 0, 4}, dW, 0f);
        assertArrayEquals(new float[] {1.5f, 1, 1}, db, 0f);
        // dX = dOut·Wᵀ: row 0 = (1 − 2, 2 + 0 + 1) = (−1, 3); row 1 = (0.5 + 1, 1 + 1 − 0.5) = (1.5, 1.5)
        assertArrayEquals(new float[] {-1, 3, 1.5f, 1.5f}, dX, 0f);
    }

    @Test
    void wrongInputWidthIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handLayer().forward(new FMatrixRMaj(4, 3)));
        assertEquals("X has 3 columns but the dense layer has n_in = 2", e.getMessage());
    }
}
