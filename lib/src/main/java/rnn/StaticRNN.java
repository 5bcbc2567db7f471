package rnn;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.FMatrixRMaj;

/**
 * TF's static unrolling, {@code tf.contrib.rnn.static_rnn}: the input [batch, n_steps, n_inputs]
 * is unstacked into one batch × n_inputs matrix per time step, the cell is applied once per step
 * (one copy of the cell per step in TF's graph), and the outputs are stacked back.
 */
public final class StaticRNN extends UnrolledRNN {

    /** The seed's {@code StaticRNN(n_steps, n_inputs, n_neurons)} with a fresh {@link RecurrentCell}. */
    public StaticRNN(int n_steps, int n_inputs, int n_neurons, Init init) {
        this(n_steps, new RecurrentCell(n_inputs, n_neurons, init));
    }

    public StaticRNN(int n_steps, Cell cell) {
        super(n_steps, cell);
    }

    /**
     * {@code output_seqs, states = static_rnn(cell, X_seqs)}: the state at t = cell(X(t), state at t-1) from the zero
     * state; returns output_seqs, the output Y(t) of every step, one m × n_neurons matrix each.
     */
    public static List<FMatrixRMaj> static_rnn(Cell cell, List<FMatrixRMaj> X_seqs) {
        return unroll(cell, X_seqs).outputs;
    }

    /** outputs [batch, n_steps, n_neurons] and the final state (that of the last step) for X [batch, n_steps, n_inputs]. */
    @Override
    public RnnOutput run(Tensor3 X) {
        checkInput(X);
        Unrolled unrolled = unroll(cell(), Tensor3.unstack(X));
        return new RnnOutput(Tensor3.stack(unrolled.outputs), unrolled.last);
    }

    private record Unrolled(List<FMatrixRMaj> outputs, CellState last) {
    }

    private static Unrolled unroll(Cell cell, List<FMatrixRMaj> X_seqs) {
        if (X_seqs == null || X_seqs.isEmpty()) {
            throw new IllegalArgumentException("static_rnn needs at least one time step in X_seqs but was given "
                    + (X_seqs == null ? "null" : "an empty list"));
        }
        List<FMatrixRMaj> output_seqs = new ArrayList<>(X_seqs.size());
        CellState state = cell.zeroState(X_seqs.get(0).numRows);
        for (FMatrixRMaj X_t : X_seqs) {
            state = cell.step(X_t, state); // one copy of the cell per step
            output_seqs.add(state.output());
        }
        return new Unrolled(output_seqs, state);
    }
}
