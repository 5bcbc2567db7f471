package rnn.fast;

import java.util.Arrays;

import rnn.Cell;
import rnn.LSTMCell;
import rnn.linalg.Gemm;
import rnn.linalg.Tanh;

/**
 * {@link LSTMCell}'s equations (gates i, j, f, o; forget bias 1.0; peepholes when the cell has them) on the training
 * loop's buffers: the unroll through time ({@link #forward}) and backpropagation through time ({@link #backward}).
 *
 * <p>For speed, the products are few and large. The unroll: the input projection X(t)·Wx of all steps and all four
 * gates is one product (m·n_steps × n_inputs by n_inputs × 4·n_neurons), then each step adds h(t−1)·Wh for the four
 * gates in one product (m × n_neurons by n_neurons × 4·n_neurons). BPTT: one product per step,
 * dh(t−1) += dZ(t)·Whᵀ, the rest over all steps at once (dWh, dWx, db, dX). Neither pass allocates: the gates after
 * their activations, c(t) and tanh(c(t)) of every step live in arrays sized at construction, the arrays of BPTT
 * alone (dZ, and h(t−1) beside each step) are sized at its first call, so that buffers used only for inference
 * stay smaller. The element-wise work of a sequence's step runs on work rows at offset 0, one per gate
 * ({@link Row}), so that every array in its loop is indexed alike, the form in which C2 vectorises a loop (as in
 * {@link Tanh#biasTanh}); the copies in and out are System.arraycopy. σ is {@link FloatSigmoid} (½ + ½·tanh(z/2)
 * from the vectorisable {@link Tanh#tanh}), tanh is {@link Tanh#tanh}.
 *
 * <p>Past a sequence's end (t ≥ sequence_length) the output is 0 and c and h are carried, as dynamic_rnn does.
 * The model's head reads only the outputs and h (the final state's output part), never the final c, so the
 * gradient at a sequence's final c is 0: BPTT starts each sequence's walk at its last step with dc = 0 and the
 * gradient of h given in dOutputs (the final state's gradient already added there).
 */
final class FastLSTMCell extends AbstractFastCell {
    private final LSTMCell cell;
    private final boolean peepholes;
    /** Every step's gates: pre-activations during the unroll, then i, j, f, o; [capacity, n_steps, 4·n_neurons]. */
    private final float[] gates;
    /** c(t) of every step (carried past a sequence's end), [capacity, n_steps, n_neurons]. */
    private final float[] c;
    /** tanh(c(t)) of every step, laid out like c. */
    private final float[] tanhC;
    // the arrays only BPTT needs, allocated at its first call, so that buffers used only for inference are smaller
    /** dL/d[z_i z_j z_f z_o] of every step, laid out like gates (0 past a sequence's end). */
    private float[] dZ;
    /** h(t−1) of every step (0 at t = 0), laid out like c. */
    private float[] hPrev;
    /** dL/dc(t) flowing back from step t + 1 to t, [capacity, n_neurons]. */
    private float[] dcNext;
    private final Row row;

    /** One sequence's step, n_neurons wide per array, all at offset 0. */
    private static final class Row {
        final float[] i, j, f, o;          // the gates: pre-activations, then activations
        final float[] cPrev, c, tanhC, h;  // c(t−1), c(t), tanh(c(t)), h(t)
        final float[] dh, dc;              // dL/dh(t); dL/dc(t), then dL/dc(t−1)
        final float[] dzi, dzj, dzf, dzo;  // dL/d(pre-activation) of each gate
        final float[] bi, bj, bf, bo;      // the bias of each gate, bf with the forget bias added
        final float[] zero;                // the peephole weights of a cell without peepholes

        Row(int n) {
            i = new float[n]; j = new float[n]; f = new float[n]; o = new float[n];
            cPrev = new float[n]; c = new float[n]; tanhC = new float[n]; h = new float[n];
            dh = new float[n]; dc = new float[n];
            dzi = new float[n]; dzj = new float[n]; dzf = new float[n]; dzo = new float[n];
            bi = new float[n]; bj = new float[n]; bf = new float[n]; bo = new float[n];
            zero = new float[n];
        }
    }

