package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * What TF's {@code static_rnn} / {@code dynamic_rnn} return: {@code outputs}, [batch, n_steps, n_neurons],
 * the output of every time step, and {@code states}, batch × n_neurons, the final state of each instance.
 */
public record RnnOutput(Tensor3 outputs, FMatrixRMaj states) {
}
