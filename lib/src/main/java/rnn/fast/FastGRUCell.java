package rnn.fast;

import java.util.Arrays;

import rnn.Cell;
import rnn.GRUCell;
import rnn.linalg.Gemm;
import rnn.linalg.Tanh;

/**
 * {@link GRUCell}'s equations (reset gate r, update gate u, candidate c, h = u ⊙ h(t−1) + (1 − u) ⊙ c) on the
 * training loop's buffers: the unroll through time ({@link #forward}) and backpropagation through time
 * ({@link #backward}).
 *
 * <p>The input projections of all steps are two products (X by the input rows of W_ru, both gates at once, and by
 * those of W_c); each step then adds h(t−1)·W_ru's recurrent rows (both gates in one product) and
 * (r ⊙ h(t−1))·W_c's. The gates, the candidate, h(t−1) and r ⊙ h(t−1) of every step are kept in arrays sized
 * at construction (BPTT's own at its first call), so neither pass allocates, and BPTT's recurrent kernel gradients
 * are one product each over all steps. σ is {@link FloatSigmoid}, tanh is {@link Tanh#tanh}. Past a sequence's
 * end the output is 0 and h is carried (the final state is the output at length − 1).
 */
final class FastGRUCell extends AbstractFastCell {
    private final GRUCell cell;
    /** Every step's [z_r z_u], then [r u]; [capacity, n_steps, 2·n_neurons]. */
    private final float[] ru;
    /** Every step's candidate pre-activation, then c; [capacity, n_steps, n_neurons]. */
    private final float[] cand;
    /** h(t−1) of every step (0 at t = 0), laid out like cand. */
    private final float[] hPrev;
    /** r(t) ⊙ h(t−1) of every step, laid out like cand. */
    private final float[] rh;
    // the arrays only BPTT needs, allocated at its first call, so that buffers used only for inference are smaller
    /** dL/d[z_r z_u] of every step, laid out like ru (0 past a sequence's end). */
    private float[] dZru;
    /** dL/d(candidate pre-activation) of every step, laid out like cand. */
    private float[] dZc;
    /** dL/d(r ⊙ h(t−1)) of one step, [capacity, n_neurons]. */
    private float[] dRh;

    FastGRUCell(GRUCell cell, int n_steps, int capacity) {
        super(cell.n_inputs(), cell.n_neurons(), n_steps, capacity);
        this.cell = cell;
        int steps = capacity * n_steps;
        this.ru = new float[steps * 2 * n_neurons];
        this.cand = new float[steps * n_neurons];
        this.rh = new float[steps * n_neurons];
        this.hPrev = new float[steps * n_neurons];
    }

    @Override
    public Cell cell() {
        return cell;
    }

