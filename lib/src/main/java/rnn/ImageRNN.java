package rnn;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import rnn.linalg.Gemm;
import rnn.linalg.Tanh;

/**
 * The seed's {@code ImageRNN}: a {@link RecurrentCell} of n_neurons unrolled by dynamic_rnn over the n_steps
 * rows of each image, its final states fed to a {@link Dense} layer of n_outputs logits,
 * <pre>
 *   logits   = fully_connected(states, n_outputs, activation_fn=None)
 *   loss     = reduce_mean(sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))
 *   accuracy = reduce_mean(cast(in_top_k(logits, y, 1)))
 * </pre>
 * and one Adam step of TF's {@code optimizer.minimize(loss)} in {@link #trainStep}.
 *
 * <p>The forward pass, backpropagation through time and the Adam update run on {@code float[]} buffers
 * that are allocated for the largest batch seen and reused; a batch's rows are shared among the threads of
 * {@link Workers}. Inference goes through the data in chunks of at most {@value #CHUNK} sequences per thread, so
 * 10,000 test images need about 10 MB a thread. An instance is not thread-safe.
 */
public final class ImageRNN {
    /** How many sequences inference unrolls at once. */
    static final int CHUNK = 500;

    private final int n_steps;
    private final int n_inputs;
    private final int n_neurons;
    private final int n_outputs;
    private final RecurrentCell cell;
    private final Dense dense;
    private final FMatrixRMaj dW;
    private final FMatrixRMaj db;
    private final FMatrixRMaj dW_dense;
    private final FMatrixRMaj db_dense;
    /** One per thread sharing a batch ({@link Workers}), each with its own buffers and gradients. */
    private Part[] parts = new Part[0];

    /** The cell is drawn from {@code init} first, then the dense layer, as TF creates the variables. */
    public ImageRNN(int n_steps, int n_inputs, int n_neurons, int n_outputs, Init init) {
        if (n_steps <= 0 || n_inputs <= 0 || n_neurons <= 0 || n_outputs <= 0) {
            throw new IllegalArgumentException("ImageRNN needs positive sizes, got n_steps = " + n_steps + ", n_inputs = "
                    + n_inputs + ", n_neurons = " + n_neurons + ", n_outputs = " + n_outputs);
        }
        this.n_steps = n_steps;
        this.n_inputs = n_inputs;
        this.n_neurons = n_neurons;
        this.n_outputs = n_outputs;
        this.cell = new RecurrentCell(n_inputs, n_neurons, init);
        this.dense = new Dense(n_neurons, n_outputs, init);
        this.dW = new FMatrixRMaj(n_inputs + n_neurons, n_neurons);
        this.db = new FMatrixRMaj(1, n_neurons);
        this.dW_dense = new FMatrixRMaj(n_neurons, n_outputs);
        this.db_dense = new FMatrixRMaj(1, n_outputs);
    }

    public RecurrentCell cell() {
        return cell;
    }

    public Dense dense() {
        return dense;
    }

    public int n_steps() {
        return n_steps;
    }

    public int n_inputs() {
        return n_inputs;
    }

    public int n_neurons() {
        return n_neurons;
    }

    public int n_outputs() {
        return n_outputs;
    }

    /** The trainable parameters, live, in the order of {@link Gradients}: W, b of the cell, W, b of the dense layer. */
    public List<FMatrixRMaj> parameters() {
        return List.of(cell.W(), cell.b(), dense.W(), dense.b());
    }

    /** dynamic_rnn's final states for X (m × n_neurons), every sequence n_steps long. */
    public FMatrixRMaj states(Tensor3 X) {
        return states(X, null);
    }

    /** dynamic_rnn's final states for X with the given lengths (null: all n_steps). */
    public FMatrixRMaj states(Tensor3 X, int[] sequence_length) {
        return inChunks(X, sequence_length, n_neurons, false);
    }

    /** The logits, m × n_outputs. */
    public FMatrixRMaj logits(Tensor3 X) {
        return logits(X, null);
    }

    public FMatrixRMaj logits(Tensor3 X, int[] sequence_length) {
        return inChunks(X, sequence_length, n_outputs, true);
    }

    /** The mean softmax cross-entropy of the batch. */
    public float loss(Tensor3 X, int[] y) {
        checkLabels(X, y);
        return SoftmaxCrossEntropy.loss(logits(X), y);
    }

    /** The fraction of sequences whose label is the top-1 class ({@code in_top_k}, k = 1). */
    public float accuracy(Tensor3 X, int[] y) {
        checkLabels(X, y);
        return Accuracy.accuracy(logits(X), y);
    }

