package rnn.fast;

import rnn.linalg.Gemm;

/**
 * The products of a cell's input part over all time steps at once, the inputs X being m·n_steps rows of n_inputs:
 * the input projection X·Wx before the unroll, and after BPTT the gradients it feeds, dWx += Xᵀ·dZ, db += 1ᵀ·dZ
 * (Σ over rows as a product with a row of ones) and dX += dZ·Wxᵀ, where dZ (m·n_steps rows of the kernel's width)
 * holds dL/d(pre-activation) of every step. Wx is the first n_inputs rows of a kernel [Wx; Wh] of {@code width}
 * columns.
 */
final class AllSteps {
    private AllSteps() {
    }

    /** Z = X·Wx for rows = m·n_steps rows of X (from offX) into Z (from 0, rows of {@code width}). */
    static void inputProjection(int rows, int n_inputs, int width, float[] X, int offX, float[] W, float[] Z) {
        Gemm.gemm(false, false, rows, width, n_inputs, X, offX, n_inputs, W, 0, width, 0f, Z, 0, width);
    }

    /**
     * dW[0, n_inputs) += Xᵀ·dZ, db += 1ᵀ·dZ, and when dX is not null dX += dZ·Wxᵀ, over rows = m·n_steps rows;
     * {@code ones} holds at least {@code rows} ones.
     */
    static void inputGradients(int rows, int n_inputs, int width, float[] X, int offX, float[] W, float[] dZ,
                               float[] ones, float[] dW, float[] db, float[] dX, int offDX) {
        Gemm.gemm(true, false, n_inputs, width, rows, X, offX, n_inputs, dZ, 0, width, 1f, dW, 0, width);
        Gemm.gemm(false, false, 1, width, rows, ones, 0, rows, dZ, 0, width, 1f, db, 0, width);
        if (dX != null) {
            Gemm.gemm(false, true, rows, n_inputs, width, dZ, 0, width, W, 0, width, 1f, dX, offDX, n_inputs);
        }
    }
}
