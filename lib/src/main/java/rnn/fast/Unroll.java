package rnn.fast;

import java.util.Arrays;

/**
 * dynamic_rnn through a stack of layers on one thread's {@link Buffers}: each layer unrolled through time over the
 * outputs of the layer below, and the final states read off the outputs.
 */
public final class Unroll {
    private Unroll() {
    }

    /**
     * Every layer's outputs for m sequences of X (rows of n_steps·n_inputs from {@code offX}); sequence i's length
     * is {@code sequence_length[lengthOffset + i]} (null: all n_steps), the same in every layer.
     */
    public static void forward(Buffers buf, float[] X, int offX, int m, int[] sequence_length, int lengthOffset) {
        float[] input = X;
        int offInput = offX;
        for (int l = 0; l < buf.depth(); l++) {
            buf.layers[l].forward(input, offInput, m, sequence_length, lengthOffset, buf.outputs[l]);
            input = buf.outputs[l];
            offInput = 0;
        }
    }

    /**
     * dynamic_rnn's final state (its output part) of layer {@code layer} for each of m sequences: the output at step
     * length − 1, or 0 for a sequence of length 0. Sequence i's goes to {@code states[i·width + column …]}.
     */
    public static void finalStates(Buffers buf, int layer, int m, int[] sequence_length, int lengthOffset,
                                   float[] states, int width, int column) {
        int n = buf.n_neurons(layer);
        int ldY = buf.n_steps * n;
        float[] outputs = buf.outputs[layer];
        for (int i = 0; i < m; i++) {
            int length = sequence_length == null ? buf.n_steps : sequence_length[lengthOffset + i];
            int to = i * width + column;
            if (length == 0) {
                Arrays.fill(states, to, to + n, 0f);
            } else {
                System.arraycopy(outputs, i * ldY + (length - 1) * n, states, to, n);
            }
        }
    }
}