    /** The predicted class of each sequence: the argmax of its logits. */
    public int[] predict(Tensor3 X) {
        return Accuracy.argmax(logits(X));
    }

    /** The loss and its gradient with respect to every parameter, the model unchanged. */
    public Gradients gradients(Tensor3 X, int[] y) {
        return gradients(X, y, null);
    }

    public Gradients gradients(Tensor3 X, int[] y, int[] sequence_length) {
        float loss = forwardBackward(X, y, sequence_length);
        return new Gradients(dW.copy(), db.copy(), dW_dense.copy(), db_dense.copy(), loss);
    }

    /**
     * TF's {@code sess.run([training_op, loss], feed_dict={X: X_batch, y: y_batch})}: forward, backpropagation
     * through time, one Adam update of W, b, W_dense, b_dense; returns the batch cost of that forward pass
     * (computed before the update).
     *
     * @throws ArithmeticException if the cost is NaN or infinite; the parameters are then left unchanged
     */
    public float trainStep(Tensor3 X, int[] y, Adam optimizer) {
        float cost = forwardBackward(X, y, null);
        if (!Float.isFinite(cost)) {
            throw new ArithmeticException("the batch cost is " + cost + ": training diverged"
                    + " (a smaller learning_rate may help); the parameters were not updated");
        }
        optimizer.step(
                new float[][] {cell.W().data, cell.b().data, dense.W().data, dense.b().data},
                new float[][] {dW.data, db.data, dW_dense.data, db_dense.data},
                new int[] {dW.getNumElements(), db.getNumElements(), dW_dense.getNumElements(), db_dense.getNumElements()});
        return cost;
    }

    /**
     * Forward through time and the dense layer, the loss, then all gradients into dW, db, dW_dense, db_dense.
     * The batch's rows are split into {@link Workers#count()} parts that run side by side; the loss is the sum
     * of the parts' losses over m, and each gradient the sum of the parts' gradients, added in part order.
     */
    private float forwardBackward(Tensor3 X, int[] y, int[] sequence_length) {
        checkInput(X, sequence_length);
        checkLabels(X, y);
        int m = X.dim(0);
        int count = Math.min(Workers.count(), m);
        Part[] ps = partsFor(count, ceilDiv(m, count));
        Workers.run(count, p -> ps[p].forwardBackward(X.data(), m, m * p / count, m * (p + 1) / count, y, sequence_length));
        double lossSum = 0;
        for (int p = 0; p < count; p++) {
            lossSum += ps[p].lossSum;
            sumInto(dW.data, ps[p].dW, p == 0);
            sumInto(db.data, ps[p].db, p == 0);
            sumInto(dW_dense.data, ps[p].dW_dense, p == 0);
            sumInto(db_dense.data, ps[p].db_dense, p == 0);
        }
        return (float) (lossSum / m);
    }

    private static void sumInto(float[] total, float[] part, boolean first) {
        if (first) {
            System.arraycopy(part, 0, total, 0, total.length);
        } else {
            for (int i = 0; i < total.length; i++) total[i] += part[i];
        }
    }

    /** States (or logits) of X, at most CHUNK sequences at a time per thread, the chunks shared among the threads. */
    private FMatrixRMaj inChunks(Tensor3 X, int[] sequence_length, int width, boolean logits) {
        checkInput(X, sequence_length);
        int total = X.dim(0);
        FMatrixRMaj result = new FMatrixRMaj(total, width);
        if (total == 0) return result;
        int count = Math.min(Workers.count(), total);
        int chunk = Math.min(CHUNK, ceilDiv(total, count));
        int chunks = ceilDiv(total, chunk);
        Part[] ps = partsFor(count, chunk);
        Workers.run(count, p -> {
            Buffers buf = ps[p].buffers;
            for (int c = p; c < chunks; c += count) {
                int start = c * chunk;
                int m = Math.min(chunk, total - start);
                unroll(X.data(), start * n_steps * n_inputs, m, sequence_length, start, buf);
                if (logits) {
                    dense.forward(buf.states, 0, m, buf.logits);
                    System.arraycopy(buf.logits, 0, result.data, start * width, m * width);
                } else {
                    System.arraycopy(buf.states, 0, result.data, start * width, m * width);
                }
            }
        });
        return result;
    }

