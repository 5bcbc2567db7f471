package rnn.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ejml.data.FMatrixRMaj;

import rnn.fast.BatchSplit;
import rnn.fast.ChunkedInference;

/**
 * The Java heap a training run of {@link ImageRNN} or {@link TimeSeriesRNN} needs, counted from the arrays it
 * allocates, so that a run too large for the heap is refused before it starts, saying what it needs and how to get
 * it, instead of ending in an OutOfMemoryError after minutes (or in EJML's "Matrix size exceeds the size of an
 * integer").
 *
 * <p>In float32 entries of 4 bytes, with P the number of parameters, T the threads of {@link BatchSplit} and C the
 * sequences one thread's buffers hold (the larger of a batch's largest part and a chunk of
 * {@link ChunkedInference} over the test set; a thread keeps the larger buffers once it has made them):
 * <pre>
 *   parameters   P · (4 + T)      θ, dL/dθ, Adam's m and v, and each thread's share of dL/dθ
 *   buffers      T · C · (Σ_l (n_steps · perStep_l + perSequence_l) + head)
 *                  per recurrent layer l, what its kind of cell keeps ({@link CellType}: 3·n_l + 1 floats a step
 *                  for a basic cell, 13·n_l + 1 for an LSTM, 10·n_l + 1 for a GRU); then the head: for ImageRNN
 *                  the dense layer's input (the fed final states) and its gradient, the logits and theirs; for
 *                  TimeSeriesRNN every step's outputs and their gradient
 *   data         the data sets held, the copy of the test images the trainer evaluates, one mini-batch
 * </pre>
 * plus {@link #OVERHEAD} for the rest of the program (classes, JIT, Tablesaw, the history).
 */
public final class MemoryEstimate {
    /** What the program takes besides the arrays counted here. */
    public static final long OVERHEAD = 64L << 20;
    private static final long GiB = 1L << 30;
    private static final long MiB = 1L << 20;

    /** A recurrent layer to be built: its kind of cell and its n_neurons. */
    public record Layer(CellType kind, int n_neurons) {
        public Layer {
            if (kind == null || n_neurons < 1) {
                throw new IllegalArgumentException("a layer needs a kind of cell and n_neurons >= 1, got " + kind
                        + " and " + n_neurons);
            }
        }

        /** Basic cells of {@code n_neurons[l]} in layer l, bottom first (the seed's model: one of 150). */
        public static List<Layer> basic(int... n_neurons) {
            return Arrays.stream(n_neurons).mapToObj(n -> new Layer(CellType.BASIC, n)).toList();
        }
    }

    private final long parameters;
    private final int threads;
    private final int capacity;
    private final long parameterBytes;
    private final long bufferBytes;
    private final long dataBytes;
    /** The largest single array, in entries, and what it is (for the 2³¹ − 1 limit of a Java array). */
    private final long largestArray;
    private final String largestArrayName;

    private MemoryEstimate(long parameters, int threads, int capacity, long parameterBytes, long bufferBytes,
                           long dataBytes, long largestArray, String largestArrayName) {
        this.parameters = parameters;
        this.threads = threads;
        this.capacity = capacity;
        this.parameterBytes = parameterBytes;
        this.bufferBytes = bufferBytes;
        this.dataBytes = dataBytes;
        this.largestArray = largestArray;
        this.largestArrayName = largestArrayName;
    }

    /** The estimate for {@code model} as it is built: each of its layers, its dense layer, its parameters. */
    public static MemoryEstimate forTraining(ImageRNN model, int batch_size, int test_size, long data_floats) {
        List<Layer> layers = model.layers().stream().map(c -> new Layer(CellType.of(c), c.n_neurons())).toList();
        return imageRNN(model.n_steps(), model.n_inputs(), layers, model.statesWidth(), model.n_outputs(),
                batch_size, test_size, data_floats, BatchSplit.count(), count(model.parameters()));
    }

    /** The estimate for basic layers of {@code n_neurons[l]} not built yet, on the threads of {@link BatchSplit}. */
    public static MemoryEstimate forTraining(int n_steps, int n_inputs, int[] n_neurons, int n_outputs, int batch_size,
                                             int test_size, long data_floats) {
        return forTraining(n_steps, n_inputs, n_neurons, n_outputs, batch_size, test_size, data_floats,
                BatchSplit.count());
    }

