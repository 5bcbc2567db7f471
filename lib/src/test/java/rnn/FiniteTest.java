package rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FiniteTest {
    @Test
    void findsTheFirstNaNOrInfinityInTheRange() {
        float[] data = {0f, -1e38f, Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN, 3f, Float.NEGATIVE_INFINITY};
        assertEquals(4, Finite.firstNonFinite(data, 0, data.length));
        assertEquals(-1, Finite.firstNonFinite(data, 0, 4)); // the largest and the smallest float32 are finite
        assertEquals(6, Finite.firstNonFinite(data, 5, data.length));
        assertEquals(-1, Finite.firstNonFinite(new float[0], 0, 0));
        assertEquals("NaN +∞ −∞ 2.5", Finite.name(Float.NaN) + " " + Finite.name(Float.POSITIVE_INFINITY) + " "
                + Finite.name(Float.NEGATIVE_INFINITY) + " " + Finite.name(2.5f));
    }

    @Test
    void anInputNamesInstanceStepAndInput() {
        Tensor3 X = new Tensor3(5, 28, 28);
        Finite.checkInput(X, "ImageRNN"); // zeros are fine
        X.set(3, 12, 7, Float.NaN);
        X.set(4, 0, 0, Float.POSITIVE_INFINITY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Finite.checkInput(X, "ImageRNN"));
        assertEquals("ImageRNN expects finite inputs but X[3, 12, 7] is NaN (instance 3, step 12, input 7)",
                e.getMessage());
        X.set(3, 12, 7, 0f);
        e = assertThrows(IllegalArgumentException.class, () -> Finite.checkInput(X, "ImageRNN"));
        assertEquals("ImageRNN expects finite inputs but X[4, 0, 0] is +∞ (instance 4, step 0, input 0)", e.getMessage());
    }

    @Test
    void imagesNameTheImageRowAndColumn() {
        float[] images = new float[3 * 4 * 5]; // 3 images of 4 rows of 5 pixels
        images[2 * 20 + 3 * 5 + 1] = Float.NEGATIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Finite.checkImages(images, 4, 5));
        assertEquals("expected finite pixels but image 2 is −∞ at row 3, column 1", e.getMessage());
    }
}
