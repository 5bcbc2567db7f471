package rnn.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fast path's σ(z) = ½ + ½·tanh(z/2): within 2·10⁻⁷ of the exact σ, exactly 0 and 1 far out, never beyond. */
class FloatSigmoidTest {

    @Test
    void closeToTheExactSigmoidEverywhere() {
        double worst = 0;
        for (int k = -400_000; k <= 400_000; k++) {
            float z = k * 1e-4f;
            float s = FloatSigmoid.sigmoid(z);
            assertTrue(s >= 0f && s <= 1f, "σ(" + z + ") = " + s);
            worst = Math.max(worst, Math.abs(s - 1 / (1 + Math.exp(-(double) z))));
        }
        System.out.printf("FloatSigmoid: largest absolute error on [-40, 40] %.3g%n", worst);
        assertTrue(worst <= 2e-7, "largest absolute error " + worst);
    }

    @Test
    void saturatesAtZeroAndOne() {
        assertEquals(0.5f, FloatSigmoid.sigmoid(0f), 0f);
        assertEquals(1f, FloatSigmoid.sigmoid(18.5f), 0f);
        assertEquals(0f, FloatSigmoid.sigmoid(-18.5f), 0f);
        assertEquals(1f, FloatSigmoid.sigmoid(Float.POSITIVE_INFINITY), 0f);
        assertEquals(0f, FloatSigmoid.sigmoid(Float.NEGATIVE_INFINITY), 0f);
    }
}