    /**
     * The estimate for a model not built yet: {@code n_neurons[l]} basic neurons in recurrent layer l (bottom first),
     * every layer's final states fed to the dense layer ({@link DenseInput#ALL_LAYERS}), trained on mini-batches of
     * {@code batch_size} and evaluated on {@code test_size} sequences, while the data sets held take
     * {@code data_floats} floats, on {@code threads} threads.
     */
    public static MemoryEstimate forTraining(int n_steps, int n_inputs, int[] n_neurons, int n_outputs, int batch_size,
                                             int test_size, long data_floats, int threads) {
        if (n_neurons.length < 1) throw new IllegalArgumentException("expected at least one layer, got none");
        for (int l = 0; l < n_neurons.length; l++) {
            if (n_neurons[l] < 1) {
                throw new IllegalArgumentException("n_neurons must be >= 1, got " + n_neurons[l] + " in layer " + l);
            }
        }
        return forTraining(n_steps, n_inputs, Layer.basic(n_neurons), DenseInput.ALL_LAYERS, n_outputs, batch_size,
                test_size, data_floats, threads);
    }

    /** The estimate for an ImageRNN of {@code layers} not built yet, on the threads of {@link BatchSplit}. */
    public static MemoryEstimate forTraining(int n_steps, int n_inputs, List<Layer> layers, DenseInput denseInput,
                                             int n_outputs, int batch_size, int test_size, long data_floats) {
        return forTraining(n_steps, n_inputs, layers, denseInput, n_outputs, batch_size, test_size, data_floats,
                BatchSplit.count());
    }

    /** The estimate for an ImageRNN of {@code layers} (bottom first) not built yet, its dense layer fed as said. */
    public static MemoryEstimate forTraining(int n_steps, int n_inputs, List<Layer> layers, DenseInput denseInput,
                                             int n_outputs, int batch_size, int test_size, long data_floats,
                                             int threads) {
        if (layers.isEmpty() || denseInput == null) {
            throw new IllegalArgumentException("expected at least one layer and a DenseInput, got " + layers.size()
                    + " layers and " + denseInput);
        }
        long statesWidth = denseInput == DenseInput.ALL_LAYERS
                ? layers.stream().mapToLong(Layer::n_neurons).sum() : layers.get(layers.size() - 1).n_neurons();
        long parameters = 0;
        int below = n_inputs;
        for (Layer layer : layers) {
            parameters += layer.kind().parameters(below, layer.n_neurons());
            below = layer.n_neurons();
        }
        return imageRNN(n_steps, n_inputs, layers, statesWidth, n_outputs, batch_size, test_size, data_floats,
                threads, parameters + (statesWidth + 1) * n_outputs);
    }

    /**
     * The estimate for the time series' model as built: one layer, an output at every step, trained on batches of
     * {@code batch_size} windows (each batch made afresh, the loss evaluated on it).
     */
    public static MemoryEstimate forTraining(TimeSeriesRNN model, int batch_size) {
        return forTimeSeries(model.n_steps(), model.n_inputs(), model.n_neurons(), model.n_outputs(), batch_size);
    }

    /** The estimate for a {@link TimeSeriesRNN} not built yet, on the threads of {@link BatchSplit}. */
    public static MemoryEstimate forTimeSeries(int n_steps, int n_inputs, int n_neurons, int n_outputs,
                                               int batch_size) {
        return forTimeSeries(n_steps, n_inputs, n_neurons, n_outputs, batch_size, BatchSplit.count());
    }

