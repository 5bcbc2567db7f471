package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** TF's BasicLSTMCell and LSTMCell(use_peepholes=True): one step by hand, and (c, h) through dynamic_rnn. */
class LSTMCellTest {
    // n_inputs = 2, n_neurons = 1: W's rows are x1, x2, h; its columns i, j, f, o
    private static final FMatrixRMaj W = new FMatrixRMaj(new float[][] {
        {0.5f, -1f, 0.25f, 1f}, {0f, 0.5f, -0.5f, 0.25f}, {1f, 0.5f, 0f, -1f}});
    private static final FMatrixRMaj b = new FMatrixRMaj(new float[][] {{0.1f, 0f, -0.2f, 0.3f}});
    private static final FMatrixRMaj X_t = new FMatrixRMaj(new float[][] {{1f, 2f}});
    private static final CellState STATE = CellState.of(new FMatrixRMaj(new float[][] {{0.5f}}),
            new FMatrixRMaj(new float[][] {{-1f}}));

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void oneStepWithoutPeepholesMatchesTheEquationsWorkedByHand() {
        LSTMCell.Gates g = LSTMCell.fromWeights(W, b).gates(X_t, STATE);
        // [X h]·W + b with X = (1, 2), h = −1: z_i = 0.5 + 0 − 1 + 0.1 = −0.4, z_j = −1 + 1 − 0.5 = −0.5,
        // z_f = 0.25 − 1 + 0 − 0.2 = −0.95, z_o = 1 + 0.5 + 1 + 0.3 = 2.8
        double i = sigmoid(-0.4);
        double j = Math.tanh(-0.5);
        double f = sigmoid(-0.95 + 1.0); // the forget bias 1.0
        double c = f * 0.5 + i * j;
        double o = sigmoid(2.8);
        assertEquals(0.401312, i, 1e-6); // the numbers, for a reader
        assertEquals(-0.462117, j, 1e-6);
        assertEquals(0.512497, f, 1e-6);
        assertEquals(0.070795, c, 1e-6);
        assertEquals(0.942676, o, 1e-6);
        assertEquals(0.066626, o * Math.tanh(c), 1e-6);
        assertGates(g, i, j, f, c, o);
    }

    @Test
    void peepholesLookAtTheCellStateBeforeAndAfterTheStep() {
        FMatrixRMaj w_f = new FMatrixRMaj(new float[][] {{0.5f}});
        FMatrixRMaj w_i = new FMatrixRMaj(new float[][] {{-1f}});
        FMatrixRMaj w_o = new FMatrixRMaj(new float[][] {{2f}});
        LSTMCell cell = LSTMCell.fromWeights(W, b, w_f, w_i, w_o);
        LSTMCell.Gates g = cell.gates(X_t, STATE);
        // i and f see c(t−1) = 0.5; o sees the new c(t)
        double i = sigmoid(-0.4 - 1 * 0.5);
        double j = Math.tanh(-0.5);
        double f = sigmoid(-0.95 + 1.0 + 0.5 * 0.5);
        double c = f * 0.5 + i * j;
        double o = sigmoid(2.8 + 2 * c);
        assertEquals(0.153646, c, 1e-6);
        assertGates(g, i, j, f, c, o);
        assertEquals(List.of("W", "b", "w_f", "w_i", "w_o"), cell.parameterNames());
        assertEquals(5, cell.parameters().size());
        CellState next = cell.step(X_t, STATE);
        assertArrayEquals(g.c().data, next.parts().get(0).data, 0f);
        assertArrayEquals(g.h().data, next.output().data, 0f);
    }

    private static void assertGates(LSTMCell.Gates g, double i, double j, double f, double c, double o) {
        assertEquals(i, g.i().data[0], 1e-6);
        assertEquals(j, g.j().data[0], 1e-6);
        assertEquals(f, g.f().data[0], 1e-6);
        assertEquals(c, g.c().data[0], 1e-6);
        assertEquals(o, g.o().data[0], 1e-6);
        assertEquals(o * Math.tanh(c), g.h().data[0], 1e-6);
    }

    @Test
    void tfsDefaultsKernelGlorotBiasZeroAndNoPeepholes() {
        LSTMCell cell = new LSTMCell(3, 4, new Init(1));
        assertEquals(7, cell.W().numRows);
        assertEquals(16, cell.W().numCols);
        assertArrayEquals(new float[16], cell.b().data, 0f);
        double limit = Math.sqrt(6.0 / (7 + 16));
        for (float w : cell.W().data) assertTrue(Math.abs(w) <= limit, "Glorot uniform weight " + w);
        assertEquals(List.of("W", "b"), cell.parameterNames());
        assertThrows(IllegalStateException.class, cell::w_f);
        LSTMCell peep = new LSTMCell(3, 4, true, new Init(1));
        for (float w : peep.w_o().data) assertTrue(Math.abs(w) <= Math.sqrt(3.0 / 4), "peephole weight " + w);
    }

    @Test
    void dynamicRnnCarriesBothCAndHPastEachSequencesEnd() {
        Init init = new Init(5);
        LSTMCell cell = new LSTMCell(2, 3, true, init);
        Tensor3 X = Tensor3.wrap(init.randomNormal(3, 4 * 2).data, 3, 4, 2);
        int[] sequence_length = {4, 2, 0};
        RnnOutput out = DynamicRNN.dynamic_rnn(cell, X, sequence_length);
        // the same steps without lengths, state by state
        CellState state = cell.zeroState(3);
        CellState[] states = new CellState[4];
        for (int t = 0; t < 4; t++) {
            state = cell.step(X.step(t), state);
            states[t] = state;
        }
        FMatrixRMaj c = out.finalState().parts().get(0);
        FMatrixRMaj h = out.finalState().output();
        for (int i = 0; i < 3; i++) {
            int last = sequence_length[i] - 1;
            for (int k = 0; k < 3; k++) {
                float cExpected = last < 0 ? 0f : states[last].parts().get(0).get(i, k);
                float hExpected = last < 0 ? 0f : states[last].output().get(i, k);
                assertEquals(cExpected, c.get(i, k), 0f, "c of sequence " + i);
                assertEquals(hExpected, h.get(i, k), 0f, "h of sequence " + i);
                for (int t = 0; t < 4; t++) {
                    float y = t <= last ? states[t].output().get(i, k) : 0f;
                    assertEquals(y, out.outputs().get(i, t, k), 0f, "output of sequence " + i + " at t = " + t);
                }
            }
        }
        // the carried c is not h: the LSTM keeps a memory apart from its output
        assertTrue(Math.abs(c.get(1, 0) - h.get(1, 0)) > 1e-3);
    }

    @Test
    void wrongShapesAreRefusedSayingWhatWasExpected() {
        IllegalArgumentException kernel = assertThrows(IllegalArgumentException.class,
                () -> LSTMCell.fromWeights(new FMatrixRMaj(3, 6), new FMatrixRMaj(1, 6)));
        assertTrue(kernel.getMessage().contains("4·n_neurons") && kernel.getMessage().contains("3×6"),
                kernel.getMessage());
        LSTMCell cell = LSTMCell.fromWeights(W, b);
        IllegalArgumentException part = assertThrows(IllegalArgumentException.class,
                () -> cell.step(X_t, CellState.of(new FMatrixRMaj(1, 1))));
        assertTrue(part.getMessage().contains("(c, h)"), part.getMessage());
        IllegalArgumentException inputs = assertThrows(IllegalArgumentException.class,
                () -> cell.step(new FMatrixRMaj(1, 3), STATE));
        assertTrue(inputs.getMessage().contains("n_inputs = 2"), inputs.getMessage());
    }
}
