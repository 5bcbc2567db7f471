package rnn.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rnn.Ops.add;
import static rnn.Ops.tanh;
import static rnn.Ops.times;
import static rnn.exercise.ExercisesTest.assertHint;
import static rnn.exercise.ExercisesTest.assertNotDone;
import static rnn.exercise.ExercisesTest.assertRight;

import java.util.Random;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import rnn.CellState;
import rnn.Init;
import rnn.LSTMCell;
import rnn.Tensor3;

/** The exercises of notebook 9 on the notebook's small batch and a small LSTM run: right, not right yet, not done yet. */
class GatedCellExercisesTest {
    private static final int STEPS = 8;
    private static LSTMCell.Gates g0;
    private static LSTMCell.Gates g1;
    private static LSTMCell.Gates[] run;
    private static Exercises exercises;

    @BeforeAll
    static void notebookSetUp() {
        // notebook 9's small batch and LSTMCell(3, 5, Init(42)): its gates at t = 0 and t = 1
        Tensor3 X_batch = Tensor3.of(new float[][][] {
            {{0, 1, 2}, {9, 8, 7}},
            {{3, 4, 5}, {0, 0, 0}},
            {{6, 7, 8}, {6, 5, 4}},
            {{9, 0, 1}, {3, 2, 1}}});
        LSTMCell lstm_cell = new LSTMCell(3, 5, new Init(42));
        g0 = lstm_cell.gates(X_batch.step(0), lstm_cell.zeroState(4));
        g1 = lstm_cell.gates(X_batch.step(1), CellState.of(g0.c(), g0.h()));
        // for 9.3, the gates of a 4-neuron LSTM over 8 steps of a batch of 6 random inputs
        LSTMCell cell = new LSTMCell(3, 4, new Init(1));
        Random random = new Random(9);
        run = new LSTMCell.Gates[STEPS];
        CellState state = cell.zeroState(6);
        for (int t = 0; t < STEPS; t++) {
            FMatrixRMaj X_t = new FMatrixRMaj(6, 3);
            for (int k = 0; k < X_t.data.length; k++) X_t.data[k] = (float) random.nextGaussian();
            run[t] = cell.gates(X_t, state);
            state = CellState.of(run[t].c(), run[t].h());
        }
        exercises = GatedCellExercises.of(g0, g1, run);
    }

    @Test
    void outputFromTheGates() {
        FMatrixRMaj c1 = add(times(g1.f(), g0.c()), times(g1.i(), g1.j())); // c(1) = f ⊙ c(0) + i ⊙ j
        FMatrixRMaj h1 = times(g1.o(), tanh(c1));                            // h(1) = o ⊙ tanh(c(1))
        assertRight(exercises, "9.1", h1);
        // the notebook prints c(1) with 1.33907342, 1.49787974 and 1.10949481, and h(1) at most 0.3497639
        String remark = exercises.message("9.1", () -> h1);
        assertTrue(remark.contains("3 of the 20 elements of c(1) are beyond ±1, the largest |c(1)| is 1.498; the"
                + " largest |h(1)| is 0.350."), remark);

        assertHint(exercises, "9.1", g1.c(), "that is c(1)");
        assertHint(exercises, "9.1", times(g1.o(), tanh(add(g0.c(), times(g1.i(), g1.j())))), "through the forget gate");
        assertHint(exercises, "9.1", times(g1.o(), tanh(times(g1.i(), g1.j()))), "old long-term state is missing");
        assertHint(exercises, "9.1", times(g1.o(), tanh(add(times(g1.i(), g0.c()), times(g1.f(), g1.j())))),
                "the gates are swapped");
        assertHint(exercises, "9.1", times(g1.o(), tanh(add(times(g1.f(), g0.h()), times(g1.i(), g1.j())))),
                "that used h(0)");
        assertHint(exercises, "9.1", times(g1.o(), tanh(g0.c())), "not c(0)");
        assertHint(exercises, "9.1", tanh(c1), "the output gate is missing");
        assertHint(exercises, "9.1", times(g1.o(), c1), "squashed before the output gate");
        FMatrixRMaj sigmaOfC = new FMatrixRMaj(4, 5);
        for (int e = 0; e < 20; e++) sigmaOfC.data[e] = (float) (1 / (1 + Math.exp(-c1.data[e])));
        assertHint(exercises, "9.1", times(g1.o(), sigmaOfC), "with σ");
        assertHint(exercises, "9.1", new FMatrixRMaj(4, 5), "element by element");
        assertHint(exercises, "9.1", new FMatrixRMaj(5, 4), "h(1) should be 4×5, but yours is 5×4");
        assertHint(exercises, "9.1", "h1", "should be a matrix (an FMatrixRMaj), batch × n_neurons, but yours is a String");
        String thrown = exercises.message("9.1", () -> add(g1.c(), new FMatrixRMaj(5, 4)));
        assertTrue(thrown.startsWith("Exercise 9.1: not right yet. Hint: your code stopped with this message from the"
                + " library: ") && !thrown.contains("\tat "), thrown);
        assertNotDone(exercises, "9.1");
    }

