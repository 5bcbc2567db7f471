package rnn;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.FMatrixRMaj;

/**
 * TF's static unrolling, {@code tf.contrib.rnn.static_rnn}: the input [batch, n_steps, n_inputs]
 * is unstacked into one batch × n_inputs matrix per time step, the cell is applied once per step
 * (one copy of the cell per step in TF's graph), and the outputs are stacked back.
 */
public final class StaticRNN {
    private final int n_steps;
    private final RecurrentCell cell;

    /** The seed's {@code StaticRNN(n_steps, n_inputs, n_neurons)} with a fresh {@link RecurrentCell}. */
    public StaticRNN(int n_steps, int n_inputs, int n_neurons, Init init) {
        this(n_steps, new RecurrentCell(n_inputs, n_neurons, init));
    }

    public StaticRNN(int n_steps, RecurrentCell cell) {
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

    /**
     * {@code output_seqs, states = static_rnn(cell, X_seqs)}: Y(t) = cell(X(t), Y(t-1)) from Y(-1) = 0;
     * returns output_seqs, one m × n_neurons matrix per step (the states are the last of them).
     */
    public static List<FMatrixRMaj> static_rnn(RecurrentCell cell, List<FMatrixRMaj> X_seqs) {
        if (X_seqs == null || X_seqs.isEmpty()) {
            throw new IllegalArgumentException("static_rnn needs at least one time step in X_seqs but was given "
                    + (X_seqs == null ? "null" : "an empty list"));
        }
        List<FMatrixRMaj> output_seqs = new ArrayList<>(X_seqs.size());
        FMatrixRMaj Y = cell.zeroState(X_seqs.get(0).numRows);
        for (FMatrixRMaj X_t : X_seqs) {
            Y = cell.step(X_t, Y);
            output_seqs.add(Y);
        }
        return output_seqs;
    }

    /** outputs [batch, n_steps, n_neurons] and states (the output of the last step) for X [batch, n_steps, n_inputs]. */
    public RnnOutput run(Tensor3 X) {
        cell.checkInput(X, n_steps, "StaticRNN");
        List<FMatrixRMaj> output_seqs = static_rnn(cell, Tensor3.unstack(X));
        FMatrixRMaj states = output_seqs.get(output_seqs.size() - 1).copy();
        return new RnnOutput(Tensor3.stack(output_seqs), states);
    }
}