    /**
     * The estimate for a {@link TimeSeriesRNN} of one basic layer not built yet: buffers for every step's outputs
     * (n_steps·n_outputs a sequence, and their gradient) beside the layer's; the data are one batch of X, y (and the
     * doubles of its n_steps + 1 times) and the outputs of the loss's evaluation.
     */
    public static MemoryEstimate forTimeSeries(int n_steps, int n_inputs, int n_neurons, int n_outputs, int batch_size,
                                               int threads) {
        checkSizes(n_steps, n_inputs, n_outputs, batch_size, 0, 0, threads);
        Layer layer = new Layer(CellType.BASIC, n_neurons);
        Counter counter = new Counter(n_steps, batch_size, 0, threads);
        counter.layers(n_inputs, List.of(layer));
        long W_dense = (long) n_neurons * n_outputs;
        counter.largest.offer(W_dense, "W_dense (" + n_neurons + " × " + n_outputs + ")");
        counter.perSequence += 2L * n_steps * n_outputs;
        long window = (long) n_steps * (n_inputs + 2L * n_outputs) + 2L * (n_steps + 1);
        counter.largest.offer(batch_size * (long) n_steps * n_inputs, "a batch of X (" + batch_size + " × " + n_steps
                + " × " + n_inputs + ")");
        long parameters = CellType.BASIC.parameters(n_inputs, n_neurons) + W_dense + n_outputs;
        return counter.estimate(parameters, batch_size * window);
    }

    private static MemoryEstimate imageRNN(int n_steps, int n_inputs, List<Layer> layers, long statesWidth,
                                           int n_outputs, int batch_size, int test_size, long data_floats, int threads,
                                           long parameters) {
        checkSizes(n_steps, n_inputs, n_outputs, batch_size, test_size, data_floats, threads);
        Counter counter = new Counter(n_steps, batch_size, test_size, threads);
        counter.layers(n_inputs, layers);
        long W_dense = statesWidth * n_outputs;
        counter.largest.offer(W_dense, "W_dense (" + statesWidth + " × " + n_outputs + ")");
        counter.perSequence += 2L * statesWidth + 2L * n_outputs; // states, dStates, logits, dLogits
        long image = (long) n_steps * n_inputs;
        counter.largest.offer(test_size * image, "the test images (" + test_size + " × " + n_steps + " × " + n_inputs
                + ")");
        counter.largest.offer(batch_size * image, "a mini-batch (" + batch_size + " × " + n_steps + " × " + n_inputs
                + ")");
        return counter.estimate(parameters, data_floats + test_size * image + batch_size * image);
    }

    private static void checkSizes(int n_steps, int n_inputs, int n_outputs, int batch_size, int test_size,
                                   long data_floats, int threads) {
        if (n_steps < 1 || n_inputs < 1 || n_outputs < 1 || batch_size < 1 || test_size < 0 || data_floats < 0
                || threads < 1) {
            throw new IllegalArgumentException("expected positive sizes, got n_steps = " + n_steps + ", n_inputs = "
                    + n_inputs + ", n_outputs = " + n_outputs + ", batch_size = " + batch_size + ", test_size = "
                    + test_size + ", data_floats = " + data_floats + ", threads = " + threads);
        }
    }

    private static long count(List<FMatrixRMaj> parameters) {
        return parameters.stream().mapToLong(FMatrixRMaj::getNumElements).sum();
    }

    /** The parameters of the model. */
    public long parameters() {
        return parameters;
    }

    /** Parameters, their gradients (the sum and each thread's share) and Adam's moments, in bytes. */
    public long parameterBytes() {
        return parameterBytes;
    }

    /** The threads' work buffers, in bytes. */
    public long bufferBytes() {
        return bufferBytes;
    }

    /** The data sets, the test images' copy and one mini-batch, in bytes. */
    public long dataBytes() {
        return dataBytes;
    }

    /** Everything, {@link #OVERHEAD} included, in bytes. */
    public long totalBytes() {
        return parameterBytes + bufferBytes + dataBytes + OVERHEAD;
    }

    /** The entries of the largest single array. */
    public long largestArray() {
        return largestArray;
    }

    /** A heap comfortably above {@link #totalBytes()}: a quarter more, rounded up to whole GiB, e.g. "-Xmx4g". */
    public String suggestedHeap() {
        return "-Xmx" + Math.max(1, (totalBytes() + totalBytes() / 4 + GiB - 1) / GiB) + "g";
    }

