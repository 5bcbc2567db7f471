package rnn.model;

import java.util.Locale;

import rnn.fast.BatchSplit;
import rnn.fast.ChunkedInference;

/**
 * The Java heap a training run of {@link ImageRNN} needs, counted from the arrays it allocates, so that a run too
 * large for the heap is refused before it starts, saying what it needs and how to get it, instead of ending in an
 * OutOfMemoryError after minutes (or in EJML's "Matrix size exceeds the size of an integer").
 *
 * <p>In float32 entries of 4 bytes, with P the number of parameters, T the threads of {@link BatchSplit} and C the
 * sequences one thread's buffers hold (the larger of a batch's largest part and a chunk of
 * {@link ChunkedInference} over the test set; a thread keeps the larger buffers once it has made them):
 * <pre>
 *   parameters   P · (4 + T)      θ, dL/dθ, Adam's m and v, and each thread's share of dL/dθ
 *   buffers      T · C · (Σ_l n_steps · (3·n_l + 1) + 2·n_top + 2·n_outputs)
 *                  per recurrent layer l of n_l neurons: its outputs, dL/d(outputs) and dZ at every step, and a
 *                  row of ones; then the final states and their gradient, the logits and theirs
 *   data         the data sets held, the copy of the test images the trainer evaluates, one mini-batch
 * </pre>
 * plus {@link #OVERHEAD} for the rest of the program (classes, JIT, Tablesaw, the history).
 */
public final class MemoryEstimate {
    /** What the program takes besides the arrays counted here. */
    public static final long OVERHEAD = 64L << 20;
    private static final long GiB = 1L << 30;
    private static final long MiB = 1L << 20;

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

    /** The estimate for {@code model} as it is built (its recurrent layer and dense layer). */
    public static MemoryEstimate forTraining(ImageRNN model, int batch_size, int test_size, long data_floats) {
        return forTraining(model.n_steps(), model.n_inputs(), new int[] {model.n_neurons()}, model.n_outputs(),
                batch_size, test_size, data_floats, BatchSplit.count());
    }

    /** The estimate for a model not built yet, on the threads of {@link BatchSplit}. */
    public static MemoryEstimate forTraining(int n_steps, int n_inputs, int[] n_neurons, int n_outputs, int batch_size,
                                             int test_size, long data_floats) {
        return forTraining(n_steps, n_inputs, n_neurons, n_outputs, batch_size, test_size, data_floats,
                BatchSplit.count());
    }

    /**
     * The estimate for a model not built yet: {@code n_neurons[l]} neurons in recurrent layer l (bottom first),
     * trained on mini-batches of {@code batch_size} and evaluated on {@code test_size} sequences, while the data
     * sets held take {@code data_floats} floats, on {@code threads} threads.
     */
    public static MemoryEstimate forTraining(int n_steps, int n_inputs, int[] n_neurons, int n_outputs, int batch_size,
                                             int test_size, long data_floats, int threads) {
        if (n_steps < 1 || n_inputs < 1 || n_neurons.length < 1 || n_outputs < 1 || batch_size < 1 || test_size < 0
                || data_floats < 0 || threads < 1) {
            throw new IllegalArgumentException("expected positive sizes, got n_steps = " + n_steps + ", n_inputs = "
                    + n_inputs + ", " + n_neurons.length + " layers, n_outputs = " + n_outputs + ", batch_size = "
                    + batch_size + ", test_size = " + test_size + ", data_floats = " + data_floats
                    + ", threads = " + threads);
        }
        int trainingParts = Math.min(threads, batch_size);
        int testParts = Math.min(threads, test_size);
        int parts = Math.max(trainingParts, testParts);
        int capacity = Math.max(BatchSplit.largestPart(batch_size, trainingParts),
                test_size == 0 ? 0 : Math.min(ChunkedInference.CHUNK, BatchSplit.largestPart(test_size, testParts)));
        Largest largest = new Largest();
        long parameters = 0;
        long perSequence = 0;
        int below = n_inputs;
        for (int l = 0; l < n_neurons.length; l++) {
            int n = n_neurons[l];
            if (n < 1) throw new IllegalArgumentException("n_neurons must be >= 1, got " + n + " in layer " + l);
            String layer = n_neurons.length == 1 ? "" : " of layer " + l;
            long W = (long) (below + n) * n; // W = [Wx; Wy], (n_inputs + n_neurons) × n_neurons
            largest.offer(W, "W" + layer + " ((" + below + " + " + n + ") × " + n + ")");
            largest.offer((long) capacity * n_steps * n, "the outputs" + layer + " of " + capacity + " sequences of "
                    + n_steps + " steps × " + n + " neurons");
            parameters += W + n;
            perSequence += (long) n_steps * (3L * n + 1);
            below = n;
        }
        long W_dense = (long) below * n_outputs;
        largest.offer(W_dense, "W_dense (" + below + " × " + n_outputs + ")");
        parameters += W_dense + n_outputs;
        perSequence += 2L * below + 2L * n_outputs;
        long image = (long) n_steps * n_inputs;
        largest.offer(test_size * image, "the test images (" + test_size + " × " + n_steps + " × " + n_inputs + ")");
        largest.offer(batch_size * image, "a mini-batch (" + batch_size + " × " + n_steps + " × " + n_inputs + ")");
        long parameterBytes = 4 * parameters * (4 + parts);
        long bufferBytes = 4 * (long) parts * capacity * perSequence;
        long dataBytes = 4 * (data_floats + test_size * image + batch_size * image);
        return new MemoryEstimate(parameters, parts, capacity, parameterBytes, bufferBytes, dataBytes,
                largest.entries, largest.name);
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
