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
 * <p>An instance holds the scratch rows for up to {@code capacity} sequences and allocates nothing per call.
 */
public final class Bptt {
    private final int capacity;
    private final int n_inputs;
    private final int n_neurons;
    private float[] dY;
    private float[] dY_prev;
    private final float[] dZ;

    public Bptt(int capacity, int n_inputs, int n_neurons) {
        this.capacity = capacity;
        this.n_inputs = n_inputs;
        this.n_neurons = n_neurons;
        this.dY = new float[capacity * n_neurons];
        this.dY_prev = new float[capacity * n_neurons];
        this.dZ = new float[capacity * n_neurons];
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
        int[] lengths = sequence_length == null ? null : checkLengths(sequence_length, m, n_steps);
        new Bptt(m, n_inputs, n_neurons).backward(
                m, n_steps, X.data(), 0, outputs.data(), lengths, cell.W().data, dStates.data, dW.data, db.data);
    }

    /**
     * The same on row-major arrays, for m ≤ capacity sequences: X holds m rows of n_steps·n_inputs from
     * {@code offX}, outputs m rows of n_steps·n_neurons, {@code W} the cell's kernel, dStates m rows of
     * n_neurons. {@code sequence_length} may be null (all n_steps). Adds to dW and db.
     */
    public void backward(int m, int n_steps, float[] X, int offX, float[] outputs, int[] sequence_length,
                         float[] W, float[] dStates, float[] dW, float[] db) {
        if (m > capacity) {
            throw new IllegalArgumentException("batch of " + m + " sequences but this Bptt holds " + capacity);
        }
        int n = n_neurons;
        int ldX = n_steps * n_inputs;
        int ldY = n_steps * n;
        int offWy = n_inputs * n;
        System.arraycopy(dStates, 0, dY, 0, m * n);
        for (int t = n_steps - 1; t >= 0; t--) {
            boolean anyActive = false;
            for (int i = 0; i < m; i++) {
                boolean active = sequence_length == null || t < sequence_length[i];
                anyActive |= active;
                int y = i * ldY + t * n;
                for (int j = 0; j < n; j++) {
                    float Y = outputs[y + j];
                    // dZ(t) = dY(t) ⊙ (1 − Y(t)²); 0 where the sequence has ended
                    dZ[i * n + j] = active ? dY[i * n + j] * (1 - Y * Y) : 0f;
                }
            }
            if (!anyActive) continue; // every state was carried: dY(t−1) = dY(t)
            // dWx += X(t)ᵀ·dZ(t)
            Gemm.gemm(true, false, n_inputs, n, m, X, offX + t * n_inputs, ldX, dZ, 0, n, 1f, dW, 0, n);
            if (t > 0) {
                // dWy += Y(t−1)ᵀ·dZ(t): rows with dZ ≠ 0 were active at t, so their Y(t−1) is the output at t−1
                Gemm.gemm(true, false, n, n, m, outputs, (t - 1) * n, ldY, dZ, 0, n, 1f, dW, offWy, n);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) db[j] += dZ[i * n + j]; // db += Σ rows dZ(t)
            }
            // dY(t−1) = dZ(t)·Wyᵀ, and the unchanged dY(t) for rows that only carried their state
            Gemm.gemm(false, true, m, n, n, dZ, 0, n, W, offWy, n, 0f, dY_prev, 0, n);
            if (sequence_length != null) {
                for (int i = 0; i < m; i++) {
                    if (t >= sequence_length[i]) System.arraycopy(dY, i * n, dY_prev, i * n, n);
                }
            }
            float[] swap = dY;
            dY = dY_prev;
            dY_prev = swap;
        }
    }

    /** Throws unless there is one length per sequence, each in [0, n_steps]; returns the lengths. */
    static int[] checkLengths(int[] sequence_length, int m, int n_steps) {
        if (sequence_length.length != m) {
            throw new IllegalArgumentException("sequence_length has " + sequence_length.length
                    + " entries but the batch has " + m + " sequences");
        }
        for (int i = 0; i < m; i++) {
            if (sequence_length[i] < 0 || sequence_length[i] > n_steps) {
                throw new IllegalArgumentException("sequence_length[" + i + "] = " + sequence_length[i]
                        + " is outside [0, n_steps = " + n_steps + "]");
            }
        }
        return sequence_length;
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
