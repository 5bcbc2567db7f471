package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * The shape checks every class of the library makes, with one wording: what was expected, what was given.
 * A failed check throws {@link IllegalArgumentException}.
 */
public final class Shapes {
    private Shapes() {
    }

    /** A cell's sizes: n_inputs >= 1 and n_neurons >= 1; {@code cell} names it in the message ("an LSTM cell"). */
    public static void checkCellSizes(String cell, int n_inputs, int n_neurons) {
        if (n_inputs < 1 || n_neurons < 1) {
            throw new IllegalArgumentException(cell + " needs n_inputs >= 1 and n_neurons >= 1 but was given n_inputs = "
                    + n_inputs + ", n_neurons = " + n_neurons);
        }
    }

    /** {@code m} must be rows × cols; {@code rule} says where that comes from, e.g. "1 × n_neurons". */
    public static void check(String name, FMatrixRMaj m, int rows, int cols, String rule) {
        if (m == null) {
            throw new IllegalArgumentException(name + " must be " + rule + " = " + rows + "×" + cols + " but was given null");
        }
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(name + " must be " + rule + " = " + rows + "×" + cols
                    + " but is " + m.numRows + "×" + m.numCols);
        }
    }

    /** {@code x} must be [d0, d1, d2]; {@code rule} names the axes, e.g. "[batch, n_steps, n_inputs]". */
    public static void check(String name, Tensor3 x, int d0, int d1, int d2, String rule) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must be " + rule + " = [" + d0 + ", " + d1 + ", " + d2
                    + "] but was given null");
        }
        if (x.dim(0) != d0 || x.dim(1) != d1 || x.dim(2) != d2) {
            throw new IllegalArgumentException(name + " must be " + rule + " = [" + d0 + ", " + d1 + ", " + d2
                    + "] but is " + x.shapeString());
        }
    }

    /**
     * X must be [batch, n_steps, n_inputs] for a model of {@code n_inputs} inputs; {@code n_steps < 0} accepts any
     * number of steps. {@code who} names the model in the message.
     */
    public static void checkInput(Tensor3 X, int n_steps, int n_inputs, String who) {
        if (X == null) {
            throw new IllegalArgumentException(who + " expects X of shape [batch, n_steps, n_inputs] but was given null");
        }
        if (n_steps >= 0 && X.dim(1) != n_steps) {
            throw new IllegalArgumentException(who + " was built for n_steps = " + n_steps + " but X has shape "
                    + X.shapeString() + ", i.e. " + X.dim(1) + " time steps");
        }
        if (X.dim(2) != n_inputs) {
            throw new IllegalArgumentException(who + " has n_inputs = " + n_inputs + " but X has shape "
                    + X.shapeString() + ", i.e. " + X.dim(2) + " input features");
        }
    }

    /** sequence_length must be null (every instance runs all n_steps) or one length in [0, n_steps] per instance. */
    public static void checkLengths(int[] sequence_length, int batch, int n_steps) {
        if (sequence_length == null) {
            return;
        }
        if (sequence_length.length != batch) {
            throw new IllegalArgumentException("sequence_length has " + sequence_length.length
                    + " entries but X has a batch of " + batch + " instances");
        }
        for (int i = 0; i < batch; i++) {
            if (sequence_length[i] < 0 || sequence_length[i] > n_steps) {
                throw new IllegalArgumentException("sequence_length[" + i + "] = " + sequence_length[i]
                        + " is outside the allowed range [0, " + n_steps + "] (n_steps = " + n_steps + ")");
            }
        }
    }
}