    @Override
    public void forward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs) {
        checkBatch(m);
        float[] W_ru = cell.W_ru().data;
        float[] b_ru = cell.b_ru().data;
        float[] W_c = cell.W_c().data;
        float[] b_c = cell.b_c().data;
        int n = n_neurons;
        int ldY = n_steps * n;
        int ldRu = n_steps * 2 * n;
        // [z_r z_u] = X(t)·W_ru's input rows and the candidate's X(t)·W_c's, for every step at once
        AllSteps.inputProjection(m * n_steps, n_inputs, 2 * n, X, offX, W_ru, ru);
        AllSteps.inputProjection(m * n_steps, n_inputs, n, X, offX, W_c, cand);
        for (int t = 0; t < n_steps; t++) {
            for (int s = 0; s < m; s++) {
                // h(t−1) beside step t: the output at t − 1 (of a running sequence), or h(−1) = 0
                int y = s * ldY + t * n;
                if (t == 0) Arrays.fill(hPrev, y, y + n, 0f);
                else System.arraycopy(outputs, y - n, hPrev, y, n);
            }
            if (t > 0) {
                // + h(t−1)·W_ru's recurrent rows, both gates in one product
                Gemm.gemm(false, false, m, 2 * n, n, hPrev, t * n, ldY, W_ru, n_inputs * 2 * n, 2 * n, 1f,
                        ru, t * 2 * n, ldRu);
            }
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;
                int z = s * ldRu + t * 2 * n;
                for (int k = 0; k < n; k++) {
                    // r = σ(z_r), u = σ(z_u), and r ⊙ h(t−1)
                    float r = FloatSigmoid.sigmoid(ru[z + k] + b_ru[k]);
                    ru[z + k] = r;
                    ru[z + n + k] = FloatSigmoid.sigmoid(ru[z + n + k] + b_ru[n + k]);
                    rh[y + k] = r * hPrev[y + k];
                }
            }
            if (t > 0) {
                // + (r ⊙ h(t−1))·W_c's recurrent rows
                Gemm.gemm(false, false, m, n, n, rh, t * n, ldY, W_c, n_inputs * n, n, 1f, cand, t * n, ldY);
            }
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;
                int z = s * ldRu + t * 2 * n;
                if (sequence_length != null && t >= sequence_length[lengthOffset + s]) {
                    Arrays.fill(outputs, y, y + n, 0f); // 0 past the sequence's end
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    // c = tanh(... + b_c), h = u ⊙ h(t−1) + (1 − u) ⊙ c
                    float cNew = Tanh.tanh(cand[y + k] + b_c[k]);
                    float u = ru[z + n + k];
                    cand[y + k] = cNew;
                    outputs[y + k] = u * hPrev[y + k] + (1 - u) * cNew;
                }
            }
        }
    }

    /**
     * Walking t = n_steps−1 … 0 with dh(t) = dOutputs (to which each step adds what flows back from t+1):
     * <pre>
     *   dz_c = dh ⊙ (1 − u) ⊙ (1 − c²),   dz_u = dh ⊙ (h(t−1) − c) ⊙ u(1−u)
     *   d(r⊙h) = dz_c·W_chᵀ,              dz_r = d(r⊙h) ⊙ h(t−1) ⊙ r(1−r)
     *   dh(t−1) += dh ⊙ u + d(r⊙h) ⊙ r + [dz_r dz_u]·W_ruhᵀ
     * </pre>
     * (W_ruh, W_ch the recurrent rows of the kernels), then over all steps at once dW_ruh += Σt h(t−1)ᵀ·[dz_r dz_u],
     * dW_ch += Σt (r ⊙ h(t−1))ᵀ·dz_c, the kernels' input rows, the biases and dX. Past a sequence's end every dz
     * is 0. grads from firstGrad: dW_ru, db_ru, dW_c, db_c.
     */
    @Override
    public void backward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs,
                         float[] dOutputs, float[] dX, int offDX, float[][] grads, int firstGrad) {
        checkBatch(m);
        float[] W_ru = cell.W_ru().data;
        float[] W_c = cell.W_c().data;
        float[] dW_ru = grads[firstGrad];
        float[] db_ru = grads[firstGrad + 1];
        float[] dW_c = grads[firstGrad + 2];
        float[] db_c = grads[firstGrad + 3];
        float[] dY = dOutputs;
        int n = n_neurons;
        int ldY = n_steps * n;
        int ldRu = n_steps * 2 * n;
        int offWruh = n_inputs * 2 * n;
        int offWch = n_inputs * n;
        if (dZru == null) {
            dZru = new float[capacity * n_steps * 2 * n];
            dZc = new float[capacity * n_steps * n];
            dRh = new float[capacity * n];
        }
        for (int t = n_steps - 1; t >= 0; t--) {
            boolean anyRunning = false;
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;
                int z = s * ldRu + t * 2 * n;
                if (sequence_length != null && t >= sequence_length[lengthOffset + s]) {
                    Arrays.fill(dZc, y, y + n, 0f); // past the end: the output is a constant 0
                    Arrays.fill(dZru, z, z + 2 * n, 0f);
                    continue;
                }
                anyRunning = true;
                for (int k = 0; k < n; k++) {
                    float dh = dY[y + k];
                    float u = ru[z + n + k];
                    float cNew = cand[y + k];
                    dZc[y + k] = dh * (1 - u) * (1 - cNew * cNew);
                    dZru[z + n + k] = dh * (hPrev[y + k] - cNew) * u * (1 - u);
                    dZru[z + k] = 0f; // dz_r once d(r⊙h) is known (0 at t = 0, where h(t−1) = 0)
                    if (t > 0) dY[y - n + k] += dh * u;
                }
            }
            if (t == 0 || !anyRunning) continue;
            // d(r⊙h) = dz_c·W_chᵀ
            Gemm.gemm(false, true, m, n, n, dZc, t * n, ldY, W_c, offWch, n, 0f, dRh, 0, n);
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;
                int z = s * ldRu + t * 2 * n;
                if (sequence_length != null && t >= sequence_length[lengthOffset + s]) continue;
                for (int k = 0; k < n; k++) {
                    float r = ru[z + k];
                    float dRhk = dRh[s * n + k];
                    dZru[z + k] = dRhk * hPrev[y + k] * r * (1 - r);
                    dY[y - n + k] += dRhk * r;
                }
            }
            // dh(t−1) += [dz_r dz_u]·W_ruhᵀ
            Gemm.gemm(false, true, m, n, 2 * n, dZru, t * 2 * n, ldRu, W_ru, offWruh, 2 * n, 1f, dY, (t - 1) * n, ldY);
        }
        // over all steps at once: dW_ruh += Σt h(t−1)ᵀ·[dz_r dz_u](t), dW_ch += Σt (r ⊙ h(t−1))ᵀ·dz_c(t)
        Gemm.gemm(true, false, n, 2 * n, m * n_steps, hPrev, 0, n, dZru, 0, 2 * n, 1f, dW_ru, offWruh, 2 * n);
        Gemm.gemm(true, false, n, n, m * n_steps, rh, 0, n, dZc, 0, n, 1f, dW_c, offWch, n);
        AllSteps.inputGradients(m * n_steps, n_inputs, 2 * n, X, offX, W_ru, dZru, ones, dW_ru, db_ru, dX, offDX);
        AllSteps.inputGradients(m * n_steps, n_inputs, n, X, offX, W_c, dZc, ones, dW_c, db_c, dX, offDX);
    }
}
