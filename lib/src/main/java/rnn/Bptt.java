package rnn;

import org.ejml.data.FMatrixRMaj;
import rnn.linalg.Gemm;

/**
 * Backpropagation through time for the cell {@code Y(t) = tanh(X(t)·Wx + Y(t−1)·Wy + b)} unrolled by
 * {@code dynamic_rnn} from the zero state, given dL/dstates (the gradient at the final states). Walking
 * t = n_steps−1 … 0 with dY the gradient at Y(t):
 * <pre>
 *   dZ(t)   = dY(t) ⊙ (1 − Y(t)²)
 *   dWx    += X(t)ᵀ · dZ(t)
 *   dWy    += Y(t−1)ᵀ · dZ(t)          (Y(−1) = 0)
 *   db     += Σ rows dZ(t)
 *   dY(t−1) = dZ(t) · Wyᵀ
 * </pre>
 * A row whose sequence has ended (t ≥ sequence_length) only carried its state through step t, so its dZ(t)
 * is 0 and its dY passes to t−1 unchanged.
 *
 * <p>dY and dZ are kept for every step, laid out like the outputs ([m, n_steps, n_neurons]), so that
 * {@code dWx += Xᵀ·dZ} and {@code db += Σ rows dZ} are one product each over all steps, and the per-step
 * element-wise loop indexes dY, dZ and Y alike (which the JIT vectorises). An instance holds these
 * buffers for up to {@code capacity} sequences, sized on first use, and allocates nothing after that.
 */
public final class Bptt {
    private final int capacity;
    private final int n_inputs;
    private final int n_neurons;
    /** dL/dY(t) for every step, [m, n_steps, n_neurons]. */
    private float[] dY = new float[0];
    /** dL/dZ(t) = dY(t) ⊙ (1 − Y(t)²) for every step, [m, n_steps, n_neurons]. */
    private float[] dZ = new float[0];
    /** m·n_steps ones: Σ rows of a matrix as the product 1ᵀ·M. */
    private float[] ones = new float[0];

    public Bptt(int capacity, int n_inputs, int n_neurons) {
        this.capacity = capacity;
        this.n_inputs = n_inputs;
        this.n_neurons = n_neurons;
    }

    /**
     * Adds the gradients of the cell's kernel and bias to {@code dW} ((n_inputs + n_neurons) × n_neurons, the
     * rows of dWx first) and {@code db} (1 × n_neurons).
     *
     * @param X               the inputs, a {@code [m, n_steps, n_inputs]} tensor
     * @param outputs         dynamic_rnn's outputs for X, {@code [m, n_steps, n_neurons]}
     * @param sequence_length the length of each sequence, or null for all n_steps
     * @param dStates         dL/dstates, m × n_neurons
     */
    public static void backward(RecurrentCell cell, Tensor3 X, Tensor3 outputs, int[] sequence_length,
                                FMatrixRMaj dStates, FMatrixRMaj dW, FMatrixRMaj db) {
        int m = X.dim(0);
        int n_steps = X.dim(1);
        int n_inputs = cell.n_inputs();
        int n_neurons = cell.n_neurons();
        checkShape("X", X, m, n_steps, n_inputs);
        checkShape("outputs", outputs, m, n_steps, n_neurons);
        checkShape("dStates", dStates, m, n_neurons);
        checkShape("dW", dW, n_inputs + n_neurons, n_neurons);
        checkShape("db", db, 1, n_neurons);
        DynamicRNN.checkLengths(sequence_length, m, n_steps);
        new Bptt(m, n_inputs, n_neurons).backward(
                m, n_steps, X.data(), 0, outputs.data(), sequence_length, 0, cell.W().data, dStates.data, dW.data,
                db.data);
    }

    /**
     * The same on row-major arrays, for m ≤ capacity sequences: X holds m rows of n_steps·n_inputs from
     * {@code offX}, outputs m rows of n_steps·n_neurons, {@code W} the cell's kernel, dStates m rows of
     * n_neurons. Sequence i's length is {@code sequence_length[lengthOffset + i]}; {@code sequence_length} may be null
     * (all n_steps). Adds to dW and db.
     */
    public void backward(int m, int n_steps, float[] X, int offX, float[] outputs, int[] sequence_length, int lengthOffset,
                         float[] W, float[] dStates, float[] dW, float[] db) {
        if (m > capacity) {
            throw new IllegalArgumentException("batch of " + m + " sequences but this Bptt holds " + capacity);
        }
        int n = n_neurons;
        int ldY = n_steps * n;
        int offWy = n_inputs * n;
        if (dZ.length < m * ldY) {
            dY = new float[capacity * ldY];
            dZ = new float[capacity * ldY];
            ones = new float[capacity * n_steps];
            java.util.Arrays.fill(ones, 1f);
        }
        for (int i = 0; i < m; i++) System.arraycopy(dStates, i * n, dY, i * ldY + (n_steps - 1) * n, n);
        for (int t = n_steps - 1; t >= 0; t--) {
            boolean anyActive = false;
            for (int i = 0; i < m; i++) {
                int r = i * ldY + t * n;
                if (sequence_length == null || t < sequence_length[lengthOffset + i]) {
                    anyActive = true;
                    // dZ(t) = dY(t) ⊙ (1 − Y(t)²)
                    for (int j = 0; j < n; j++) dZ[r + j] = dY[r + j] * (1 - outputs[r + j] * outputs[r + j]);
                } else {
                    java.util.Arrays.fill(dZ, r, r + n, 0f); // the sequence has ended: dZ(t) = 0
                }
            }
            if (t == 0) break;
            if (anyActive) {
                // dWy += Y(t−1)ᵀ·dZ(t): rows with dZ ≠ 0 were active at t, so their Y(t−1) is the output at t−1
                Gemm.gemm(true, false, n, n, m, outputs, (t - 1) * n, ldY, dZ, t * n, ldY, 1f, dW, offWy, n);
                // dY(t−1) = dZ(t)·Wyᵀ
                Gemm.gemm(false, true, m, n, n, dZ, t * n, ldY, W, offWy, n, 0f, dY, (t - 1) * n, ldY);
            }
            for (int i = 0; i < m; i++) {
                if (!anyActive || (sequence_length != null && t >= sequence_length[lengthOffset + i])) {
                    // a row that only carried its state through step t passes dY(t) on unchanged
                    System.arraycopy(dY, i * ldY + t * n, dY, i * ldY + (t - 1) * n, n);
                }
            }
        }
        // over all steps at once, X and dZ as m·n_steps rows: dWx += Xᵀ·dZ, db += Σ rows dZ = 1ᵀ·dZ
        Gemm.gemm(true, false, n_inputs, n, m * n_steps, X, offX, n_inputs, dZ, 0, n, 1f, dW, 0, n);
        Gemm.gemm(false, false, 1, n, m * n_steps, ones, 0, m * n_steps, dZ, 0, n, 1f, db, 0, n);
    }

    private static void checkShape(String name, Tensor3 x, int d0, int d1, int d2) {
        if (x.dim(0) != d0 || x.dim(1) != d1 || x.dim(2) != d2) {
            throw new IllegalArgumentException(name + " should be [" + d0 + ", " + d1 + ", " + d2 + "] but is ["
                    + x.dim(0) + ", " + x.dim(1) + ", " + x.dim(2) + "]");
        }
    }

    private static void checkShape(String name, FMatrixRMaj x, int rows, int cols) {
        if (x.numRows != rows || x.numCols != cols) {
            throw new IllegalArgumentException(name + " should be " + rows + "×" + cols + " but is "
                    + x.numRows + "×" + x.numCols);
        }
    }
}
