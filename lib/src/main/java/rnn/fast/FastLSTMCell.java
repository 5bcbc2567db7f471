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
 * <p>The products are few and large: the input projection X(t)·Wx of all steps and all four gates is one product
 * (m·n_steps × n_inputs by n_inputs × 4·n_neurons), then each step adds h(t−1)·Wh for the four gates in one
 * product (m × n_neurons by n_neurons × 4·n_neurons). The gates after their activations, c(t) and tanh(c(t)) of
 * every step are kept in arrays sized at construction, so neither pass allocates; so is h(t−1) beside each step, so
 * that BPTT's dWh is one product over all steps, leaving one product per step (dh(t−1) += dZ(t)·Whᵀ). σ is {@link FloatSigmoid}
 * (½ + ½·tanh(z/2) from the vectorisable {@link Tanh#tanh}), tanh is {@link Tanh#tanh}.
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
    /** h(t−1) of every step (0 at t = 0), laid out like c. */
    private final float[] hPrev;
    /** tanh(c(t)) of every step, laid out like c. */
    private final float[] tanhC;
    /** dL/d[z_i z_j z_f z_o] of every step, laid out like gates (0 past a sequence's end). */
    private final float[] dZ;
    /** dL/dc(t) flowing back from step t + 1 to t, [capacity, n_neurons]. */
    private final float[] dcNext;

    FastLSTMCell(LSTMCell cell, int n_steps, int capacity) {
        super(cell.n_inputs(), cell.n_neurons(), n_steps, capacity);
        this.cell = cell;
        this.peepholes = cell.usePeepholes();
        int steps = capacity * n_steps;
        this.gates = new float[steps * 4 * n_neurons];
        this.c = new float[steps * n_neurons];
        this.tanhC = new float[steps * n_neurons];
        this.hPrev = new float[steps * n_neurons];
        this.dZ = new float[steps * 4 * n_neurons];
        this.dcNext = new float[capacity * n_neurons];
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
        float[] w_f = peepholes ? cell.w_f().data : null;
        float[] w_i = peepholes ? cell.w_i().data : null;
        float[] w_o = peepholes ? cell.w_o().data : null;
        int n = n_neurons;
        int G = 4 * n;
        int ldY = n_steps * n;
        int ldG = n_steps * G;
        // [z_i z_j z_f z_o] = X(t)·Wx for every step at once
        AllSteps.inputProjection(m * n_steps, n_inputs, G, X, offX, W, gates);
        for (int t = 0; t < n_steps; t++) {
            if (t > 0) {
                // + h(t−1)·Wh, the four gates in one product; a running sequence's h(t−1) is its output at t−1
                Gemm.gemm(false, false, m, G, n, hPrev, t * n, ldY, W, n_inputs * G, G, 1f, gates, t * G, ldG);
            }
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;     // h(t), c(t), tanh(c(t)) of sequence s
                int z = s * ldG + t * G;     // its gates
                boolean running = sequence_length == null || t < sequence_length[lengthOffset + s];
                if (!running) {
                    // past the end: the output is 0, c is carried (h is carried too: it is the output at length − 1)
                    Arrays.fill(outputs, y, y + n, 0f);
                    if (t > 0) System.arraycopy(c, y - n, c, y, n);
                    else Arrays.fill(c, y, y + n, 0f);
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    float cPrev = t > 0 ? c[y - n + k] : 0f;
                    // i = σ(z_i + w_i ⊙ c(t−1)), j = tanh(z_j), f = σ(z_f + forget_bias + w_f ⊙ c(t−1))
                    float i = FloatSigmoid.sigmoid(gates[z + k] + b[k] + (peepholes ? w_i[k] * cPrev : 0f));
                    float j = Tanh.tanh(gates[z + n + k] + b[n + k]);
                    float f = FloatSigmoid.sigmoid(gates[z + 2 * n + k] + b[2 * n + k] + LSTMCell.FORGET_BIAS
                            + (peepholes ? w_f[k] * cPrev : 0f));
                    // c = f ⊙ c(t−1) + i ⊙ j, o = σ(z_o + w_o ⊙ c), h = o ⊙ tanh(c)
                    float cNew = f * cPrev + i * j;
                    float o = FloatSigmoid.sigmoid(gates[z + 3 * n + k] + b[3 * n + k] + (peepholes ? w_o[k] * cNew : 0f));
                    float tc = Tanh.tanh(cNew);
                    gates[z + k] = i;
                    gates[z + n + k] = j;
                    gates[z + 2 * n + k] = f;
                    gates[z + 3 * n + k] = o;
                    c[y + k] = cNew;
                    tanhC[y + k] = tc;
                    outputs[y + k] = o * tc;
                }
            }
            keepAsPrevious(outputs, m, t, hPrev);
        }
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
     * then over all steps at once dWh += Σt h(t−1)ᵀ·dZ(t), dWx += Xᵀ·dZ, db += Σ dZ, dX += dZ·Wxᵀ. The peephole terms only with peepholes;
     * dZ = 0 past a sequence's end. grads from firstGrad: dW, db, then dw_f, dw_i, dw_o.
     */
    @Override
    public void backward(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, float[] outputs,
                         float[] dOutputs, float[] dX, int offDX, float[][] grads, int firstGrad) {
        checkBatch(m);
        float[] W = cell.W().data;
        float[] w_f = peepholes ? cell.w_f().data : null;
        float[] w_i = peepholes ? cell.w_i().data : null;
        float[] w_o = peepholes ? cell.w_o().data : null;
        float[] dW = grads[firstGrad];
        float[] db = grads[firstGrad + 1];
        float[] dw_f = peepholes ? grads[firstGrad + 2] : null;
        float[] dw_i = peepholes ? grads[firstGrad + 3] : null;
        float[] dw_o = peepholes ? grads[firstGrad + 4] : null;
        float[] dY = dOutputs;
        int n = n_neurons;
        int G = 4 * n;
        int ldY = n_steps * n;
        int ldG = n_steps * G;
        int offWh = n_inputs * G;
        Arrays.fill(dcNext, 0, m * n, 0f);
        for (int t = n_steps - 1; t >= 0; t--) {
            boolean anyRunning = false;
            for (int s = 0; s < m; s++) {
                int y = s * ldY + t * n;
                int z = s * ldG + t * G;
                int d = s * n;
                if (sequence_length != null && t >= sequence_length[lengthOffset + s]) {
                    Arrays.fill(dZ, z, z + G, 0f); // past the end: the output is a constant 0, c and h carried
                    continue;
                }
                anyRunning = true;
                for (int k = 0; k < n; k++) {
                    float i = gates[z + k], j = gates[z + n + k], f = gates[z + 2 * n + k], o = gates[z + 3 * n + k];
                    float tc = tanhC[y + k];
                    float cPrev = t > 0 ? c[y - n + k] : 0f;
                    float dh = dY[y + k];
                    float dzo = dh * tc * o * (1 - o);
                    float dc = dcNext[d + k] + dh * o * (1 - tc * tc) + (peepholes ? dzo * w_o[k] : 0f);
                    float dzi = dc * j * i * (1 - i);
                    float dzj = dc * i * (1 - j * j);
                    float dzf = dc * cPrev * f * (1 - f);
                    dZ[z + k] = dzi;
                    dZ[z + n + k] = dzj;
                    dZ[z + 2 * n + k] = dzf;
                    dZ[z + 3 * n + k] = dzo;
                    dcNext[d + k] = dc * f + (peepholes ? dzi * w_i[k] + dzf * w_f[k] : 0f);
                    if (peepholes) {
                        dw_i[k] += dzi * cPrev;
                        dw_f[k] += dzf * cPrev;
                        dw_o[k] += dzo * c[y + k];
                    }
                }
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

    /**
     * dynamic_rnn's final c of each of the last forward's m sequences into {@code to[s·n_neurons …]}: c at the last
     * step, where it has been carried since the sequence's end (0 for a sequence of length 0).
     */
    void finalCellStates(int m, float[] to) {
        int n = n_neurons;
        for (int s = 0; s < m; s++) System.arraycopy(c, (s * n_steps + n_steps - 1) * n, to, s * n, n);
    }
}
