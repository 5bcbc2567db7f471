package rnn.fast;

import rnn.Cell;

/**
 * The fast path's side of a teaching {@link Cell}: the same equations unrolled through time, and backpropagated
 * through time, on the training loop's row-major {@code float[]} buffers. An instance runs on one thread and holds
 * its per-step work arrays for up to {@link #capacity()} sequences of {@link #n_steps()} steps, allocated once.
 *
 * <p>Layouts: the inputs X are m rows of n_steps·n_inputs (i.e. [m, n_steps, n_inputs]) from an offset; the
 * outputs and their gradients are [m, n_steps, n_neurons] from 0. Sequence i's length is
 * {@code sequence_length[lengthOffset + i]}, or n_steps when {@code sequence_length} is null.
 */
public interface FastCell {

    /** The teaching cell whose equations this runs and whose parameters (live) it reads. */
    Cell cell();

    int n_steps();

    /** How many sequences the work arrays hold. */
    int capacity();

    /**
     * dynamic_rnn from the zero state: {@code outputs} receives Y(t) for t < sequence_length and 0 past it.
     * Keeps what {@link #backward} needs.
     */
    void forward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs);

    /**
     * Backpropagation through time of the last {@link #forward} on the same X and outputs.
     *
     * @param dOutputs dL/dY(t) from above, for every step, the gradient of each sequence's final state already added
     *                 at its last step (t = length − 1); used as work space (it ends holding dL/dY(t) in full)
     * @param dX       where dL/dX is added ([m, n_steps, n_inputs] from {@code offDX}), or null when not needed
     * @param grads    the gradient of each of the cell's parameters, in {@link Cell#parameters()} order, from
     *                 {@code grads[firstGrad]} on; added to
     */
    void backward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs,
                  float[] dOutputs, float[] dX, int offDX, float[][] grads, int firstGrad);
}