    FastLSTMCell(LSTMCell cell, int n_steps, int capacity) {
        super(cell.n_inputs(), cell.n_neurons(), n_steps, capacity);
        this.cell = cell;
        this.peepholes = cell.usePeepholes();
        int steps = capacity * n_steps;
        this.gates = new float[steps * 4 * n_neurons];
        this.c = new float[steps * n_neurons];
        this.tanhC = new float[steps * n_neurons];
        this.row = new Row(n_neurons);
    }

    @Override
    public Cell cell() {
        return cell;
    }

    @Override
    public void forward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs) {
        checkBatch(m);
        float[] W = cell.W().data;
        int n = n_neurons;
        int G = 4 * n;
        int ldY = n_steps * n;
        int ldG = n_steps * G;
        Row r = row;
        splitBias(r);
        float[] w_i = peepholes ? cell.w_i().data : r.zero;
        float[] w_f = peepholes ? cell.w_f().data : r.zero;
        float[] w_o = peepholes ? cell.w_o().data : r.zero;
        // [z_i z_j z_f z_o] = X(t)·Wx for every step at once
        AllSteps.inputProjection(m * n_steps, n_inputs, G, X, offX, W, gates);
        for (int t = 0; t < n_steps; t++) {
            if (t > 0) {
                // + h(t−1)·Wh, the four gates in one product; a running sequence's h(t−1) is its output at t−1
                Gemm.gemm(false, false, m, G, n, outputs, (t - 1) * n, ldY, W, n_inputs * G, G, 1f, gates, t * G, ldG);
            }
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;     // h(t), c(t), tanh(c(t)) of sequence s
                int z = s * ldG + t * G;     // its gates
                if (sequence_length != null && t >= sequence_length[lengthOffset + s]) {
                    // past the end: the output is 0, c is carried (h too: it is the output at length − 1)
                    Arrays.fill(outputs, y, y + n, 0f);
                    if (t > 0) System.arraycopy(c, y - n, c, y, n);
                    else Arrays.fill(c, y, y + n, 0f);
                    continue;
                }
                copyGatesOut(gates, z, r.i, r.j, r.f, r.o, n);
                if (t > 0) System.arraycopy(c, y - n, r.cPrev, 0, n);
                else Arrays.fill(r.cPrev, 0f);
                // one loop per activation: a loop body with all five would be too large for C2 to unroll, and C2
                // vectorises only the loops it unrolls (the same float operations either way)
                gate(r.i, r.bi, w_i, r.cPrev, n);                      // i = σ(z_i + b_i + w_i ⊙ c(t−1))
                for (int k = 0; k < n; k++) r.j[k] = Tanh.tanh(r.j[k] + r.bj[k]); // j = tanh(z_j + b_j)
                gate(r.f, r.bf, w_f, r.cPrev, n);                      // f = σ(z_f + b_f + forget_bias + w_f ⊙ c(t−1))
                for (int k = 0; k < n; k++) r.c[k] = r.f[k] * r.cPrev[k] + r.i[k] * r.j[k]; // c = f ⊙ c(t−1) + i ⊙ j
                for (int k = 0; k < n; k++) r.tanhC[k] = Tanh.tanh(r.c[k]);
                gate(r.o, r.bo, w_o, r.c, n);                          // o = σ(z_o + b_o + w_o ⊙ c)
                for (int k = 0; k < n; k++) r.h[k] = r.o[k] * r.tanhC[k]; // h = o ⊙ tanh(c)
                copyGatesIn(r.i, r.j, r.f, r.o, gates, z, n);
                System.arraycopy(r.c, 0, c, y, n);
                System.arraycopy(r.tanhC, 0, tanhC, y, n);
                System.arraycopy(r.h, 0, outputs, y, n);
            }
        }
    }

    /** {@code z[k] = σ(z[k] + b[k] + w[k]·c[k])} for k < n: a gate's activation in place (w = 0 without peepholes). */
    private static void gate(float[] z, float[] b, float[] w, float[] c, int n) {
        for (int k = 0; k < n; k++) z[k] = FloatSigmoid.sigmoid(z[k] + b[k] + w[k] * c[k]);
    }

    /** The bias b = [b_i b_j b_f b_o] split into the work rows, the forget bias added to b_f. */
    private void splitBias(Row r) {
        float[] b = cell.b().data;
        int n = n_neurons;
        System.arraycopy(b, 0, r.bi, 0, n);
        System.arraycopy(b, n, r.bj, 0, n);
        System.arraycopy(b, 2 * n, r.bf, 0, n);
        System.arraycopy(b, 3 * n, r.bo, 0, n);
        for (int k = 0; k < n; k++) r.bf[k] += LSTMCell.FORGET_BIAS;
    }

    /** The four gates of one sequence's step, [i j f o] from {@code from[z …]}, into four rows. */
    private static void copyGatesOut(float[] from, int z, float[] i, float[] j, float[] f, float[] o, int n) {
        System.arraycopy(from, z, i, 0, n);
        System.arraycopy(from, z + n, j, 0, n);
        System.arraycopy(from, z + 2 * n, f, 0, n);
        System.arraycopy(from, z + 3 * n, o, 0, n);
    }

    /** Four rows back into one sequence's step, [i j f o] at {@code to[z …]}. */
    private static void copyGatesIn(float[] i, float[] j, float[] f, float[] o, float[] to, int z, int n) {
        System.arraycopy(i, 0, to, z, n);
        System.arraycopy(j, 0, to, z + n, n);
        System.arraycopy(f, 0, to, z + 2 * n, n);
        System.arraycopy(o, 0, to, z + 3 * n, n);
    }

    /**
     * Walking t = n_steps−1 … 0 with dh(t) = dOutputs (to which each step adds what flows back from t+1) and dc(t)
     * carried in {@link #dcNext} (0 at each sequence's last step, see the class comment):
     * <pre>
     *   dz_o  = dh ⊙ tanh(c) ⊙ o(1−o)
     *   dc   += dh ⊙ o ⊙ (1 − tanh²(c)) + dz_o ⊙ w_o
     *   dz_i  = dc ⊙ j ⊙ i(1−i),   dz_j = dc ⊙ i ⊙ (1 − j²),   dz_f = dc ⊙ c(t−1) ⊙ f(1−f)
     *   dc(t−1) = dc ⊙ f + dz_i ⊙ w_i + dz_f ⊙ w_f
     *   dw_i += Σ dz_i ⊙ c(t−1),   dw_f += Σ dz_f ⊙ c(t−1),   dw_o += Σ dz_o ⊙ c(t)
     *   dh(t−1) += dZ(t)·Whᵀ                                     (dZ = [dz_i dz_j dz_f dz_o], one product)
     * </pre>
     * then over all steps at once dWh += Σt h(t−1)ᵀ·dZ(t), dWx += Xᵀ·dZ, db += Σ dZ, dX += dZ·Wxᵀ. The peephole
     * terms only with peepholes; dZ = 0 past a sequence's end. grads from firstGrad: dW, db, then dw_f, dw_i, dw_o.
     */
    @Override
    public void backward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs,
                         float[] dOutputs, float[] dX, int offDX, float[][] grads, int firstGrad) {
        checkBatch(m);
        float[] W = cell.W().data;
        Row r = row;
        float[] w_i = peepholes ? cell.w_i().data : r.zero;
        float[] w_f = peepholes ? cell.w_f().data : r.zero;
        float[] w_o = peepholes ? cell.w_o().data : r.zero;
        float[] dW = grads[firstGrad];
        float[] db = grads[firstGrad + 1];
        float[] dY = dOutputs;
        int n = n_neurons;
        int G = 4 * n;
        int ldY = n_steps * n;
        int ldG = n_steps * G;
        int offWh = n_inputs * G;
        if (dZ == null) {
            dZ = new float[capacity * n_steps * G];
            hPrev = new float[capacity * n_steps * n];
            dcNext = new float[capacity * n];
        }
        previousOutputs(outputs, m, hPrev);
        Arrays.fill(dcNext, 0, m * n, 0f);
        for (int t = n_steps - 1; t >= 0; t--) {
            boolean anyRunning = false;
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;
                int z = s * ldG + t * G;
                if (sequence_length != null && t >= sequence_length[lengthOffset + s]) {
                    Arrays.fill(dZ, z, z + G, 0f); // past the end: the output is a constant 0, c and h carried
                    continue;
                }
                anyRunning = true;
                copyGatesOut(gates, z, r.i, r.j, r.f, r.o, n);
                System.arraycopy(tanhC, y, r.tanhC, 0, n);
                System.arraycopy(c, y, r.c, 0, n);
                if (t > 0) System.arraycopy(c, y - n, r.cPrev, 0, n);
                else Arrays.fill(r.cPrev, 0f);
                System.arraycopy(dY, y, r.dh, 0, n);
                System.arraycopy(dcNext, s * n, r.dc, 0, n);
                // three small loops rather than one large one, so that C2 unrolls and vectorises each
                for (int k = 0; k < n; k++) {
                    float o = r.o[k], tc = r.tanhC[k], dh = r.dh[k];
                    float dzo = dh * tc * o * (1 - o);
                    r.dzo[k] = dzo;
                    r.dc[k] = r.dc[k] + dh * o * (1 - tc * tc) + dzo * w_o[k];
                }
                for (int k = 0; k < n; k++) {
                    float i = r.i[k], j = r.j[k], f = r.f[k], dc = r.dc[k];
                    r.dzi[k] = dc * j * i * (1 - i);
                    r.dzj[k] = dc * i * (1 - j * j);
                    r.dzf[k] = dc * r.cPrev[k] * f * (1 - f);
                }
                for (int k = 0; k < n; k++) r.dc[k] = r.dc[k] * r.f[k] + r.dzi[k] * w_i[k] + r.dzf[k] * w_f[k]; // dL/dc(t−1)
                if (peepholes) addPeepholeGradients(r, grads, firstGrad);
                copyGatesIn(r.dzi, r.dzj, r.dzf, r.dzo, dZ, z, n);
                System.arraycopy(r.dc, 0, dcNext, s * n, n);
            }
            if (t > 0 && anyRunning) {
                // dh(t−1) += dZ(t)·Whᵀ
                Gemm.gemm(false, true, m, n, G, dZ, t * G, ldG, W, offWh, G, 1f, dY, (t - 1) * n, ldY);
            }
        }
        // dWh += Σt h(t−1)ᵀ·dZ(t), all steps in one product (rows with dZ ≠ 0 were running, h(t−1) their output)
        Gemm.gemm(true, false, n, G, m * n_steps, hPrev, 0, n, dZ, 0, G, 1f, dW, offWh, G);
        AllSteps.inputGradients(m * n_steps, n_inputs, G, X, offX, W, dZ, ones, dW, db, dX, offDX);
    }

    /** dw_f += dz_f ⊙ c(t−1), dw_i += dz_i ⊙ c(t−1), dw_o += dz_o ⊙ c(t) for one sequence's step. */
    private void addPeepholeGradients(Row r, float[][] grads, int firstGrad) {
        float[] dw_f = grads[firstGrad + 2];
        float[] dw_i = grads[firstGrad + 3];
        float[] dw_o = grads[firstGrad + 4];
        for (int k = 0; k < n_neurons; k++) {
            dw_f[k] += r.dzf[k] * r.cPrev[k];
            dw_i[k] += r.dzi[k] * r.cPrev[k];
            dw_o[k] += r.dzo[k] * r.c[k];
        }
    }

    /**
     * dynamic_rnn's final c of each of the last forward's m sequences into {@code to[s·n_neurons …]}: c at the last
     * step, where it has been carried since the sequence's end (0 for a sequence of length 0).
     */
    void finalCellStates(int m, float[] to) {
        int n = n_neurons;
        for (int s = 0; s < m; s++) System.arraycopy(c, (s * n_steps + n_steps - 1) * n, to, s * n, n);
    }
}
