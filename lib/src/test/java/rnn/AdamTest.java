package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void oneAndTwoStepsMatchTheUpdateWorkedByHand() {
        FMatrixRMaj theta = new FMatrixRMaj(new float[][] {{1.0f, -2.0f}});
        Adam adam = new Adam(0.1f);

        adam.step(List.of(theta), List.of(new FMatrixRMaj(new float[][] {{0.5f, -0.1f}})));
        // t = 1: m = 0.1·g = (0.05, −0.01); v = 0.001·g² = (2.5e-4, 1e-5);
        // lr_t = 0.1·sqrt(0.001)/0.1 = 0.0316227766; θ −= lr_t·m/(sqrt(v) + 1e-8) ≈ θ − 0.1·sign(g)
        assertArrayEquals(new float[] {0.9000000632f, -1.9000003162f}, theta.data, 1e-6f);

        adam.step(List.of(theta), List.of(new FMatrixRMaj(new float[][] {{0.2f, 0.3f}})));
        // t = 2: m = (0.065, 0.021); v = (2.8975e-4, 9.999e-5);
        // lr_t = 0.1·sqrt(1 − 0.999²)/(1 − 0.9²) = 0.0235316725
        // θ0 = 0.9000000632 − 0.0235316725·0.065/(0.0170220445 + 1e-8) = 0.8101425956
        // θ1 = −1.9000003162 − 0.0235316725·0.021/(0.0099995 + 1e-8) = −1.9494192501
        assertArrayEquals(new float[] {0.8101425956f, -1.9494192501f}, theta.data, 1e-6f);
        assertEquals(2, adam.iterations());
    }

    @Test
    void eachParameterKeepsItsOwnMoments() {
        FMatrixRMaj a = new FMatrixRMaj(new float[][] {{0f}});
        FMatrixRMaj b = new FMatrixRMaj(new float[][] {{0f}});
        Adam adam = new Adam(0.01f, 0.5f, 0.75f, 1e-8f);
        adam.step(List.of(a, b), List.of(new FMatrixRMaj(new float[][] {{2f}}), new FMatrixRMaj(new float[][] {{0f}})));
        // a: m = 1, v = 1, lr_t = 0.01·sqrt(0.25)/0.5 = 0.01 → a = −0.01; b has g = 0 → m = 0 → unchanged
        assertEquals(-0.01f, a.data[0], 1e-7f);
        assertEquals(0f, b.data[0], 0f);
        adam.step(List.of(a, b), List.of(new FMatrixRMaj(new float[][] {{0f}}), new FMatrixRMaj(new float[][] {{4f}})));
        // t = 2, lr_t = 0.01·sqrt(1 − 0.5625)/(1 − 0.25) = 0.0088191710
        // a: m = 0.5, v = 0.75 → a −= lr_t·0.5/0.8660254 = 0.0050917508
        // b: m = 2, v = 4 → b −= lr_t·2/2
        assertEquals(-0.0150917508f, a.data[0], 1e-7f);
        assertEquals(-0.0088191710f, b.data[0], 1e-7f);
    }

    @Test
    void aNonFiniteGradientIsRefusedAndNothingChanges() {
        FMatrixRMaj W = new FMatrixRMaj(new float[][] {{1.0f, -2.0f}});
        FMatrixRMaj b = new FMatrixRMaj(new float[][] {{0.5f}});
        Adam adam = new Adam(0.1f);
        FMatrixRMaj dW = new FMatrixRMaj(new float[][] {{0.5f, -0.1f}});
        FMatrixRMaj db = new FMatrixRMaj(new float[][] {{Float.NaN}});
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> adam.step(List.of(W, b), List.of(dW, db)));
        assertEquals("the gradient of parameter 1 is NaN at entry 0; no parameter was updated", e.getMessage());
        // W comes first and its gradient is finite, but it is left as it was too, and no step is counted
        assertArrayEquals(new float[] {1.0f, -2.0f}, W.data, 0f);
        assertEquals(0.5f, b.data[0], 0f);
        assertEquals(0, adam.iterations());

        float[][] params = {W.data, b.data};
        float[][] grads = {new float[] {Float.POSITIVE_INFINITY, 0f}, new float[] {0f}};
        e = assertThrows(ArithmeticException.class,
                () -> adam.step(params, grads, new int[] {2, 1}, List.of("W", "b")));
        assertEquals("the gradient of parameter W (index 0) is +∞ at entry 0; no parameter was updated", e.getMessage());

        // the moments were not touched: the first good step is still the worked one (θ ≈ θ − 0.1·sign(g))
        db.data[0] = 0f;
        adam.step(List.of(W, b), List.of(dW, db));
        assertArrayEquals(new float[] {0.9000000632f, -1.9000003162f}, W.data, 1e-6f);
        assertEquals(1, adam.iterations());
    }

    @Test
    void shapesAreChecked() {
        Adam adam = new Adam(0.001f);
        FMatrixRMaj theta = new FMatrixRMaj(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(List.of(theta), List.of(new FMatrixRMaj(3, 2))));
        assertEquals("parameter 0 is 2×3 but its gradient is 3×2", e.getMessage());
        adam.step(List.of(theta), List.of(new FMatrixRMaj(2, 3)));
        e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(List.of(new FMatrixRMaj(2, 2)), List.of(new FMatrixRMaj(2, 2))));
        assertEquals("parameter 0 has 4 entries but had 6 at the first step", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> adam.step(List.of(theta, theta), List.of(new FMatrixRMaj(2, 3), new FMatrixRMaj(2, 3))));
        assertThrows(IllegalArgumentException.class, () -> new Adam(-1f));
    }
}
