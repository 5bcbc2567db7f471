package rnn.fast;

import java.util.Arrays;

/**
 * Backpropagation through time down a stack of layers on one thread's {@link Buffers}, after {@link Unroll#forward}.
 * The head of the model first puts the gradient at the layers' outputs: {@link #clear}, then the gradient of every
 * step's output ({@link Buffers#dOutputs}, directly) and/or of the final states ({@link #addFinalStateGradient}).
 * {@link #backward} then runs each layer's BPTT from the top down, the gradient at a layer's inputs being added to
 * the gradient at the outputs of the layer below.
 */
public final class Bptt {
    private Bptt() {
    }

    /** Sets the gradient at every layer's outputs to 0 for m sequences. */
    public static void clear(Buffers buf, int m) {
        for (int l = 0; l < buf.depth(); l++) {
            Arrays.fill(buf.dOutputs[l], 0, m * buf.n_steps * buf.n_neurons(l), 0f);
        }
    }

    /**
     * Adds dL/d(final state) of layer {@code layer} (sequence i's at {@code dStates[i·width + column …]}) to the
     * gradient at its output at step length − 1: the final state is that output (a sequence of length 0 has the zero
     * state, which depends on nothing).
     */
    public static void addFinalStateGradient(Buffers buf, int layer, int m, int[] sequence_length, int lengthOffset,
                                             float[] dStates, int width, int column) {
        int n = buf.n_neurons(layer);
        int ldY = buf.n_steps * n;
        float[] dOutputs = buf.dOutputs[layer];
        for (int i = 0; i < m; i++) {
            int length = sequence_length == null ? buf.n_steps : sequence_length[lengthOffset + i];
            if (length == 0) continue;
            int to = i * ldY + (length - 1) * n;
            int from = i * width + column;
            for (int j = 0; j < n; j++) dOutputs[to + j] += dStates[from + j];
        }
    }

    /**
     * Every layer's BPTT, top first, for m sequences of X (rows of n_steps·n_inputs from {@code offX}). Adds the
     * gradient of each layer's parameters to {@code grads}, the layers' parameters in order from {@code grads[0]}.
     */
    public static void backward(Buffers buf, float[] X, int offX, int m, int[] sequence_length, int lengthOffset,
                                float[][] grads) {
        for (int l = buf.depth() - 1; l >= 0; l--) {
            boolean bottom = l == 0;
            buf.layers[l].backward(bottom ? X : buf.outputs[l - 1], bottom ? offX : 0, m, sequence_length, lengthOffset,
                    buf.outputs[l], buf.dOutputs[l], bottom ? null : buf.dOutputs[l - 1], 0, grads, buf.firstParameter[l]);
        }
    }
}
