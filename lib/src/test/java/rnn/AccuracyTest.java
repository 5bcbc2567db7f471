package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void fractionOfRowsWhoseLabelHasTheLargestLogit() {
        FMatrixRMaj logits = new FMatrixRMaj(new float[][] {
            {0.1f, 2f, -1f},
            {3f, 0f, 1f},
            {0f, 0f, 5f},
            {-2f, -1f, -3f}});
        // rows 0 and 2 right, rows 1 and 3 wrong
        assertEquals(0.5f, Accuracy.accuracy(logits, new int[] {1, 2, 2, 0}), 0f);
        assertEquals(1f, Accuracy.accuracy(logits, new int[] {1, 0, 2, 1}), 0f);
    }

    @Test
    void aLabelTiedWithTheMaximumCountsAsInTopOne() {
        FMatrixRMaj logits = new FMatrixRMaj(new float[][] {{2f, 2f, 1f}, {2f, 2f, 1f}});
        // in_top_k counts the classes strictly larger than the target: none for either tied class
        assertEquals(1f, Accuracy.accuracy(logits, new int[] {0, 1}), 0f);
        // argmax, unlike in_top_k, picks one class: the first
        assertArrayEquals(new int[] {0, 0}, Accuracy.argmax(logits));
    }

    @Test
    void aRowWithANonFiniteLogitIsNotCorrect() {
        FMatrixRMaj logits = new FMatrixRMaj(new float[][] {
            {5f, Float.NaN, 0f},
            {Float.POSITIVE_INFINITY, 0f, 0f},
            {1f, 0f, Float.NEGATIVE_INFINITY},
            {1f, 0f, 0f}});
        assertEquals(0.25f, Accuracy.accuracy(logits, new int[] {0, 0, 0, 0}), 0f);
    }

    @Test
    void argmaxOfEachRow() {
        FMatrixRMaj logits = new FMatrixRMaj(new float[][] {{0f, 1f, -1f}, {7f, 2f, 3f}, {-5f, -4f, -3f}});
        assertArrayEquals(new int[] {1, 0, 2}, Accuracy.argmax(logits));
    }

    @Test
    void labelsAreChecked() {
        FMatrixRMaj logits = new FMatrixRMaj(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Accuracy.accuracy(logits, new int[] {0, 7}));
        assertEquals("labels[1] = 7 is outside the class range [0, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Accuracy.accuracy(logits, new int[] {0}));
    }
}
