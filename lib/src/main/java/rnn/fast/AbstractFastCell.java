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
     * Keeps step t's outputs of m sequences as h(t−1) of step t + 1 in {@code hPrev} (laid out like the outputs,
     * [capacity, n_steps, n_neurons]), and at t = 0 sets h(−1) = 0: with h(t−1) stored beside dZ(t), a cell's BPTT
     * takes dWh = Σt h(t−1)ᵀ·dZ(t) as one product over all steps instead of one per step.
     */
    protected final void keepAsPrevious(float[] outputs, int m, int t, float[] hPrev) {
        int n = n_neurons;
        int ldY = n_steps * n;
        for (int s = 0; s < m; s++) {
            if (t == 0) Arrays.fill(hPrev, s * ldY, s * ldY + n, 0f);
            if (t + 1 < n_steps) System.arraycopy(outputs, s * ldY + t * n, hPrev, s * ldY + (t + 1) * n, n);
        }
    }

    /** m sequences must fit the work arrays. */
    protected final void checkBatch(int m) {
        if (m > capacity) {
            throw new IllegalArgumentException("a batch of " + m + " sequences but these buffers hold " + capacity);
        }
    }
}
