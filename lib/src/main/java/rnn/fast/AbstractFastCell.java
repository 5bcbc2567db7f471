package rnn.fast;

import java.util.Arrays;

/**
 * What every fast cell holds apart from its equations: its sizes, the capacity of its work arrays, and a row of
 * capacity·n_steps ones with which a bias gradient is one product over all steps (Σ rows of dZ = 1ᵀ·dZ).
 */
abstract class AbstractFastCell implements FastCell {
    protected final int n_steps;
    protected final int capacity;
    protected final int n_inputs;
    protected final int n_neurons;
    /** capacity·n_steps ones: Σ rows of a matrix as the product 1ᵀ·M. */
    protected final float[] ones;

    AbstractFastCell(int n_inputs, int n_neurons, int n_steps, int capacity) {
        this.n_steps = n_steps;
        this.capacity = capacity;
        this.n_inputs = n_inputs;
        this.n_neurons = n_neurons;
        this.ones = new float[capacity * n_steps];
        Arrays.fill(ones, 1f);
    }

    @Override
    public final int n_steps() {
        return n_steps;
    }

    @Override
    public final int capacity() {
        return capacity;
    }

    /**
     * h(t−1) of every step of m sequences from their outputs, into {@code hPrev} laid out like them ([capacity,
     * n_steps, n_neurons]): step t + 1 gets output t, step 0 gets h(−1) = 0. With h(t−1) stored beside dZ(t), BPTT
     * takes dWh = Σt h(t−1)ᵀ·dZ(t) as one product over all steps instead of one per step. (Past a sequence's end the
     * outputs are 0, not the carried h, but there dZ = 0.)
     */
    protected final void previousOutputs(float[] outputs, int m, float[] hPrev) {
        int n = n_neurons;
        int ldY = n_steps * n;
        for (int s = 0; s < m; s++) {
            Arrays.fill(hPrev, s * ldY, s * ldY + n, 0f);
            System.arraycopy(outputs, s * ldY, hPrev, s * ldY + n, (n_steps - 1) * n);
        }
    }

    /** m sequences must fit the work arrays. */
    protected final void checkBatch(int m) {
        if (m > capacity) {
            throw new IllegalArgumentException("a batch of " + m + " sequences but these buffers hold " + capacity);
        }
    }
}
