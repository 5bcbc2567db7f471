package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {

    private static final FMatrixRMaj LOGITS = new FMatrixRMaj(new float[][] {{1, 2, 3}, {0, 0, 0}});
    private static final int[] LABELS = {2, 0};

    @Test
    void lossOfAHandExample() {
        // row 0: log(e^1 + e^2 + e^3) − 3 = 0.4076059644; row 1: log 3 = 1.0986122887; mean 0.7531091266
        assertEquals(0.7531091266f, SoftmaxCrossEntropy.loss(LOGITS, LABELS), 1e-6f);
    }

    @Test
    void gradientIsSoftmaxMinusOneHotOverM() {
        FMatrixRMaj dLogits = new FMatrixRMaj(1, 1);
        float loss = SoftmaxCrossEntropy.lossAndGradient(LOGITS, LABELS, dLogits);
        assertEquals(0.7531091266f, loss, 1e-6f);
        assertEquals(2, dLogits.numRows);
        assertEquals(3, dLogits.numCols);
        // softmax(1, 2, 3) = (0.0900305732, 0.2447284711, 0.6652409558); softmax(0, 0, 0) = 1/3 each; m = 2
        float[] expected = {
            0.0900305732f / 2, 0.2447284711f / 2, (0.6652409558f - 1) / 2,
            (1f / 3 - 1) / 2, 1f / 6, 1f / 6};
        assertArrayEquals(expected, dLogits.data, 1e-6f);
    }

    @Test
    void largeLogitsDoNotOverflow() {
        FMatrixRMaj logits = new FMatrixRMaj(new float[][] {{1000, 0}, {1000, 1000}});
        // row 0: −log softmax = 1000 exactly; row 1: log 2
        float loss = SoftmaxCrossEntropy.loss(logits, new int[] {1, 0});
        assertEquals((1000 + (float) Math.log(2)) / 2, loss, 1e-4f);
        assertTrue(Float.isFinite(loss));
    }

    @Test
    void labelOutsideTheClassRangeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.loss(LOGITS, new int[] {2, 3}));
        assertEquals("labels[1] = 3 is outside the class range [0, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SoftmaxCrossEntropy.loss(LOGITS, new int[] {-1, 0}));
    }

    @Test
    void labelCountMustMatchRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxCrossEntropy.lossAndGradient(LOGITS, new int[] {0, 1, 2}, new FMatrixRMaj(2, 3)));
        assertEquals("labels has 3 entries but logits has 2 rows", e.getMessage());
    }
}
