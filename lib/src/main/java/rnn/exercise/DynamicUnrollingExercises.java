package rnn.exercise;

import java.util.Arrays;

import org.ejml.data.FMatrixRMaj;

import rnn.DynamicRNN;
import rnn.RnnOutput;
import rnn.Tensor3;

/**
 * The exercises of notebook 4, dynamic unrolling, judged against the notebook's own model and X_batch:
 * <ul>
 *   <li>4.1 which outputs are zero with the lengths {@link #SEQUENCE_LENGTH} = {1, 2, 0, 2}, predicted before
 *       running: a boolean[batch][n_steps];</li>
 *   <li>4.2 the final states for those lengths, picked from the outputs of the static unroll by the
 *       sequence-length rule: an FMatrixRMaj, batch × n_neurons;</li>
 *   <li>4.3 with the notebook's own lengths, how many of the outputs and state values change when instance 1's
 *       padding, its input at t = 1, becomes {@link #OTHER_PADDING}: a count.</li>
 * </ul>
 */
public final class DynamicUnrollingExercises {
    /** The lengths both exercises use: one instance stops early, one never starts. */
    public static final int[] SEQUENCE_LENGTH = {1, 2, 0, 2};
    /** 4.3: the padding put in place of instance 1's zeros at t = 1. */
    public static final float[] OTHER_PADDING = {5, 5, 5};
    private static final double SAME = 1e-6;

    private DynamicUnrollingExercises() {
    }

    public static Exercises of(DynamicRNN model, Tensor3 X_batch, int[] seq_length_batch) {
        return new Exercises(
                new Exercise<>("4.1", boolean[][].class, "a boolean[][], one row per instance, one column per step",
                        answer -> zeroOutputs(answer, X_batch.dim(0), X_batch.dim(1))),
                new Exercise<>("4.2", FMatrixRMaj.class, "a matrix (an FMatrixRMaj), batch × n_neurons",
                        answer -> finalStates(answer, model, X_batch)),
                new Exercise<>("4.3", Number.class, "a count (an int)",
                        answer -> changedByPadding(answer, model, X_batch, seq_length_batch)));
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
        return Verdict.notRightYet(wrong + " of the " + batch * n_steps + (wrong == 1 ? " entries is" : " entries are")
                + " wrong; " + about);
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

    private static Verdict changedByPadding(Number answer, DynamicRNN model, Tensor3 X_batch, int[] lengths) {
        Verdict notACount = Checks.notACount(answer);
        if (notACount != null) {
            return notACount;
        }
        int i = 1;
        int t = 1;
        Tensor3 padded = Tensor3.wrap(X_batch.data().clone(), X_batch.dim(0), X_batch.dim(1), X_batch.dim(2));
        for (int j = 0; j < OTHER_PADDING.length && j < X_batch.dim(2); j++) {
            padded.set(i, t, j, OTHER_PADDING[j]);
        }
        RnnOutput before = model.run(X_batch, lengths);
        RnnOutput after = model.run(padded, lengths);
        int changed = changed(before.outputs().data(), after.outputs().data())
                + changed(before.states().data, after.states().data);
        long count = Math.round(answer.doubleValue());
        if (count == changed) {
            return Verdict.right(changed == 0
                    ? "Nothing changes: past its sequence_length an instance's inputs never reach its outputs or its"
                            + " state, so the padding's values do not matter, only its shape does."
                    : changed + " values change.");
        }
        int n_neurons = before.states().numCols;
        if (count == n_neurons || count == 2L * n_neurons) {
            return Verdict.notRightYet("that many would change if instance 1 ran its step t = 1. Does it, with its"
                    + " sequence_length? Run the model on the changed copy and compare element by element.");
        }
        return Verdict.notRightYet("run model.run on a copy of X_batch whose instance 1 has "
                + Arrays.toString(OTHER_PADDING) + " at t = 1, with seq_length_batch,"
                + " and count the elements of the outputs and of the states that differ from outputs_val and"
                + " states_val.");
    }

    private static int changed(float[] a, float[] b) {
        int changed = 0;
        for (int k = 0; k < a.length; k++) {
            changed += a[k] != b[k] ? 1 : 0;
        }
        return changed;
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
        return Arrays.toString(SEQUENCE_LENGTH).replace('[', '{').replace(']', '}');
    }
}