    /**
     * Refuses a run that cannot fit: an array of more than 2³¹ − 1 entries, which no Java heap holds, or a total
     * above {@code max_heap} (in a program, {@code Runtime.getRuntime().maxMemory()}).
     *
     * @param smaller      the settings that shrink the run, e.g. "--neurons or --batch-size"
     * @param larger_heap  how to get a larger heap, with {@code %s} where {@link #suggestedHeap()} goes, e.g.
     *                     "java %s -jar lib/target/rnn-notebooks.jar train ..."
     * @throws NotEnoughMemoryException saying what is needed, what is available and how to get it
     */
    public void check(long max_heap, String smaller, String larger_heap) {
        checkArrays(smaller);
        if (totalBytes() > max_heap) {
            throw new NotEnoughMemoryException("this training needs about " + bytes(totalBytes())
                    + " of Java heap but this JVM may use at most " + bytes(max_heap) + " (" + describe()
                    + "); start it with a larger heap, e.g. " + String.format(Locale.ROOT, larger_heap, suggestedHeap())
                    + ", or use a smaller " + smaller);
        }
    }

    /**
     * Refuses only an array of more than 2³¹ − 1 entries, which no heap can hold.
     *
     * @param smaller the settings that shrink the arrays, e.g. "n_neurons"
     */
    public void checkArrays(String smaller) {
        if (largestArray > Integer.MAX_VALUE) {
            throw new NotEnoughMemoryException(String.format(Locale.ROOT,
                    "%s would have %,d entries, more than the %,d a Java array can hold; use a smaller %s",
                    largestArrayName, largestArray, Integer.MAX_VALUE, smaller));
        }
    }

    /** What the total is made of. */
    public String describe() {
        return String.format(Locale.ROOT, "%,d parameters with their gradients and Adam's moments %s, "
                        + "work buffers of %d thread%s for %,d sequences %s, data %s, the rest of the program %s",
                parameters, bytes(parameterBytes), threads, threads == 1 ? "" : "s", capacity, bytes(bufferBytes),
                bytes(dataBytes), bytes(OVERHEAD));
    }

    /** "9.6 GiB" from 1 GiB up, "440 MiB" below (rounded up). */
    public static String bytes(long bytes) {
        if (bytes >= GiB) return String.format(Locale.ROOT, "%.1f GiB", (double) bytes / GiB);
        return (bytes + MiB - 1) / MiB + " MiB";
    }

    @Override
    public String toString() {
        return "MemoryEstimate(" + bytes(totalBytes()) + ": " + describe() + ")";
    }

    /** The threads, their capacity and the floats per sequence of their buffers, added up layer by layer. */
    private static final class Counter {
        final int n_steps;
        final int parts;
        final int capacity;
        final Largest largest = new Largest();
        long perSequence;

        Counter(int n_steps, int batch_size, int test_size, int threads) {
            this.n_steps = n_steps;
            int trainingParts = Math.min(threads, batch_size);
            int testParts = Math.min(threads, test_size);
            this.parts = Math.max(trainingParts, testParts);
            this.capacity = Math.max(BatchSplit.largestPart(batch_size, trainingParts), test_size == 0 ? 0
                    : Math.min(ChunkedInference.CHUNK, BatchSplit.largestPart(test_size, testParts)));
        }

        /** Each layer's per-step and per-sequence floats, and its widest arrays. */
        void layers(int n_inputs, List<Layer> layers) {
            int below = n_inputs;
            for (int l = 0; l < layers.size(); l++) {
                CellType kind = layers.get(l).kind();
                int n = layers.get(l).n_neurons();
                String of = layers.size() == 1 ? "" : " of layer " + l;
                largest.offer(kind.largestWeight(below, n), kind.largestWeightName() + of + " ((" + below + " + " + n
                        + ") × " + (kind.widest() == 1 ? "" : kind.widest() + "·") + n + ")");
                largest.offer(kind.largestBuffer(capacity, n_steps, n), kind.largestBufferName() + of + " of "
                        + capacity + " sequences of " + n_steps + " steps × " + (kind.widest() == 1 ? "" :
                        kind.widest() + "·") + n + " neurons");
                perSequence += n_steps * kind.floatsPerStep(n) + kind.floatsPerSequence(n);
                below = n;
            }
        }

        MemoryEstimate estimate(long parameters, long data_floats) {
            return new MemoryEstimate(parameters, parts, capacity, 4 * parameters * (4 + parts),
                    4 * (long) parts * capacity * perSequence, 4 * data_floats, largest.entries, largest.name);
        }
    }

    /** The largest array offered so far. */
    private static final class Largest {
        long entries = -1;
        String name;

        void offer(long entries, String name) {
            if (entries > this.entries) {
                this.entries = entries;
                this.name = name;
            }
        }
    }
}
