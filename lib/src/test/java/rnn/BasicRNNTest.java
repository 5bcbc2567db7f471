package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class BasicRNNTest {
    /** The seed's SingleRNN X0_batch and X1_batch (t = 0 and t = 1), 4 instances × 4 inputs. */
    private static final FMatrixRMaj X0_SINGLE = new FMatrixRMaj(new float[][] {{0, 1, 2, 0}, {3, 4, 5, 0}, {6, 7, 8, 0}, {9, 0, 1, 0}});
    private static final FMatrixRMaj X1_SINGLE = new FMatrixRMaj(new float[][] {{9, 8, 7, 0}, {0, 0, 0, 0}, {6, 5, 4, 0}, {3, 2, 1, 0}});

    @Test
    void singleRnnReproducesTheSeedsY0FromTheSeedsPrintedWx() {
        // the seed's print(Wx) of its single neuron
        FMatrixRMaj Wx = new FMatrixRMaj(new float[][] {{0.45043385f}, {0.74536854f}, {-0.68741149f}, {0.21806668f}});
        FMatrixRMaj b = new FMatrixRMaj(1, 1);
        for (float wy : new float[] {-1.3f, 0f, 0.7f}) { // the seed does not print Wy: Y0 must not depend on it
            SingleRNN model = new SingleRNN(Wx, new FMatrixRMaj(new float[][] {{wy}}), b);
            TwoSteps out = model.run(X0_SINGLE, X1_SINGLE);
            // the seed's print(Y0_val)
            assertArrayEquals(new float[] {-0.55767643f, 0.7142067f, 0.98433769f, 0.99762088f}, out.Y0().data, 1e-6f);
            assertEquals(4, out.Y0().numRows);
            assertEquals(1, out.Y0().numCols);
            // Y1 = tanh(Y0·Wy + X1·Wx), instance 1 has X1 = 0: Y1 = tanh(Y0·Wy)
            assertEquals(Math.tanh(out.Y0().get(1, 0) * wy), out.Y1().get(1, 0), 1e-6);
        }
    }

    @Test
    void bothStepsFollowTheSeedsTwoEquations() {
        Init init = new Init(9);
        BasicRNN model = new BasicRNN(init.randomNormal(3, 5), init.randomNormal(5, 5), init.randomNormal(1, 5));
        FMatrixRMaj X0 = new FMatrixRMaj(new float[][] {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9, 0, 1}});
        FMatrixRMaj X1 = new FMatrixRMaj(new float[][] {{9, 8, 7}, {0, 0, 0}, {6, 5, 4}, {3, 2, 1}});
        TwoSteps out = model.run(X0, X1);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                // Y0 = tanh(X0·Wx + b)
                double z0 = model.b.get(0, j);
                for (int k = 0; k < 3; k++) z0 += X0.get(i, k) * model.Wx.get(k, j);
                assertEquals(Math.tanh(z0), out.Y0().get(i, j), 1e-6, "Y0[" + i + "," + j + "]");
                // Y1 = tanh(Y0·Wy + X1·Wx + b)
                double z1 = model.b.get(0, j);
                for (int k = 0; k < 5; k++) z1 += out.Y0().get(i, k) * model.Wy.get(k, j);
                for (int k = 0; k < 3; k++) z1 += X1.get(i, k) * model.Wx.get(k, j);
                assertEquals(Math.tanh(z1), out.Y1().get(i, j), 1e-6, "Y1[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void theSeededConstructorDrawsWxThenWyFromRandomNormalWithZeroBias() {
        BasicRNN model = new BasicRNN(3, 5, new Init(1));
        Init same = new Init(1);
        assertArrayEquals(same.randomNormal(3, 5).data, model.Wx.data, 0f);
        assertArrayEquals(same.randomNormal(5, 5).data, model.Wy.data, 0f);
        assertArrayEquals(new float[5], model.b.data, 0f);
        assertEquals(1, model.b.numRows);

        SingleRNN single = new SingleRNN(4, 1, new Init(1));
        assertEquals(4, single.Wx.numRows);
        assertEquals(1, single.Wy.numCols);
        assertArrayEquals(new Init(1).randomNormal(4, 1).data, single.Wx.data, 0f);
    }

    @Test
    void wrongShapesAreRefusedNamingThem() {
        IllegalArgumentException Wy = assertThrows(IllegalArgumentException.class,
                () -> new BasicRNN(new FMatrixRMaj(3, 5), new FMatrixRMaj(5, 4), new FMatrixRMaj(1, 5)));
        assertTrue(Wy.getMessage().contains("5×5") && Wy.getMessage().contains("5×4"), Wy.getMessage());
        BasicRNN model = new BasicRNN(3, 5, new Init(1));
        IllegalArgumentException X = assertThrows(IllegalArgumentException.class,
                () -> model.run(new FMatrixRMaj(4, 4), new FMatrixRMaj(4, 4)));
        assertEquals("X(t) has 4 columns but the cell has n_inputs = 3", X.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> model.run(new FMatrixRMaj(4, 3), new FMatrixRMaj(2, 3)));
        assertTrue(rows.getMessage().contains("4 rows") && rows.getMessage().contains("has 2"), rows.getMessage());
    }
}
