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
 * are one product each over all steps. The element-wise work of a sequence's step runs on work rows at offset 0
 * ({@link Row}), every array in a loop indexed alike (the form in which C2 vectorises, as in FastLSTMCell). σ is
 * {@link FloatSigmoid}, tanh is {@link Tanh#tanh}. Past a sequence's end the output is 0 and h is carried (the
 * final state is the output at length − 1).
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
    private final Row row;

    /** One sequence's step, n_neurons wide per array, all at offset 0. */
    private static final class Row {
        final float[] r, u, hPrev, rh, c, h;  // the gates, h(t−1), r ⊙ h(t−1), the candidate, h(t)
        final float[] dh, dzr, dzu, dzc;      // dL/dh(t); dL/d(pre-activation) of r, u and the candidate
        final float[] dRh, dhPrev;            // dL/d(r ⊙ h(t−1)); a part of dL/dh(t−1)
        final float[] br, bu, bc;             // the biases

        Row(int n) {
            r = new float[n]; u = new float[n]; hPrev = new float[n]; rh = new float[n]; c = new float[n];
            h = new float[n];
            dh = new float[n]; dzr = new float[n]; dzu = new float[n]; dzc = new float[n];
            dRh = new float[n]; dhPrev = new float[n];
            br = new float[n]; bu = new float[n]; bc = new float[n];
        }
    }

    FastGRUCell(GRUCell cell, int n_steps, int capacity) {
        super(cell.n_inputs(), cell.n_neurons(), n_steps, capacity);
        this.cell = cell;
        int steps = capacity * n_steps;
        this.ru = new float[steps * 2 * n_neurons];
        this.cand = new float[steps * n_neurons];
        this.rh = new float[steps * n_neurons];
        this.hPrev = new float[steps * n_neurons];
        this.row = new Row(n_neurons);
    }

    @Override
    public Cell cell() {
        return cell;
    }

    @Override
    public void forward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs) {
        checkBatch(m);
        float[] W_ru = cell.W_ru().data;
        float[] W_c = cell.W_c().data;
        int n = n_neurons;
        int ldY = n_steps * n;
        int ldRu = n_steps * 2 * n;
        Row w = row;
        System.arraycopy(cell.b_ru().data, 0, w.br, 0, n);
        System.arraycopy(cell.b_ru().data, n, w.bu, 0, n);
        System.arraycopy(cell.b_c().data, 0, w.bc, 0, n);
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
                System.arraycopy(ru, z, w.r, 0, n);
                System.arraycopy(ru, z + n, w.u, 0, n);
                System.arraycopy(hPrev, y, w.hPrev, 0, n);
                // r = σ(z_r) and r ⊙ h(t−1), then u = σ(z_u): two loops, each small enough for C2 to unroll and so
                // to vectorise (one loop with both σ is not)
                for (int k = 0; k < n; k++) {
                    float r = FloatSigmoid.sigmoid(w.r[k] + w.br[k]);
                    w.r[k] = r;
                    w.rh[k] = r * w.hPrev[k];
                }
                for (int k = 0; k < n; k++) w.u[k] = FloatSigmoid.sigmoid(w.u[k] + w.bu[k]);
                System.arraycopy(w.r, 0, ru, z, n);
                System.arraycopy(w.u, 0, ru, z + n, n);
                System.arraycopy(w.rh, 0, rh, y, n);
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
                System.arraycopy(cand, y, w.c, 0, n);
                System.arraycopy(ru, z + n, w.u, 0, n);
                System.arraycopy(hPrev, y, w.hPrev, 0, n);
                for (int k = 0; k < n; k++) {
                    // c = tanh(... + b_c), h = u ⊙ h(t−1) + (1 − u) ⊙ c
                    float c = Tanh.tanh(w.c[k] + w.bc[k]);
                    w.c[k] = c;
                    w.h[k] = w.u[k] * w.hPrev[k] + (1 - w.u[k]) * c;
                }
                System.arraycopy(w.c, 0, cand, y, n);
                System.arraycopy(w.h, 0, outputs, y, n);
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
        Row w = row;
        for (int t = n_steps - 1; t >= 0; t--) {
            boolean anyRunning = false;
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;
                int z = s * ldRu + t * 2 * n;
                // dz_r comes once d(r⊙h) is known (it stays 0 at t = 0, where h(t−1) = 0, and past the end)
                Arrays.fill(dZru, z, z + n, 0f);
                if (sequence_length != null && t >= sequence_length[lengthOffset + s]) {
                    Arrays.fill(dZc, y, y + n, 0f); // past the end: the output is a constant 0
                    Arrays.fill(dZru, z + n, z + 2 * n, 0f);
                    continue;
                }
                anyRunning = true;
                System.arraycopy(dY, y, w.dh, 0, n);
                System.arraycopy(ru, z + n, w.u, 0, n);
                System.arraycopy(cand, y, w.c, 0, n);
                System.arraycopy(hPrev, y, w.hPrev, 0, n);
                for (int k = 0; k < n; k++) {
                    float dh = w.dh[k], u = w.u[k], c = w.c[k];
                    w.dzc[k] = dh * (1 - u) * (1 - c * c);
                    w.dzu[k] = dh * (w.hPrev[k] - c) * u * (1 - u);
                    w.dhPrev[k] = dh * u;
                }
                System.arraycopy(w.dzc, 0, dZc, y, n);
                System.arraycopy(w.dzu, 0, dZru, z + n, n);
                if (t > 0) addInto(w.dhPrev, dY, y - n, n);
            }
            if (t == 0 || !anyRunning) continue;
            // d(r⊙h) = dz_c·W_chᵀ
            Gemm.gemm(false, true, m, n, n, dZc, t * n, ldY, W_c, offWch, n, 0f, dRh, 0, n);
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;
                int z = s * ldRu + t * 2 * n;
                if (sequence_length != null && t >= sequence_length[lengthOffset + s]) continue;
                System.arraycopy(ru, z, w.r, 0, n);
                System.arraycopy(hPrev, y, w.hPrev, 0, n);
                System.arraycopy(dRh, s * n, w.dRh, 0, n);
                for (int k = 0; k < n; k++) {
                    float r = w.r[k];
                    w.dzr[k] = w.dRh[k] * w.hPrev[k] * r * (1 - r);
                    w.dhPrev[k] = w.dRh[k] * r;
                }
                System.arraycopy(w.dzr, 0, dZru, z, n);
                addInto(w.dhPrev, dY, y - n, n);
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

    /** to[off + k] += row[k] for k < n. */
    private static void addInto(float[] row, float[] to, int off, int n) {
        for (int k = 0; k < n; k++) to[off + k] += row[k];
    }
}