    /**
     * dynamic_rnn from the zero state over m sequences of X starting at {@code offX}: buf.outputs receives the
     * outputs ([m, n_steps, n_neurons], 0 past each length) and buf.states the final states (the output at
     * step length−1, or 0 for length 0). Lengths are read from {@code sequence_length[lengthOffset + i]}.
     */
    private void unroll(float[] X, int offX, int m, int[] sequence_length, int lengthOffset, Buffers buf) {
        float[] W = cell.W().data;
        float[] b = cell.b().data;
        float[] outputs = buf.outputs;
        int n = n_neurons;
        int ldY = n_steps * n;
        // X(t)·Wx for every step at once: X is m·n_steps rows of n_inputs, outputs m·n_steps rows of n
        Gemm.gemm(false, false, m * n_steps, n, n_inputs, X, offX, n_inputs, W, 0, n, 0f, outputs, 0, n);
        for (int t = 0; t < n_steps; t++) {
            // + Y(t−1)·Wy; for a sequence still running at t, Y(t−1) is its output at t−1 (Y(−1) = 0)
            if (t > 0) {
                Gemm.gemm(false, false, m, n, n, outputs, (t - 1) * n, ldY, W, n_inputs * n, n, 1f, outputs, t * n, ldY);
            }
            for (int i = 0; i < m; i++) {
                int row = i * ldY + t * n;
                if (sequence_length == null || t < sequence_length[lengthOffset + i]) {
                    Tanh.biasTanh(outputs, row, b, n); // Y(t) = tanh(X(t)·Wx + Y(t−1)·Wy + b)
                } else {
                    Arrays.fill(outputs, row, row + n, 0f); // 0 past the sequence's length
                }
            }
        }
        for (int i = 0; i < m; i++) {
            int length = sequence_length == null ? n_steps : sequence_length[lengthOffset + i];
            if (length == 0) {
                Arrays.fill(buf.states, i * n, (i + 1) * n, 0f);
            } else {
                System.arraycopy(outputs, i * ldY + (length - 1) * n, buf.states, i * n, n);
            }
        }
    }

    /** {@code count} parts, each with room for {@code rows} sequences. */
    private Part[] partsFor(int count, int rows) {
        if (parts.length < count) parts = Arrays.copyOf(parts, count);
        for (int p = 0; p < count; p++) {
            if (parts[p] == null || parts[p].buffers.capacity < rows) parts[p] = new Part(rows);
        }
        return parts;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private void checkInput(Tensor3 X, int[] sequence_length) {
        cell.checkInput(X, n_steps, "ImageRNN");
        DynamicRNN.checkLengths(sequence_length, X.dim(0), n_steps);
    }

    private void checkLabels(Tensor3 X, int[] y) {
        SoftmaxCrossEntropy.checkLabels(y, X.dim(0), n_outputs);
    }

    /** What one thread computes for its rows of a batch: their loss sum and their share of every gradient. */
    private final class Part {
        final Buffers buffers;
        final float[] dW = new float[(n_inputs + n_neurons) * n_neurons];
        final float[] db = new float[n_neurons];
        final float[] dW_dense = new float[n_neurons * n_outputs];
        final float[] db_dense = new float[n_outputs];
        double lossSum;

        Part(int capacity) {
            buffers = new Buffers(capacity);
        }

        /** Rows [from, to) of a batch of m: forward, loss, and the gradients of the batch's mean loss. */
        void forwardBackward(float[] X, int m, int from, int to, int[] y, int[] sequence_length) {
            int rows = to - from;
            int offX = from * n_steps * n_inputs;
            Buffers buf = buffers;
            unroll(X, offX, rows, sequence_length, from, buf);
            dense.forward(buf.states, 0, rows, buf.logits);
            lossSum = SoftmaxCrossEntropy.lossSumAndGradient(buf.logits, rows, n_outputs, y, from, m, buf.dLogits);
            // dL/dstates = dLogits·W_denseᵀ, with dW_dense = statesᵀ·dLogits and db_dense = Σ rows dLogits
            dense.backward(buf.states, rows, buf.dLogits, dW_dense, db_dense, buf.dStates);
            Arrays.fill(dW, 0f);
            Arrays.fill(db, 0f);
            buf.bptt.backward(rows, n_steps, X, offX, buf.outputs, sequence_length, from, cell.W().data,
                    buf.dStates, dW, db);
        }
    }

    /** The per-batch work arrays of the forward and backward passes, for up to {@code capacity} sequences. */
    private final class Buffers {
        final int capacity;
        final float[] outputs;
        final float[] states;
        final float[] logits;
        final float[] dLogits;
        final float[] dStates;
        final Bptt bptt;

        Buffers(int capacity) {
            this.capacity = capacity;
            this.outputs = new float[capacity * n_steps * n_neurons];
            this.states = new float[capacity * n_neurons];
            this.logits = new float[capacity * n_outputs];
            this.dLogits = new float[capacity * n_outputs];
            this.dStates = new float[capacity * n_neurons];
            this.bptt = new Bptt(capacity, n_inputs, n_neurons);
        }
    }
}
