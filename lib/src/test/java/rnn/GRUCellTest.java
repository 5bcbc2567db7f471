package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** TF 1.x's GRUCell: one step by hand, its initialisers, and its state through dynamic_rnn. */
class GRUCellTest {

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void oneStepMatchesTheEquationsWorkedByHand() {
        // n_inputs = 2, n_neurons = 1: rows x1, x2, h; W_ru's columns r, u
        FMatrixRMaj W_ru = new FMatrixRMaj(new float[][] {{0.5f, -1f}, {0.25f, 0.5f}, {1f, -0.5f}});
        FMatrixRMaj b_ru = new FMatrixRMaj(new float[][] {{0.1f, 0.2f}});
        FMatrixRMaj W_c = new FMatrixRMaj(new float[][] {{1f}, {-0.5f}, {2f}});
        FMatrixRMaj b_c = new FMatrixRMaj(new float[][] {{0.1f}});
        GRUCell cell = GRUCell.fromWeights(W_ru, b_ru, W_c, b_c);
        FMatrixRMaj X_t = new FMatrixRMaj(new float[][] {{1f, 2f}});
        FMatrixRMaj h_prev = new FMatrixRMaj(new float[][] {{-0.5f}});
        GRUCell.Gates g = cell.gates(X_t, CellState.of(h_prev));
        // z_r = 0.5 + 0.5 − 0.5 + 0.1 = 0.6, z_u = −1 + 1 + 0.25 + 0.2 = 0.45
        double r = sigmoid(0.6);
        double u = sigmoid(0.45);
        // candidate: [X, r ⊙ h]·W_c + b_c = 1 − 1 + 2·(−0.5·r) + 0.1 = 0.1 − r
        double c = Math.tanh(0.1 - r);
        double h = u * -0.5 + (1 - u) * c;
        assertEquals(0.645656, r, 1e-6);
        assertEquals(0.610639, u, 1e-6);
        assertEquals(-0.497258, c, 1e-6);
        assertEquals(-0.498932, h, 1e-6);
        assertEquals(r, g.r().data[0], 1e-6);
        assertEquals(u, g.u().data[0], 1e-6);
        assertEquals(c, g.c().data[0], 1e-6);
        assertEquals(h, g.h().data[0], 1e-6);
        assertArrayEquals(g.h().data, cell.step(X_t, CellState.of(h_prev)).output().data, 0f);
    }

    @Test
    void tfsInitialisersGateBiasOneCandidateBiasZero() {
        GRUCell cell = new GRUCell(3, 4, new Init(2));
        assertEquals(List.of("W_ru", "b_ru", "W_c", "b_c"), cell.parameterNames());
        assertEquals(List.of(cell.W_ru(), cell.b_ru(), cell.W_c(), cell.b_c()), cell.parameters());
        float[] ones = new float[8];
        java.util.Arrays.fill(ones, 1f);
        assertArrayEquals(ones, cell.b_ru().data, 0f);
        assertArrayEquals(new float[4], cell.b_c().data, 0f);
        assertEquals(7, cell.W_ru().numRows);
        assertEquals(8, cell.W_ru().numCols);
        assertEquals(4, cell.W_c().numCols);
        for (float w : cell.W_c().data) assertTrue(Math.abs(w) <= Math.sqrt(6.0 / (7 + 4)), "Glorot weight " + w);
    }

    @Test
    void dynamicRnnCarriesTheStatePastEachSequencesEnd() {
        Init init = new Init(6);
        GRUCell cell = new GRUCell(2, 3, init);
        Tensor3 X = Tensor3.wrap(init.randomNormal(3, 3 * 2).data, 3, 3, 2);
        RnnOutput out = DynamicRNN.dynamic_rnn(cell, X, new int[] {3, 1, 0});
        CellState first = cell.step(X.step(0), cell.zeroState(3));
        for (int k = 0; k < 3; k++) {
            assertEquals(first.output().get(1, k), out.states().get(1, k), 0f);
            assertEquals(0f, out.states().get(2, k), 0f);
            assertEquals(0f, out.outputs().get(1, 1, k), 0f);
            assertEquals(out.outputs().get(0, 2, k), out.states().get(0, k), 0f);
        }
    }

    @Test
    void wrongShapesAreRefusedSayingWhatWasExpected() {
        IllegalArgumentException gates = assertThrows(IllegalArgumentException.class,
                () -> GRUCell.fromWeights(new FMatrixRMaj(3, 3), new FMatrixRMaj(1, 2), new FMatrixRMaj(3, 1),
                        new FMatrixRMaj(1, 1)));
        assertTrue(gates.getMessage().contains("W_ru") && gates.getMessage().contains("3×2")
                && gates.getMessage().contains("3×3"), gates.getMessage());
        GRUCell cell = new GRUCell(2, 3, new Init(1));
        IllegalArgumentException state = assertThrows(IllegalArgumentException.class,
                () -> cell.step(new FMatrixRMaj(2, 2), CellState.of(new FMatrixRMaj(2, 4))));
        assertTrue(state.getMessage().contains("2×3") && state.getMessage().contains("2×4"), state.getMessage());
    }
}
