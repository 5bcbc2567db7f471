package rnn.linalg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TanhTest {
    @Test
    void withinSixUlpsOfTheExactTanhEverywhere() {
        double maxUlps = 0, maxAbs = 0;
        float worst = 0;
        // every 97th float32 from 0 to 12 (~11 million values), and their negatives through oddness below
        for (int bits = 0; bits <= Float.floatToIntBits(12f); bits += 97) {
            float x = Float.intBitsToFloat(bits);
            double exact = Math.tanh(x);
            float y = Tanh.tanh(x);
            assertTrue(y <= 1f, "tanh(" + x + ") = " + y + " > 1");
            double error = Math.abs(y - exact);
            double ulps = error / Math.ulp((float) exact);
            if (ulps > maxUlps) {
                maxUlps = ulps;
                worst = x;
            }
            maxAbs = Math.max(maxAbs, error);
        }
        assertTrue(maxUlps <= 6.5, "max error " + maxUlps + " ulps at x = " + worst);
        assertTrue(maxAbs <= 3.8e-7, "max absolute error " + maxAbs);
    }

    @Test
    void oddSaturatingAndNaN() {
        for (float x : new float[]{1e-30f, 1e-7f, 0.3f, 1f, 2.5f, 8.9f, 20f}) {
            assertEquals(-Tanh.tanh(x), Tanh.tanh(-x), 0f, "tanh(-x) = -tanh(x) at " + x);
        }
        assertEquals(0f, Tanh.tanh(0f), 0f);
        assertEquals(1e-20f, Tanh.tanh(1e-20f), 0f); // tanh(x) = x for tiny x
        assertEquals(1f, Tanh.tanh(Float.POSITIVE_INFINITY), 1e-7f);
        assertEquals(-1f, Tanh.tanh(-1000f), 1e-7f);
        assertTrue(Float.isNaN(Tanh.tanh(Float.NaN)));
        assertEquals(0.7615942f, Tanh.tanh(1f), 2e-7f); // tanh(1) = 0.76159415595...
    }

    @Test
    void biasTanhIsTheScalarTanhOfZPlusB() {
        float[] Z = new float[12];
        float[] b = new float[10];
        for (int i = 0; i < Z.length; i++) Z[i] = (i - 6) * 0.7f;
        for (int j = 0; j < b.length; j++) b[j] = 0.1f * j;
        float[] original = Z.clone();
        Tanh.biasTanh(Z, 1, b, 10);
        assertEquals(original[0], Z[0], 0f); // outside the row: untouched
        assertEquals(original[11], Z[11], 0f);
        for (int j = 0; j < 10; j++) {
            assertEquals(Tanh.tanh(original[1 + j] + b[j]), Z[1 + j], 0f, "column " + j);
            assertEquals(Math.tanh(original[1 + j] + b[j]), Z[1 + j], 4e-7, "column " + j);
        }
    }
}
