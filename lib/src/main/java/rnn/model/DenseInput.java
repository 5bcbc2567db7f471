package rnn.model;

/**
 * What an {@link ImageRNN} with a stack of layers feeds its dense layer: the final state of the top layer only, or
 * the final states of every layer side by side. With one layer the two are the same.
 */
public enum DenseInput {
    /**
     * The top layer's final output, m × n_neurons: the seed's {@code states}, and the chapter's LSTM
     * ({@code top_layer_h_state = states[-1][1]}).
     */
    TOP_LAYER,
    /**
     * Every layer's final output, bottom first, m × (n_neurons₀ + n_neurons₁ + …): the chapter's multi-layer RNN,
     * {@code states_concat = tf.concat(axis=1, values=states)} (a basic cell's state is its output).
     */
    ALL_LAYERS
}
