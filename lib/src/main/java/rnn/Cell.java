package rnn;

import java.util.List;

import org.ejml.data.FMatrixRMaj;

/**
 * A recurrent cell, TF's {@code RNNCell}: one time step for a mini-batch, from the inputs X(t) (m × n_inputs) and
 * the state at t−1 to the state at t, whose {@link CellState#output() output} is Y(t) (m × n_neurons).
 * {@link StaticRNN} and {@link DynamicRNN} unroll any cell through time; {@link RecurrentCell} is the basic one.
 *
 * <p>This is the teaching path: readable, allocating freely, the same digits on every machine. The training loop
 * runs each cell's equations again on buffers, in {@code rnn.fast}, where a parity test holds the two together.
 */
public interface Cell {

    int n_inputs();

    int n_neurons();

    /** TF's {@code cell.zero_state(m, tf.float32)}: every part of the state 0 for a batch of m instances. */
    CellState zeroState(int m);

    /** One time step: the state at t from X(t) and the state at t−1. */
    CellState step(FMatrixRMaj X_t, CellState state);

    /** The trainable parameters, live (training updates them in place), in the order of {@link #parameterNames()}. */
    List<FMatrixRMaj> parameters();

    /** The names of the parameters, e.g. "W" and "b" for the basic cell. */
    List<String> parameterNames();
}
