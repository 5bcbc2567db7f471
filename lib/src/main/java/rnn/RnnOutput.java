package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * What TF's {@code static_rnn} / {@code dynamic_rnn} return: {@code outputs}, [batch, n_steps, n_neurons],
 * the output of every time step, and the final state of each instance.
 */
public record RnnOutput(Tensor3 outputs, CellState finalState) {

    /**
     * TF's {@code states} of a basic cell, batch × n_neurons: each instance's final output, the output of its
     * last step (for a cell whose state has more parts, such as an LSTM's (c, h), the output part h).
     */
    public FMatrixRMaj states() {
        return finalState.output();
    }
}
