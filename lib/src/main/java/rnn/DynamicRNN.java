package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * TF's dynamic unrolling, {@code tf.nn.dynamic_rnn}: a loop over the time steps of the 3-D input,
 * with optional per-instance sequence lengths. For instance i and t >= sequence_length[i] the
 * output is 0 and the state is carried unchanged, so the final state of instance i is its state
 * at t = sequence_length[i] - 1 (the zero state when its length is 0).
 */
public final class DynamicRNN extends UnrolledRNN {

    /** The seed's {@code DynamicRNN(n_steps, n_inputs, n_neurons)} with a fresh {@link RecurrentCell}. */
    public DynamicRNN(int n_steps, int n_inputs, int n_neurons, Init init) {
        this(n_steps, new RecurrentCell(n_inputs, n_neurons, init));
    }

    public DynamicRNN(int n_steps, Cell cell) {
        super(n_steps, cell);
    }

    /** Every instance runs all n_steps. */
    @Override
    public RnnOutput run(Tensor3 X) {
        return run(X, null);
    }

    /** The seed's {@code sess.run([outputs, states], feed_dict={X: X_batch, seq_length: seq_length_batch})}. */
    public RnnOutput run(Tensor3 X, int[] sequence_length) {
        checkInput(X);
        return dynamic_rnn(cell(), X, sequence_length);
    }

    /**
     * {@code outputs, states = tf.nn.dynamic_rnn(cell, X, sequence_length=sequence_length)} for X
     * [batch, n_steps, n_inputs]; sequence_length null means every instance runs all n_steps.
     */
    public static RnnOutput dynamic_rnn(Cell cell, Tensor3 X, int[] sequence_length) {
        Shapes.checkInput(X, -1, cell.n_inputs(), "dynamic_rnn");
        int batch = X.dim(0);
        int steps = X.dim(1);
        int n_neurons = cell.n_neurons();
        Shapes.checkLengths(sequence_length, batch, steps);
        Tensor3 outputs = new Tensor3(batch, steps, n_neurons);
        float[] out = outputs.data();
        CellState state = cell.zeroState(batch);
        for (int t = 0; t < steps; t++) {
            CellState next = cell.step(X.step(t), state);
            FMatrixRMaj Y = next.output();
            for (int i = 0; i < batch; i++) {
                if (sequence_length == null || t < sequence_length[i]) {
                    // instance i is still running: its state is the new one, and outputs[i, t] = Y(t)[i]
                    copyRow(next, state, i);
                    System.arraycopy(Y.data, i * n_neurons, out, (i * steps + t) * n_neurons, n_neurons);
                }
                // past its length: outputs[i, t] stays 0 and its state is carried unchanged
            }
        }
        return new RnnOutput(outputs, state);
    }

    /** Row i of every part of {@code from} into the same row of {@code to}. */
    private static void copyRow(CellState from, CellState to, int i) {
        for (int p = 0; p < from.parts().size(); p++) {
            FMatrixRMaj source = from.parts().get(p);
            int width = source.numCols;
            System.arraycopy(source.data, i * width, to.parts().get(p).data, i * width, width);
        }
    }
}
