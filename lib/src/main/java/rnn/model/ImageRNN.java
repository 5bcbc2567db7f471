package rnn.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.FMatrixRMaj;

import rnn.Accuracy;
import rnn.Activation;
import rnn.Adam;
import rnn.Cell;
import rnn.Dense;
import rnn.Finite;
import rnn.Init;
import rnn.MultiRNNCell;
import rnn.RecurrentCell;
import rnn.Shapes;
import rnn.SoftmaxCrossEntropy;
import rnn.Tensor3;
import rnn.fast.BatchSplit;
import rnn.fast.Bptt;
import rnn.fast.Buffers;
import rnn.fast.ChunkedInference;
import rnn.fast.Unroll;

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
 * <p>The cell may also be a stack, a {@link MultiRNNCell} (the chapter's multi-layer RNN, {@link #multiLayer}); the
 * dense layer then reads the top layer's final states or every layer's side by side ({@link DenseInput}).
 *
 * <p>The computation runs on the fast path ({@code rnn.fast}): each thread of {@link BatchSplit} takes a part of
 * the batch's rows on its own {@link Buffers}, and the parts' gradients are added in part order; inference goes
 * through the data in chunks ({@link ChunkedInference}). An instance is not thread-safe.
 */
public final class ImageRNN {
    private final int n_steps;
    private final int n_inputs;
    private final int n_outputs;
    /** The cell dynamic_rnn unrolls: one layer, or a MultiRNNCell of {@link #layers}. */
    private final Cell rnnCell;
    /** The layers, bottom first. */
    private final List<Cell> layers;
    private final DenseInput denseInput;
    /** The width of the dense layer's input: the fed layers' n_neurons added up. */
    private final int statesWidth;
    /** Where each layer's final states start in a row of the dense layer's input, or −1 if not fed to it. */
    private final int[] stateColumn;
    private final Dense dense;
    /** The cell's parameters, then the dense layer's: the order of gradients, Adam's moments and {@link Gradients}. */
    private final List<FMatrixRMaj> parameters;
    private final List<String> parameterNames;
    /** dL/dθ of the last batch for each θ of {@link #parameters}, the sum of the parts'. */
    private final List<FMatrixRMaj> gradients = new ArrayList<>();
    private final float[][] parameterData;
    private final float[][] gradientData;
    private final int[] parameterSizes;
    /** One per thread sharing a batch, each with its own buffers and share of the gradients. */
    private Part[] parts = new Part[0];

    /** The seed's model: one tanh layer drawn from {@code init} first, then the dense layer, as TF creates the variables. */
    public ImageRNN(int n_steps, int n_inputs, int n_neurons, int n_outputs, Init init) {
        this(n_steps, new RecurrentCell(checkSizes(n_steps, n_inputs, n_neurons, n_outputs), n_neurons, init),
                n_outputs, DenseInput.TOP_LAYER, init);
    }

    /**
     * dynamic_rnn of {@code cell} (one layer, or a {@link MultiRNNCell}) over the n_steps rows of each image, then a
     * dense layer of n_outputs logits over the final states that {@code denseInput} says, drawn from {@code init}.
     */
    public ImageRNN(int n_steps, Cell cell, int n_outputs, DenseInput denseInput, Init init) {
        if (cell == null || denseInput == null) {
            throw new IllegalArgumentException("ImageRNN needs a cell and a DenseInput but was given cell = " + cell
                    + ", denseInput = " + denseInput);
        }
        checkSizes(n_steps, cell.n_inputs(), cell.n_neurons(), n_outputs);
        this.n_steps = n_steps;
        this.n_inputs = cell.n_inputs();
        this.n_outputs = n_outputs;
        this.rnnCell = cell;
        this.layers = cell instanceof MultiRNNCell stack ? stack.cells() : List.of(cell);
        this.denseInput = denseInput;
        this.stateColumn = new int[layers.size()];
        int width = 0;
        for (int l = 0; l < layers.size(); l++) {
            boolean fed = denseInput == DenseInput.ALL_LAYERS || l == layers.size() - 1;
            stateColumn[l] = fed ? width : -1;
            if (fed) width += layers.get(l).n_neurons();
        }
        this.statesWidth = width;
        this.dense = new Dense(statesWidth, n_outputs, init);
        List<FMatrixRMaj> all = new ArrayList<>(cell.parameters());
        List<String> names = new ArrayList<>(cell.parameterNames());
        all.addAll(List.of(dense.W(), dense.b()));
        names.addAll(List.of("W_dense", "b_dense"));
        this.parameters = List.copyOf(all);
        this.parameterNames = List.copyOf(names);
        int count = parameters.size();
        parameterData = new float[count][];
        gradientData = new float[count][];
        parameterSizes = new int[count];
        for (int p = 0; p < count; p++) {
            FMatrixRMaj theta = parameters.get(p);
            FMatrixRMaj gradient = new FMatrixRMaj(theta.numRows, theta.numCols);
            gradients.add(gradient);
            parameterData[p] = theta.data;
            gradientData[p] = gradient.data;
            parameterSizes[p] = theta.getNumElements();
        }
    }

    /**
     * The chapter's multi-layer RNN: n_layers basic cells of n_neurons with {@code activation}, drawn from
     * {@code init} bottom first (a {@link MultiRNNCell} when n_layers > 1, its parameters named W_0, b_0, W_1, …),
     * then the dense layer over the final states that {@code denseInput} says. One tanh layer is the seed's model.
     */
    public static ImageRNN multiLayer(int n_steps, int n_inputs, int n_layers, int n_neurons, Activation activation,
                                      int n_outputs, DenseInput denseInput, Init init) {
        checkSizes(n_steps, n_inputs, n_neurons, n_outputs);
        if (n_layers < 1) {
            throw new IllegalArgumentException("ImageRNN needs n_layers >= 1 but was given " + n_layers);
        }
        int[] layerSizes = new int[n_layers];
        java.util.Arrays.fill(layerSizes, n_neurons);
        // every layer's W must fit a Java array: say so rather than EJML's error
        MemoryEstimate.forTraining(n_steps, n_inputs, layerSizes, n_outputs, 1, 0, 0, 1).checkArrays("n_neurons");
        Cell cell = n_layers == 1 ? new RecurrentCell(n_inputs, n_neurons, activation, init)
                : MultiRNNCell.basic(n_inputs, n_layers, n_neurons, activation, init);
        return new ImageRNN(n_steps, cell, n_outputs, denseInput, init);
    }

    /** Returns n_inputs, after checking that every size is positive and that one layer's W fits a Java array. */
    private static int checkSizes(int n_steps, int n_inputs, int n_neurons, int n_outputs) {
        if (n_steps <= 0 || n_inputs <= 0 || n_neurons <= 0 || n_outputs <= 0) {
            throw new IllegalArgumentException("ImageRNN needs positive sizes, got n_steps = " + n_steps + ", n_inputs = "
                    + n_inputs + ", n_neurons = " + n_neurons + ", n_outputs = " + n_outputs);
        }
        // W of (n_inputs + n_neurons) × n_neurons entries must fit a Java array: say so rather than EJML's error
        MemoryEstimate.forTraining(n_steps, n_inputs, new int[] {n_neurons}, n_outputs, 1, 0, 0, 1)
                .checkArrays("n_neurons");
        return n_inputs;
    }

    /** The basic cell of a one-layer model (the seed's); a stack has {@link #layers()} instead. */
    public RecurrentCell cell() {
        if (layers.size() == 1 && layers.get(0) instanceof RecurrentCell basic) {
            return basic;
        }
        throw new IllegalStateException("cell() is the one basic cell of a one-layer model, but this model has "
                + layers.size() + " layers of " + layers.stream().map(c -> c.getClass().getSimpleName()).distinct()
                .toList() + "; use layers() or rnnCell()");
    }

    /** The cell dynamic_rnn unrolls: the one layer, or the {@link MultiRNNCell} of the layers. */
    public Cell rnnCell() {
        return rnnCell;
    }

    /** The recurrent layers, bottom first. */
    public List<Cell> layers() {
        return layers;
    }

    public int n_layers() {
        return layers.size();
    }

    /** Which final states the dense layer reads. */
    public DenseInput denseInput() {
        return denseInput;
    }

    /** The width of {@link #states}, the dense layer's input: the fed layers' n_neurons added up. */
    public int statesWidth() {
        return statesWidth;
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

    /** The top layer's n_neurons. */
    public int n_neurons() {
        return rnnCell.n_neurons();
    }

    public int n_outputs() {
        return n_outputs;
    }

    /** The trainable parameters, live: the cell's (each layer's, bottom first), then W_dense and b_dense. */
    public List<FMatrixRMaj> parameters() {
        return parameters;
    }

    /** The names of {@link #parameters()}, in the same order: W, b, W_dense, b_dense (a stack: W_0, b_0, W_1, …). */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The dense layer's input for X, m × {@link #statesWidth()}: dynamic_rnn's final states, every sequence n_steps long. */
    public FMatrixRMaj states(Tensor3 X) {
        return states(X, null);
    }

    /** dynamic_rnn's final states for X with the given lengths (null: all n_steps). */
    public FMatrixRMaj states(Tensor3 X, int[] sequence_length) {
        return inChunks(X, sequence_length, false);
    }

    /** The logits, m × n_outputs. */
    public FMatrixRMaj logits(Tensor3 X) {
        return logits(X, null);
    }

    public FMatrixRMaj logits(Tensor3 X, int[] sequence_length) {
        return inChunks(X, sequence_length, true);
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
        return new Gradients(parameterNames, gradients.stream().map(FMatrixRMaj::copy).toList(), loss);
    }

    /**
     * TF's {@code sess.run([training_op, loss], feed_dict={X: X_batch, y: y_batch})}: forward, backpropagation
     * through time, one Adam update of every parameter; returns the batch cost of that forward pass (computed
     * before the update).
     *
     * @throws ArithmeticException if the cost or a gradient is NaN or infinite; the parameters are then left unchanged
     */
    public float trainStep(Tensor3 X, int[] y, Adam optimizer) {
        float cost = forwardBackward(X, y, null);
        if (!Float.isFinite(cost)) {
            throw new ArithmeticException("the batch cost is " + cost + ": training diverged;"
                    + " the parameters were not updated");
        }
        optimizer.step(parameterData, gradientData, parameterSizes, parameterNames);
        return cost;
    }

    /**
     * Forward through time and the dense layer, the loss, then every gradient into {@link #gradients}. The batch's
     * rows are split into {@link BatchSplit#count()} parts that run side by side; the loss is the sum of the parts'
     * losses over m, and each gradient the sum of the parts' gradients, added in part order.
     */
    private float forwardBackward(Tensor3 X, int[] y, int[] sequence_length) {
        checkInput(X, sequence_length);
        checkLabels(X, y);
        int m = X.dim(0);
        int count = Math.min(BatchSplit.count(), m);
        Part[] ps = partsFor(count, BatchSplit.largestPart(m, count));
        BatchSplit.run(count, p -> ps[p].forwardBackward(X.data(), m, BatchSplit.from(p, m, count),
                BatchSplit.from(p + 1, m, count), y, sequence_length));
        double lossSum = 0;
        for (int p = 0; p < count; p++) {
            lossSum += ps[p].lossSum;
            for (int g = 0; g < gradientData.length; g++) {
                BatchSplit.sumInto(gradientData[g], ps[p].grads[g], p == 0);
            }
        }
        return (float) (lossSum / m);
    }

    /** States (or logits) of X, chunk by chunk ({@link ChunkedInference}). */
    private FMatrixRMaj inChunks(Tensor3 X, int[] sequence_length, boolean logits) {
        checkInput(X, sequence_length);
        int total = X.dim(0);
        int width = logits ? n_outputs : statesWidth;
        FMatrixRMaj result = new FMatrixRMaj(total, width);
        if (total == 0) return result;
        Part[] ps = partsFor(ChunkedInference.threads(total), ChunkedInference.chunkSize(total));
        ChunkedInference.run(total, (p, start, m) -> {
            Part part = ps[p];
            part.forward(X.data(), start, m, sequence_length);
            float[] rows = logits ? part.logits : part.states;
            System.arraycopy(rows, 0, result.data, start * width, m * width);
        });
        return result;
    }

    /** {@code count} parts, each with room for {@code rows} sequences. */
    private Part[] partsFor(int count, int rows) {
        if (parts.length < count) parts = Arrays.copyOf(parts, count);
        for (int p = 0; p < count; p++) {
            if (parts[p] == null || parts[p].buffers.capacity < rows) parts[p] = new Part(rows);
        }
        return parts;
    }

    private void checkInput(Tensor3 X, int[] sequence_length) {
        Shapes.checkInput(X, n_steps, n_inputs, "ImageRNN");
        Shapes.checkLengths(sequence_length, X.dim(0), n_steps);
        Finite.checkInput(X, "ImageRNN");
    }

    private void checkLabels(Tensor3 X, int[] y) {
        SoftmaxCrossEntropy.checkLabels(y, X.dim(0), n_outputs);
    }

    /** What one thread computes for its rows of a batch: the forward pass, the loss sum and its share of every gradient. */
    private final class Part {
        final Buffers buffers;
        final float[] states;
        final float[] logits;
        final float[] dLogits;
        final float[] dStates;
        /** This part's share of each gradient, in the order of {@link #parameters}. */
        final float[][] grads = new float[parameters.size()][];
        double lossSum;

        Part(int capacity) {
            buffers = new Buffers(layers, n_steps, capacity);
            states = new float[capacity * statesWidth];
            logits = new float[capacity * n_outputs];
            dLogits = new float[capacity * n_outputs];
            dStates = new float[capacity * statesWidth];
            for (int g = 0; g < grads.length; g++) grads[g] = new float[parameterSizes[g]];
        }

        /** The final states (of the fed layers, side by side) and logits of rows [from, from + m) of X. */
        void forward(float[] X, int from, int m, int[] sequence_length) {
            Unroll.forward(buffers, X, from * n_steps * n_inputs, m, sequence_length, from);
            for (int l = 0; l < layers.size(); l++) {
                if (stateColumn[l] < 0) continue;
                Unroll.finalStates(buffers, l, m, sequence_length, from, states, statesWidth, stateColumn[l]);
            }
            dense.forward(states, 0, m, logits);
        }

        /** Rows [from, to) of a batch of m: forward, loss, and the gradients of the batch's mean loss. */
        void forwardBackward(float[] X, int m, int from, int to, int[] y, int[] sequence_length) {
            int rows = to - from;
            forward(X, from, rows, sequence_length);
            lossSum = SoftmaxCrossEntropy.lossSumAndGradient(logits, rows, n_outputs, y, from, m, dLogits);
            int dense_W = grads.length - 2;
            // dL/dstates = dLogits·W_denseᵀ, with dW_dense = statesᵀ·dLogits and db_dense = Σ rows dLogits
            dense.backward(states, rows, dLogits, grads[dense_W], grads[dense_W + 1], dStates);
            for (int g = 0; g < dense_W; g++) Arrays.fill(grads[g], 0f);
            Bptt.clear(buffers, rows);
            for (int l = 0; l < layers.size(); l++) {
                if (stateColumn[l] < 0) continue;
                Bptt.addFinalStateGradient(buffers, l, rows, sequence_length, from, dStates, statesWidth, stateColumn[l]);
            }
            Bptt.backward(buffers, X, from * n_steps * n_inputs, rows, sequence_length, from, grads);
        }
    }
}
