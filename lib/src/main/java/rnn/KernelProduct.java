package rnn;

import org.ejml.data.FMatrixRMaj;

import rnn.linalg.Gemm;

/**
 * TF's kernel product of a cell, {@code matmul(concat([X(t), h], 1), kernel) + bias}: Z = [X(t) h]·W + b with the
 * kernel W stored as (n_inputs + n_h) rows, the rows of X's part first, so computed as X(t)·W[0, n_inputs) +
 * h·W[n_inputs, n_inputs + n_h) + b without building the concatenation. On the portable kernel (the same digits on
 * every machine), for the teaching path's gated cells.
 */
final class KernelProduct {
    private KernelProduct() {
    }

    /** A new m × W.numCols matrix [X(t) h]·W + b, b (1 × W.numCols) broadcast over the rows. */
    static FMatrixRMaj of(FMatrixRMaj X_t, FMatrixRMaj h, FMatrixRMaj W, FMatrixRMaj b) {
        int m = X_t.numRows;
        int n_inputs = X_t.numCols;
        int cols = W.numCols;
        FMatrixRMaj Z = new FMatrixRMaj(m, cols);
        for (int r = 0; r < m; r++) System.arraycopy(b.data, 0, Z.data, r * cols, cols);
        Gemm.portable(false, false, m, cols, n_inputs, X_t.data, 0, n_inputs, W.data, 0, cols, 1f, Z.data, 0, cols);
        Gemm.portable(false, false, m, cols, h.numCols, h.data, 0, h.numCols, W.data, n_inputs * cols, cols, 1f,
                Z.data, 0, cols);
        return Z;
    }

    /** Checks the shapes of one step's X(t) (m × n_inputs) and a state part (m × n_neurons) for a cell. */
    static void checkStep(String cell, int n_inputs, int n_neurons, FMatrixRMaj X_t, String part, FMatrixRMaj state) {
        if (X_t.numCols != n_inputs) {
            throw new IllegalArgumentException("X(t) has " + X_t.numCols + " columns but the " + cell
                    + " has n_inputs = " + n_inputs);
        }
        if (state.numCols != n_neurons || state.numRows != X_t.numRows) {
            throw new IllegalArgumentException(part + " must be m × n_neurons = " + X_t.numRows + "×" + n_neurons
                    + " (m from X(t)) but is " + state.numRows + "×" + state.numCols);
        }
    }
}
