package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanSquaredErrorTest {

    @Test
    void theMeanOfTheSquaredErrorsOverEveryElement() {
        Tensor3 outputs = Tensor3.of(new float[][][] {{{1}, {2}}, {{3}, {-1}}});
        Tensor3 y = Tensor3.of(new float[][][] {{{0}, {2}}, {{1}, {1}}});
        // errors 1, 0, 2, −2: (1 + 0 + 4 + 4) / 4
        assertEquals(2.25f, MeanSquaredError.loss(outputs, y), 0f);
        Tensor3 d = new Tensor3(2, 2, 1);
        assertEquals(2.25f, MeanSquaredError.lossAndGradient(outputs, y, d), 0f);
        // 2·error / N = error / 2
        assertArrayEquals(new float[] {0.5f, 0, 1, -1}, d.data(), 0f);
    }

    @Test
    void theGradientIsTheCentralDifferenceOfTheLoss() {
        Tensor3 outputs = new Tensor3(3, 4, 2);
        Tensor3 y = new Tensor3(3, 4, 2);
        java.util.Random random = new java.util.Random(5);
        for (int k = 0; k < outputs.data().length; k++) {
            outputs.data()[k] = (float) random.nextGaussian();
            y.data()[k] = (float) random.nextGaussian();
        }
        Tensor3 d = new Tensor3(3, 4, 2);
        MeanSquaredError.lossAndGradient(outputs, y, d);
        int n = outputs.data().length;
        double h = 1e-3;
        for (int k = 0; k < n; k++) {
            // L is quadratic, so the central difference of a double evaluation is exact up to rounding
            double plus = 0;
            double minus = 0;
            for (int j = 0; j < n; j++) {
                double e = outputs.data()[j] - y.data()[j];
                double ePlus = j == k ? e + h : e;
                double eMinus = j == k ? e - h : e;
                plus += ePlus * ePlus / n;
                minus += eMinus * eMinus / n;
            }
            assertEquals((plus - minus) / (2 * h), d.data()[k], 1e-6, "element " + k);
        }
    }

    @Test
    void partsOfABatchAddUpToTheWholeBatch() {
        float[] outputs = {1, 2, 3, 4, 5};
        float[] y = {0, 0, 0, 0, 0};
        float[] d = new float[5];
        double first = MeanSquaredError.lossSumAndGradient(outputs, 2, y, 0, 5, d);
        float[] rest = {3, 4, 5};
        float[] dRest = new float[3];
        double second = MeanSquaredError.lossSumAndGradient(rest, 3, y, 2, 5, dRest);
        assertEquals(55.0, first + second, 0.0);
        assertArrayEquals(new float[] {0.4f, 0.8f}, java.util.Arrays.copyOf(d, 2), 1e-7f);
        assertArrayEquals(new float[] {1.2f, 1.6f, 2f}, dRest, 1e-7f);
    }

    @Test
    void shapesThatDoNotMatchSayWhatWasExpected() {
        Tensor3 outputs = new Tensor3(2, 3, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeanSquaredError.loss(outputs, new Tensor3(2, 4, 1)));
        assertTrue(e.getMessage().startsWith("y must be the shape of outputs [batch, n_steps, n_outputs] = [2, 3, 1]"
                + " but is (2, 4, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MeanSquaredError.loss(new Tensor3(0, 3, 1), new Tensor3(0, 3, 1)));
        assertTrue(e.getMessage().contains("the mean over an empty batch is undefined"), e.getMessage());
    }
}
