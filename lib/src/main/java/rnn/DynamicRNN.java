package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * TF's dynamic unrolling, {@code tf.nn.dynamic_rnn}: a loop over the time steps of the 3-D input,
 * with optional per-instance sequence lengths. For instance i and t >= sequence_length[i] the
 * output is 0 and the state is carried unchanged, so the final state of instance i is its output
 * at t = sequence_length[i] - 1 (and 0 when its length is 0).
 */
public final class DynamicRNN {
    private final int n_steps;
    private final RecurrentCell cell;

    /** The seed's {@code DynamicRNN(n_steps, n_inputs, n_neurons)} with a fresh {@link RecurrentCell}. */
    public DynamicRNN(int n_steps, int n_inputs, int n_neurons, Init init) {
        this(n_steps, new RecurrentCell(n_inputs, n_neurons, init));
    }

    public DynamicRNN(int n_steps, RecurrentCell cell) {
        if (n_steps < 1) {
            throw new IllegalArgumentException("n_steps must be >= 1 but was given " + n_steps);
        }
        this.n_steps = n_steps;
        this.cell = cell;
    }

    public RecurrentCell cell() {
        return cell;
    }

    public int n_steps() {
        return n_steps;
    }

    /** Every instance runs all n_steps. */
    public RnnOutput run(Tensor3 X) {
        return run(X, null);
    }

    /** The seed's {@code sess.run([outputs, states], feed_dict={X: X_batch, seq_length: seq_length_batch})}. */
    public RnnOutput run(Tensor3 X, int[] sequence_length) {
        cell.checkInput(X, n_steps, "DynamicRNN");
        return dynamic_rnn(cell, X, sequence_length);
    }

    /**
     * {@code outputs, states = tf.nn.dynamic_rnn(cell, X, sequence_length=sequence_length)} for X
     * [batch, n_steps, n_inputs]; sequence_length null means every instance runs all n_steps.
     */
    public static RnnOutput dynamic_rnn(RecurrentCell cell, Tensor3 X, int[] sequence_length) {
        cell.checkInput(X, -1, "dynamic_rnn");
        int batch = X.dim(0);
        int steps = X.dim(1);
        int n_neurons = cell.n_neurons();
        checkLengths(sequence_length, batch, steps);
        Tensor3 outputs = new Tensor3(batch, steps, n_neurons);
        float[] out = outputs.data();
        FMatrixRMaj states = cell.zeroState(batch);
        for (int t = 0; t < steps; t++) {
            FMatrixRMaj Y = cell.step(X.step(t), states);
            for (int i = 0; i < batch; i++) {
                if (sequence_length == null || t < sequence_length[i]) {
                    // instance i is still running: states[i] = outputs[i, t] = Y(t)[i]
                    System.arraycopy(Y.data, i * n_neurons, states.data, i * n_neurons, n_neurons);
                    System.arraycopy(Y.data, i * n_neurons, out, (i * steps + t) * n_neurons, n_neurons);
                }
                // past its length: outputs[i, t] stays 0 and states[i] is carried unchanged
            }
        }
        return new RnnOutput(outputs, states);
    }

    /** Throws unless sequence_length is null or has one length per instance, each in [0, n_steps]. */
    static void checkLengths(int[] sequence_length, int batch, int steps) {
        if (sequence_length == null) {
            return;
        }
        if (sequence_length.length != batch) {
            throw new IllegalArgumentException("sequence_length has " + sequence_length.length
                    + " entries but X has a batch of " + batch + " instances");
        }
        for (int i = 0; i < batch; i++) {
            if (sequence_length[i] < 0 || sequence_length[i] > steps) {
                throw new IllegalArgumentException("sequence_length[" + i + "] = " + sequence_length[i]
                        + " is outside the allowed range [0, " + steps + "] (n_steps = " + steps + ")");
            }
        }
    }
}
