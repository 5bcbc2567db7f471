package rnn.exercise;

import org.ejml.data.FMatrixRMaj;

import rnn.DynamicRNN;
import rnn.Tensor3;

/**
 * The exercises of notebook 4, dynamic unrolling, judged against the notebook's own model and X_batch with the
 * lengths {@link #SEQUENCE_LENGTH} = {1, 2, 0, 2}:
 * <ul>
 *   <li>4.1 which outputs are zero, predicted before running: a boolean[batch][n_steps];</li>
 *   <li>4.2 the final states, picked from the outputs of the static unroll by the sequence-length rule:
 *       an FMatrixRMaj, batch × n_neurons.</li>
 * </ul>
 */
public final class DynamicUnrollingExercises {
    /** The lengths both exercises use: one instance stops early, one never starts. */
    public static final int[] SEQUENCE_LENGTH = {1, 2, 0, 2};
    private static final double SAME = 1e-6;

    private DynamicUnrollingExercises() {
    }

    public static Exercises of(DynamicRNN model, Tensor3 X_batch) {
        return new Exercises(
                new Exercise<>("4.1", boolean[][].class, "a boolean[][], one row per instance, one column per step",
                        answer -> zeroOutputs(answer, X_batch.dim(0), X_batch.dim(1))),
                new Exercise<>("4.2", FMatrixRMaj.class, "a matrix (an FMatrixRMaj), batch × n_neurons",
                        answer -> finalStates(answer, model, X_batch)));
    }

    private static Verdict zeroOutputs(boolean[][] zero, int batch, int n_steps) {
        if (zero.length != batch) {
            return Verdict.notRightYet("one row per instance: " + batch + " rows, but yours has " + zero.length + ".");
        }
        int wrong = 0;
        int wrongInstance = -1;
        for (int i = 0; i < batch; i++) {
            if (zero[i] == null || zero[i].length != n_steps) {
                return Verdict.notRightYet("each row has one entry per time step, " + n_steps + ", but row " + i
                        + " has " + (zero[i] == null ? "none (null)" : zero[i].length) + ".");
            }
            for (int t = 0; t < n_steps; t++) {
                if (zero[i][t] != (t >= SEQUENCE_LENGTH[i])) {
                    wrong++;
                    wrongInstance = wrongInstance < 0 ? i : wrongInstance;
                }
            }
        }
        if (wrong == 0) {
            return Verdict.right("An output is zero from its instance's sequence_length on; a length of 0 means no"
                    + " step runs at all. Run model.run(X_batch, " + lengths() + ") to see it.");
        }
        String about = SEQUENCE_LENGTH[wrongInstance] == 0
                ? "instance " + wrongInstance + " has length 0: how many of its steps run?"
                : "look again at instance " + wrongInstance + ", of length " + SEQUENCE_LENGTH[wrongInstance] + ".";
        return Verdict.notRightYet(wrong + " of the " + batch * n_steps + " entries are wrong; " + about);
    }

    private static Verdict finalStates(FMatrixRMaj answer, DynamicRNN model, Tensor3 X_batch) {
        FMatrixRMaj expected = model.run(X_batch, SEQUENCE_LENGTH).states();
        Verdict shape = Checks.wrongShape(answer, expected.numRows, expected.numCols, "The states, batch × n_neurons,");
        if (shape != null) {
            return shape;
        }
        Tensor3 outputs = model.run(X_batch).outputs(); // every instance through all n_steps
        for (int i = 0; i < expected.numRows; i++) {
            double largest = 0;
            for (int j = 0; j < expected.numCols; j++) {
                largest = Math.max(largest, Math.abs(answer.get(i, j) - expected.get(i, j)));
            }
            if (largest <= SAME) {
                continue;
            }
            int length = SEQUENCE_LENGTH[i];
            if (length == 0) {
                return Verdict.notRightYet("row " + i + " is wrong. Instance " + i + " has length 0: no step runs, so"
                        + " its state is the one it starts from.");
            }
            if (rowIsOutput(answer, i, outputs, X_batch.dim(1) - 1) && length < X_batch.dim(1)) {
                return Verdict.notRightYet("row " + i + " is instance " + i + "'s output at the last step, but its"
                        + " sequence ends after " + length + " step" + (length == 1 ? "" : "s") + ".");
            }
            return Verdict.notRightYet("row " + i + " is wrong: instance " + i + " has length " + length
                    + "; its state is its output at its last valid step.");
        }
        return Verdict.right("The rule of dynamic_rnn: the state of instance i is its output at step"
                + " sequence_length[i] − 1, and the zero state when its length is 0.");
    }

    private static boolean rowIsOutput(FMatrixRMaj answer, int i, Tensor3 outputs, int t) {
        for (int j = 0; j < answer.numCols; j++) {
            if (Math.abs(answer.get(i, j) - outputs.get(i, t, j)) > SAME) {
                return false;
            }
        }
        return true;
    }

    private static String lengths() {
        return java.util.Arrays.toString(SEQUENCE_LENGTH).replace('[', '{').replace(']', '}');
    }
}
