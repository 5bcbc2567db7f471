package rnn.fast;

import java.util.Arrays;

import rnn.Activation;
import rnn.Cell;
import rnn.RecurrentCell;
import rnn.linalg.Gemm;
import rnn.linalg.Tanh;

/**
 * {@link RecurrentCell}'s equation, Y(t) = f(X(t)·Wx + Y(t−1)·Wy + b), on the training loop's buffers: the
 * unroll through time ({@link #forward}) and backpropagation through time ({@link #backward}).
 *
 * <p>The unroll computes the input projection X(t)·Wx of all steps as one product, then adds Y(t−1)·Wy step by
 * step, with the bias and the activation fused in one pass (for tanh {@link Tanh#biasTanh}, a vectorisable float
 * tanh; unlike the teaching path's StrictMath, it may differ in the last bits from machine to machine). BPTT keeps
 * dY and dZ for every step, laid out like the outputs, so that dWx and db are one product each over all steps and
 * the per-step element-wise loop indexes dY, dZ and Y alike (which the JIT vectorises).
 */
final class FastRecurrentCell extends AbstractFastCell {
    private final RecurrentCell cell;
    private final boolean relu;
    /** dL/dZ(t) = dY(t) ⊙ (1 − Y(t)²) for every step, [capacity, n_steps, n_neurons]. */
    private final float[] dZ;

    FastRecurrentCell(RecurrentCell cell, int n_steps, int capacity) {
        super(cell.n_inputs(), cell.n_neurons(), n_steps, capacity);
        this.cell = cell;
        this.relu = cell.activation() == Activation.RELU;
        this.dZ = new float[capacity * n_steps * n_neurons];
    }

    @Override
    public Cell cell() {
        return cell;
    }

    @Override
    public void forward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs) {
        checkBatch(m);
        float[] W = cell.W().data;
        float[] b = cell.b().data;
        int n = n_neurons;
        int ldY = n_steps * n;
        // X(t)·Wx for every step at once: X is m·n_steps rows of n_inputs, outputs m·n_steps rows of n
        AllSteps.inputProjection(m * n_steps, n_inputs, n, X, offX, W, outputs);
        for (int t = 0; t < n_steps; t++) {
            // + Y(t−1)·Wy; for a sequence still running at t, Y(t−1) is its output at t−1 (Y(−1) = 0)
            if (t > 0) {
                Gemm.gemm(false, false, m, n, n, outputs, (t - 1) * n, ldY, W, n_inputs * n, n, 1f, outputs, t * n, ldY);
            }
            for (int i = 0; i < m; i++) {
                int row = i * ldY + t * n;
                if (sequence_length == null || t < sequence_length[lengthOffset + i]) {
                    // Y(t) = f(X(t)·Wx + Y(t−1)·Wy + b)
                    if (relu) {
                        for (int j = 0; j < n; j++) outputs[row + j] = Math.max(0f, outputs[row + j] + b[j]);
                    } else {
                        Tanh.biasTanh(outputs, row, b, n);
                    }
                } else {
                    Arrays.fill(outputs, row, row + n, 0f); // 0 past the sequence's length
                }
            }
        }
    }

    /**
     * Walking t = n_steps−1 … 0, with dY(t) the gradient at Y(t) (dOutputs, to which each step adds what flows
     * back from t+1):
     * <pre>
     *   dZ(t)    = dY(t) ⊙ f'(Z(t))          (0 where the sequence has ended: t ≥ sequence_length)
     *   dWy     += Y(t−1)ᵀ · dZ(t)
     *   dY(t−1) += dZ(t) · Wyᵀ
     *   dWx     += Σt X(t)ᵀ · dZ(t),   db += Σt Σ rows dZ(t),   dX(t) += dZ(t) · Wxᵀ
     * </pre>
     * grads[firstGrad] is dW = [dWx; dWy], grads[firstGrad + 1] is db.
     */
    @Override
    public void backward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs,
                         float[] dOutputs, float[] dX, int offDX, float[][] grads, int firstGrad) {
        checkBatch(m);
        float[] W = cell.W().data;
        float[] dW = grads[firstGrad];
        float[] db = grads[firstGrad + 1];
        float[] dY = dOutputs;
        int n = n_neurons;
        int ldY = n_steps * n;
        int offWy = n_inputs * n;
        for (int t = n_steps - 1; t >= 0; t--) {
            boolean anyActive = false;
            for (int i = 0; i < m; i++) {
                int r = i * ldY + t * n;
                if (sequence_length == null || t < sequence_length[lengthOffset + i]) {
                    anyActive = true;
                    if (relu) {
                        // dZ(t) = dY(t) ⊙ f'(Z(t)), f' = 1 where Y(t) > 0, else 0
                        for (int j = 0; j < n; j++) dZ[r + j] = outputs[r + j] > 0 ? dY[r + j] : 0f;
                    } else {
                        // dZ(t) = dY(t) ⊙ (1 − Y(t)²)
                        for (int j = 0; j < n; j++) dZ[r + j] = dY[r + j] * (1 - outputs[r + j] * outputs[r + j]);
                    }
                } else {
                    Arrays.fill(dZ, r, r + n, 0f); // the sequence has ended: its output is a constant 0
                }
            }
            if (t > 0 && anyActive) {
                // dWy += Y(t−1)ᵀ·dZ(t): rows with dZ ≠ 0 were active at t, so their Y(t−1) is the output at t−1
                Gemm.gemm(true, false, n, n, m, outputs, (t - 1) * n, ldY, dZ, t * n, ldY, 1f, dW, offWy, n);
                // dY(t−1) += dZ(t)·Wyᵀ
                Gemm.gemm(false, true, m, n, n, dZ, t * n, ldY, W, offWy, n, 1f, dY, (t - 1) * n, ldY);
            }
        }
        // over all steps at once, X and dZ as m·n_steps rows: dWx += Xᵀ·dZ, db += 1ᵀ·dZ, dX += dZ·Wxᵀ
        AllSteps.inputGradients(m * n_steps, n_inputs, n, X, offX, W, dZ, ones, dW, db, dX, offDX);
    }
}
