package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class RecurrentCellTest {

    @Test
    void oneStepMatchesTheEquationWorkedByHand() {
        // n_inputs = 2, n_neurons = 2; W = [Wx; Wy]
        FMatrixRMaj Wx = new FMatrixRMaj(new float[][] {{0.5f, -1f}, {0.25f, 2f}});
        FMatrixRMaj Wy = new FMatrixRMaj(new float[][] {{1f, 0f}, {-0.5f, 0.1f}});
        FMatrixRMaj b = new FMatrixRMaj(new float[][] {{0.1f, -0.2f}});
        RecurrentCell cell = RecurrentCell.fromWeights(Wx, Wy, b);
        FMatrixRMaj X_t = new FMatrixRMaj(new float[][] {{1f, 2f}, {0f, -1f}});
        FMatrixRMaj Y_prev = new FMatrixRMaj(new float[][] {{0.5f, 0.5f}, {-1f, 0f}});
        FMatrixRMaj Y = cell.step(X_t, Y_prev);
        // row 0: X·Wx = (0.5 + 0.5, -1 + 4) = (1, 3); Y·Wy = (0.5 - 0.25, 0.05) = (0.25, 0.05)
        // row 1: X·Wx = (-0.25, -2);                 Y·Wy = (-1, 0)
        float[] expected = {
            (float) Math.tanh(1 + 0.25 + 0.1), (float) Math.tanh(3 + 0.05 - 0.2),
            (float) Math.tanh(-0.25 - 1 + 0.1), (float) Math.tanh(-2 + 0 - 0.2)};
        assertArrayEquals(expected, Y.data, 1e-6f);
        assertArrayEquals(expected, cell.stepConcatenated(X_t, Y_prev).data, 1e-6f);
    }

    @Test
    void separateAndConcatenatedFormsAgree() {
        Init init = new Init(7);
        RecurrentCell cell = new RecurrentCell(4, 6, init);
        FMatrixRMaj X_t = init.randomNormal(5, 4);
        FMatrixRMaj Y_prev = cell.step(init.randomNormal(5, 4), cell.zeroState(5).output());
        FMatrixRMaj separate = cell.step(X_t, Y_prev);
        FMatrixRMaj concatenated = cell.stepConcatenated(X_t, Y_prev);
        assertEquals(5, separate.numRows);
        assertEquals(6, separate.numCols);
        assertArrayEquals(separate.data, concatenated.data, 1e-6f);
        // tanh saturates at ±1 and is not constant on these inputs
        for (float y : separate.data) {
            assertTrue(Math.abs(y) <= 1f, "tanh output " + y);
        }
        assertNotEquals(separate.data[0], separate.data[1]);
    }

    @Test
    void theKernelStacksWxOnWyAndRoundTrips() {
        Init init = new Init(3);
        FMatrixRMaj Wx = init.randomNormal(3, 5);
        FMatrixRMaj Wy = init.randomNormal(5, 5);
        FMatrixRMaj b = init.randomNormal(1, 5);
        RecurrentCell cell = RecurrentCell.fromWeights(Wx, Wy, b);
        assertEquals(3, cell.n_inputs());
        assertEquals(5, cell.n_neurons());
        assertEquals(8, cell.W().numRows);
        assertEquals(5, cell.W().numCols);
        assertArrayEquals(Wx.data, cell.Wx().data, 0f);
        assertArrayEquals(Wy.data, cell.Wy().data, 0f);
        assertArrayEquals(b.data, cell.b().data, 0f);
        // row 3 of W is row 0 of Wy
        assertEquals(Wy.get(0, 2), cell.W().get(3, 2));

        RecurrentCell again = RecurrentCell.fromKernel(cell.W(), cell.b());
        assertArrayEquals(Wx.data, again.Wx().data, 0f);
        assertArrayEquals(Wy.data, again.Wy().data, 0f);
        assertEquals(3, again.n_inputs());
    }

    @Test
    void WAndBAreLiveButWxAndWyAreCopies() {
        RecurrentCell cell = new RecurrentCell(2, 3, new Init(1));
        assertSame(cell.W(), cell.W());
        assertSame(cell.b(), cell.b());
        FMatrixRMaj X_t = new FMatrixRMaj(new float[][] {{1f, -1f}});
        // Y = tanh(1·W[0, j] - 1·W[1, j] + b[j]) from a zero state
        double z = cell.W().get(0, 1) - cell.W().get(1, 1);
        assertEquals(Math.tanh(z), cell.step(X_t, cell.zeroState(1).output()).get(0, 1), 1e-6);

        cell.b().set(0, 1, 0.5f);      // in-place updates, as the trainer makes
        cell.W().set(1, 1, cell.W().get(1, 1) - 0.25f);
        assertEquals(Math.tanh(z + 0.25 + 0.5), cell.step(X_t, cell.zeroState(1).output()).get(0, 1), 1e-6);

        cell.Wx().set(0, 0, 99f);
        assertNotEquals(99f, cell.W().get(0, 0));
    }

    @Test
    void theDefaultCellIsGlorotUniformWithZeroBias() {
        RecurrentCell cell = new RecurrentCell(3, 5, new Init(42));
        float limit = (float) Math.sqrt(6.0 / (8 + 5));
        for (float w : cell.W().data) {
            assertTrue(Math.abs(w) <= limit, w + " outside ±" + limit);
        }
        assertArrayEquals(new float[5], cell.b().data, 0f);
        assertArrayEquals(new Init(42).glorotUniform(8, 5).data, cell.W().data, 0f);
        assertArrayEquals(new float[2 * 5], cell.zeroState(2).output().data, 0f);
    }

    @Test
    void shapeErrorsNameWhatWasExpectedAndGiven() {
        RecurrentCell cell = new RecurrentCell(4, 2, new Init(1));
        IllegalArgumentException X = assertThrows(IllegalArgumentException.class,
                () -> cell.step(new FMatrixRMaj(2, 3), cell.zeroState(2).output()));
        assertEquals("X(t) has 3 columns but the cell has n_inputs = 4", X.getMessage());
        IllegalArgumentException Y = assertThrows(IllegalArgumentException.class,
                () -> cell.stepConcatenated(new FMatrixRMaj(2, 4), new FMatrixRMaj(2, 3)));
        assertTrue(Y.getMessage().contains("has 3 columns") && Y.getMessage().contains("n_neurons = 2"), Y.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> cell.step(new FMatrixRMaj(2, 4), new FMatrixRMaj(3, 2)));
        assertTrue(rows.getMessage().contains("3 rows") && rows.getMessage().contains("has 2"), rows.getMessage());

        IllegalArgumentException Wy = assertThrows(IllegalArgumentException.class,
                () -> RecurrentCell.fromWeights(new FMatrixRMaj(4, 2), new FMatrixRMaj(2, 3), new FMatrixRMaj(1, 2)));
        assertTrue(Wy.getMessage().contains("Wy") && Wy.getMessage().contains("2×2") && Wy.getMessage().contains("2×3"),
                Wy.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> RecurrentCell.fromKernel(new FMatrixRMaj(6, 2), new FMatrixRMaj(2, 1)));
        assertTrue(b.getMessage().contains("1×2") && b.getMessage().contains("2×1"), b.getMessage());
        IllegalArgumentException W = assertThrows(IllegalArgumentException.class,
                () -> RecurrentCell.fromKernel(new FMatrixRMaj(2, 2), new FMatrixRMaj(1, 2)));
        assertTrue(W.getMessage().contains("2×2"), W.getMessage());
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> new RecurrentCell(0, 5, new Init(1)));
        assertTrue(sizes.getMessage().contains("n_inputs = 0"), sizes.getMessage());
    }

    // ---- Init, the seeded initialisers the cell draws from ----

    @Test
    void theSameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
        Init a = new Init(1);
        Init b = new Init(1);
        FMatrixRMaj first = a.randomNormal(3, 5);
        assertArrayEquals(first.data, b.randomNormal(3, 5).data, 0f);
        assertArrayEquals(a.glorotUniform(4, 2).data, b.glorotUniform(4, 2).data, 0f);
        // one generator consumed in call order: the second draw differs from the first
        assertFalse(Arrays.equals(first.data, a.randomNormal(3, 5).data));
        assertFalse(Arrays.equals(first.data, new Init(2).randomNormal(3, 5).data));
    }

    @Test
    void glorotUniformStaysWithinItsLimitAndFillsIt() {
        FMatrixRMaj W = new Init(5).glorotUniform(150 + 28, 150);
        float limit = (float) Math.sqrt(6.0 / (178 + 150));
        assertEquals(178, W.numRows);
        assertEquals(150, W.numCols);
        float max = 0f;
        double sum = 0;
        for (float w : W.data) {
            assertTrue(Math.abs(w) <= limit, w + " outside ±" + limit);
            max = Math.max(max, Math.abs(w));
            sum += w;
        }
        assertTrue(max > 0.99f * limit, "26,700 uniform draws reach close to the limit, max = " + max);
        assertEquals(0.0, sum / W.data.length, 0.01 * limit);
    }

    @Test
    void randomNormalHasMeanZeroAndStandardDeviationOne() {
        FMatrixRMaj z = new Init(11).randomNormal(100, 100);
        double sum = 0;
        double sumSquares = 0;
        for (float v : z.data) {
            sum += v;
            sumSquares += v * v;
        }
        double mean = sum / 10_000;
        double std = Math.sqrt(sumSquares / 10_000 - mean * mean);
        // standard errors: 0.01 for the mean, about 0.007 for the std
        assertEquals(0.0, mean, 0.04);
        assertEquals(1.0, std, 0.03);
        assertArrayEquals(new float[6], Init.zeros(2, 3).data, 0f);
        assertEquals(2, Init.zeros(2, 3).numRows);
    }
}