    @Test
    void parametersOfAnLstmWithPeepholes() {
        // 4 blocks of (28 + 64) × 64 weights and 64 biases, and the peepholes w_i, w_f, w_o of 64 each
        assertEquals(24000, 4 * ((28 + 64) * 64 + 64) + 3 * 64);
        assertRight(exercises, "9.2", 24000);
        assertRight(exercises, "9.2", 24000.0);
        String remark = exercises.message("9.2", () -> 24000);
        assertTrue(remark.contains("24,000: W is (28 + 64) × (4 · 64), 23,552 weights, b has 256 biases, and the"
                + " peepholes w_i, w_f, w_o 64 each. A GRU of the same size has 17,856 (three blocks), a basic cell"
                + " 5,952."), remark);
        assertHint(exercises, "9.2", 24000 - 3 * 64, "without peepholes");
        assertHint(exercises, "9.2", 24000 - 3 * 64 + 3 * 64 * 64, "not a matrix");
        assertHint(exercises, "9.2", 24000 + 64, "only the gates i, f and o have peepholes");
        assertHint(exercises, "9.2", 24000 - 4 * 64 * 64, "recurrent weights are missing");
        assertHint(exercises, "9.2", 24000 - 4 * 64, "biases are missing");
        assertHint(exercises, "9.2", 3 * ((28 + 64) * 64 + 64) + 3 * 64, "three blocks");
        assertHint(exercises, "9.2", 17856, "a GRU of the same size");
        assertHint(exercises, "9.2", 5952, "one block of weights");
        assertHint(exercises, "9.2", 5952 + 3 * 64, "one block of weights");
        assertHint(exercises, "9.2", 470110, "count block by block");
        assertHint(exercises, "9.2", 24000.5, "a count is a whole number");
        assertNotDone(exercises, "9.2");
    }

    @Test
    void forgetGatesShareOfTheGradient() {
        int cells = 6 * 4;
        double sum = 0;
        for (int e = 0; e < cells; e++) {
            double carried = 1;
            for (int t = STEPS - 1; t >= 1; t--) carried *= run[t].f().data[e]; // ∂c(t)/∂c(t−1) = f(t)
            sum += carried;
        }
        double right = sum / cells;
        assertTrue(right > 1e-4 && right < 0.5, "mean product " + right);
        assertRight(exercises, "9.3", right);
        assertRight(exercises, "9.3", (float) right * 1.0005f);
        String remark = exercises.message("9.3", () -> right);
        assertTrue(remark.contains(String.format(java.util.Locale.ROOT, "%.3g on average, through 7 forget gates",
                right)) && remark.contains("Over the 24 (instance, neuron) pairs the products range from ")
                && remark.contains("forget gates all at a new cell's σ(1) = 0.731 would give 0.11."), remark);

        assertHint(exercises, "9.3", meanProduct(0, STEPS - 1, (g, e) -> g.f().data[e]), "that includes f(0)");
        assertHint(exercises, "9.3", meanProduct(2, STEPS - 1, (g, e) -> g.f().data[e]), "so 7 of them");
        assertHint(exercises, "9.3", meanProduct(1, STEPS - 2, (g, e) -> g.f().data[e]), "count the factors");
        double productOfMeans = 1;
        for (int t = 1; t < STEPS; t++) {
            double mean = 0;
            for (float f : run[t].f().data) mean += f / cells;
            productOfMeans *= mean;
        }
        assertHint(exercises, "9.3", productOfMeans, "Multiply first");
        assertHint(exercises, "9.3", meanProduct(1, STEPS - 1, (g, e) -> g.o().data[e]), "of another gate");
        assertHint(exercises, "9.3", meanProduct(1, STEPS - 1, (g, e) -> g.i().data[e]), "of another gate");
        assertHint(exercises, "9.3", 5.2, "do not add them");
        assertHint(exercises, "9.3", right / 2, "for each instance and neuron");
        assertHint(exercises, "9.3", new double[] {right}, "should be a number, the mean of the products, but yours"
                + " is a double[]");
        assertNotDone(exercises, "9.3");
    }

    @Test
    void tooShortARunIsRefusedWithItsLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatedCellExercises.of(g0, g1, new LSTMCell.Gates[] {g0, g1}));
        assertTrue(e.getMessage().contains("needs at least 3 of them, but was given 2"), e.getMessage());
    }

    private interface GateValue {
        float at(LSTMCell.Gates g, int e);
    }

    /** The mean over the elements of the product of a gate from step {@code first} to {@code last}. */
    private static double meanProduct(int first, int last, GateValue gate) {
        int cells = run[0].f().data.length;
        double sum = 0;
        for (int e = 0; e < cells; e++) {
            double p = 1;
            for (int t = first; t <= last; t++) p *= gate.at(run[t], e);
            sum += p;
        }
        return sum / cells;
    }
}
