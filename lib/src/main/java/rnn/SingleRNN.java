package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * The seed's first model, {@code SingleRNN(N_INPUTS, N_NEURONS)}, which the seed builds with N_NEURONS = 1: a
 * single recurrent neuron unrolled through two time steps. The same computation as {@link BasicRNN} (any
 * n_neurons works), under the seed's name.
 */
public class SingleRNN extends BasicRNN {
    /** Wx then Wy from {@code tf.random_normal}, and b = 0. */
    public SingleRNN(int n_inputs, int n_neurons, Init init) {
        super(n_inputs, n_neurons, init);
    }

    public SingleRNN(FMatrixRMaj Wx, FMatrixRMaj Wy, FMatrixRMaj b) {
        super(Wx, Wy, b);
    }
}
