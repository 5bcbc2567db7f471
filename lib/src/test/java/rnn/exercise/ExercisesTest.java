package rnn.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rnn.Ops.add;
import static rnn.Ops.matmul;
import static rnn.Ops.scale;
import static rnn.Ops.tanh;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import rnn.BasicRNN;
import rnn.DynamicRNN;
import rnn.Init;
import rnn.SingleRNN;
import rnn.StaticRNN;
import rnn.Tensor3;
import rnn.exercise.Verdict.Kind;

/** Every exercise of notebooks 1 to 4 on the notebooks' own set-up: right, not right yet, not done yet. */
class ExercisesTest {
    private static final FMatrixRMaj X0_SINGLE = new FMatrixRMaj(new float[][] {{0, 1, 2, 0}, {3, 4, 5, 0}, {6, 7, 8, 0}, {9, 0, 1, 0}});
    private static final FMatrixRMaj X1_SINGLE = new FMatrixRMaj(new float[][] {{9, 8, 7, 0}, {0, 0, 0, 0}, {6, 5, 4, 0}, {3, 2, 1, 0}});
    private static final FMatrixRMaj X0 = new FMatrixRMaj(new float[][] {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9, 0, 1}});
    private static final FMatrixRMaj X1 = new FMatrixRMaj(new float[][] {{9, 8, 7}, {0, 0, 0}, {6, 5, 4}, {3, 2, 1}});
    private static final Tensor3 X_BATCH = Tensor3.of(new float[][][] {
        {{0, 1, 2}, {9, 8, 7}}, {{3, 4, 5}, {0, 0, 0}}, {{6, 7, 8}, {6, 5, 4}}, {{9, 0, 1}, {3, 2, 1}}});

    @Test
    void singleNeuronExercises() {
        SingleRNN model = new SingleRNN(4, 1, new Init(1));
        Exercises exercises = SingleNeuronExercises.of(model, X0_SINGLE, X1_SINGLE);
        FMatrixRMaj Y0 = model.run(X0_SINGLE, X1_SINGLE).Y0();
        FMatrixRMaj Y1 = model.run(X0_SINGLE, X1_SINGLE).Y1();

        // 1.1: by hand, in double
        double z = model.b.get(0, 0) + Y0.get(3, 0) * model.Wy.get(0, 0);
        for (int j = 0; j < 4; j++) {
            z += X1_SINGLE.get(3, j) * model.Wx.get(j, 0);
        }
        double byHand = Math.tanh(z);
        assertEquals(0.85075128, byHand, 1e-7); // notebook 1 prints Y1_val[3] = 0.85075128
        assertRight(exercises, "1.1", byHand);
        assertHint(exercises, "1.1", (double) Y1.get(0, 0), "instance 1 (row 0)");
        assertHint(exercises, "1.1", (double) Y0.get(3, 0), "output at t = 0");
        assertHint(exercises, "1.1", 2.5, "between −1 and 1");
        assertHint(exercises, "1.1", 0.5, "term by term");
        assertNotDone(exercises, "1.1");

        // 1.2: a third step, with X(2) = X(0)
        FMatrixRMaj Y2 = tanh(add(matmul(X0_SINGLE, model.Wx), matmul(Y1, model.Wy), model.b));
        assertRight(exercises, "1.2", Y2);
        assertHint(exercises, "1.2", tanh(add(matmul(X0_SINGLE, model.Wx), matmul(Y0, model.Wy), model.b)), "takes Y(0)");
        assertHint(exercises, "1.2", Y1, "that is Y(1)");
        assertHint(exercises, "1.2", new FMatrixRMaj(1, 4), "should be 4×1, but yours is 1×4");
        assertNotDone(exercises, "1.2");
    }

    @Test
    void layerExercises() {
        BasicRNN model = new BasicRNN(3, 5, new Init(1));
        Exercises exercises = LayerExercises.of(model, X0, X1);
        assertRight(exercises, "2.1", 24); // 24 of notebook 2's 40 printed outputs have |y| > 0.99
        assertHint(exercises, "2.1", 16, "not saturated");
        assertHint(exercises, "2.1", 2.5, "whole number");
        assertHint(exercises, "2.1", 41, "only 40 outputs");
        assertNotDone(exercises, "2.1");

        assertRight(exercises, "2.2", 1.0 / 9); // 4 of 40 saturated, mean |y| 0.64
        assertRight(exercises, "2.2", 0.05f);   // 0 saturated, mean |y| 0.45
        assertHint(exercises, "2.2", 0.5, "20 of 40 outputs are saturated (24 before)");
        assertHint(exercises, "2.2", 0.01, "barely tells its inputs apart");
        assertHint(exercises, "2.2", -1, "positive number");
        assertNotDone(exercises, "2.2");
        assertTrue(exercises.message("2.2", () -> 0.1).contains("2 of 40 outputs are saturated (24 before)"));
    }

    @Test
    void staticUnrollingExercises() {
        StaticRNN model = new StaticRNN(2, 3, 5, new Init(1));
        Exercises exercises = StaticUnrollingExercises.of(model, X_BATCH);
        assertRight(exercises, "3.1", 10); // a quarter of the 40 outputs notebook 3 prints
        assertHint(exercises, "3.1", 30, "not saturated");
        assertNotDone(exercises, "3.1");

        float[] scaled = X_BATCH.data().clone();
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] /= 9;
        }
        Tensor3 outputs = model.run(Tensor3.wrap(scaled, 4, 2, 3)).outputs();
        assertRight(exercises, "3.2", outputs);
        assertTrue(exercises.message("3.2", () -> outputs).contains("10 of 40 on the raw inputs, 0 of 40 on the inputs in [0, 1]"));
        assertHint(exercises, "3.2", model.run(X_BATCH).outputs(), "raw inputs");
        assertHint(exercises, "3.2", new Tensor3(4, 5, 2), "should have shape (4, 2, 5), but yours has (4, 5, 2)");
        assertNotDone(exercises, "3.2");
    }

    @Test
    void dynamicUnrollingExercises() {
        DynamicRNN model = new DynamicRNN(2, 3, 5, new Init(1));
        Exercises exercises = DynamicUnrollingExercises.of(model, X_BATCH, new int[] {2, 1, 2, 2});
        assertRight(exercises, "4.1", new boolean[][] {{false, true}, {false, false}, {true, true}, {false, false}});
        assertHint(exercises, "4.1", new boolean[][] {{false, true}, {false, false}, {false, true}, {false, false}},
                "1 of the 8 entries is wrong; instance 2 has length 0");
        assertHint(exercises, "4.1", new boolean[][] {{false, false}}, "4 rows, but yours has 1");
        assertNotDone(exercises, "4.1");

        Tensor3 all = model.run(X_BATCH).outputs();
        FMatrixRMaj states = new FMatrixRMaj(4, 5);
        int[] lengths = {1, 2, 0, 2};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5 && lengths[i] > 0; j++) {
                states.set(i, j, all.get(i, lengths[i] - 1, j));
            }
        }
        assertRight(exercises, "4.2", states);
        FMatrixRMaj lastStep = states.copy();
        for (int j = 0; j < 5; j++) {
            lastStep.set(0, j, all.get(0, 1, j));
        }
        assertHint(exercises, "4.2", lastStep, "row 0 is instance 0's output at the last step");
        FMatrixRMaj started = states.copy();
        started.set(2, 0, 0.5f);
        assertHint(exercises, "4.2", started, "Instance 2 has length 0");
        assertNotDone(exercises, "4.2");

        assertRight(exercises, "4.3", 0); // instance 1 stops after t = 0: its padding at t = 1 is never read
        assertHint(exercises, "4.3", 10, "if instance 1 ran its step t = 1");
        assertHint(exercises, "4.3", 3, "count the elements");
        assertNotDone(exercises, "4.3");
        // with every length 2, the padding is read: its 5 outputs at t = 1 and its 5 state values change
        Exercises allSteps = DynamicUnrollingExercises.of(model, X_BATCH, new int[] {2, 2, 2, 2});
        assertEquals(Kind.RIGHT, allSteps.verdict("4.3", () -> 10).kind());
    }

    @Test
    void aCheckSaysInWordsWhatTheStudentsCodeThrewAndNeverThrows() {
        Exercises exercises = LayerExercises.of(new BasicRNN(3, 5, new Init(1)), X0, X1);
        String message = exercises.message("2.1", () -> {
            int[] counts = new int[4];
            return counts[4];
        });
        assertTrue(message.startsWith("Exercise 2.1: not right yet. Hint: your code stopped with an index outside"),
                message);
        assertTrue(message.contains("Rows and columns count from 0"), message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
        assertEquals("Exercise 2.1: not right yet. Hint: your code stopped with this message from the library:"
                        + " matmul(A, B) needs as many columns in A as rows in B, but A is 4×3 and B is 4×3",
                exercises.message("2.1", () -> matmul(X0, X1)));
        assertEquals("Exercise 2.1: not right yet. Hint: the answer should be a count (an int), but yours is a 4×3"
                + " FMatrixRMaj.", exercises.message("2.1", () -> scale(2, X0)));
        assertEquals("There is no exercise 2.3 in this notebook; its exercises are 2.1, 2.2.",
                exercises.message("2.3", () -> 1));
        assertEquals("Exercise 2.1: not done yet. Write your answer in the cell above, run it, then run this cell"
                + " again.", exercises.message("2.1", () -> null));
    }

    static void assertRight(Exercises exercises, String id, Object answer) {
        Verdict verdict = exercises.verdict(id, () -> answer);
        assertEquals(Kind.RIGHT, verdict.kind(), id + ": " + verdict.message(id));
    }

    static void assertHint(Exercises exercises, String id, Object answer, String hintPart) {
        Verdict verdict = exercises.verdict(id, () -> answer);
        assertEquals(Kind.NOT_RIGHT_YET, verdict.kind(), id + ": " + verdict.message(id));
        assertTrue(verdict.note().contains(hintPart), id + ": expected a hint with '" + hintPart + "', got: " + verdict.note());
    }

    static void assertNotDone(Exercises exercises, String id) {
        assertEquals(Kind.NOT_DONE_YET, exercises.verdict(id, () -> null).kind(), id);
    }
}
