package rnn.mnist;

import java.util.Arrays;
import rnn.Finite;
import rnn.Tensor3;

/**
 * Images and their labels, like one part of TF's {@code read_data_sets}: each image is
 * {@code n_steps} rows of {@code n_inputs} pixels scaled to [0, 1] (pixel / 255), stored one image
 * after the other in a single {@code float[]}. As an RNN input each image is a sequence of its rows:
 * {@link #images(int, int)} is the seed's {@code images.reshape((-1, N_STEPS, N_INPUTS))}.
 */
public final class DataSet {
    private final float[] images;
    private final int[] labels;
    private final int n_steps;
    private final int n_inputs;

    /**
     * @param images   {@code labels.length × n_steps × n_inputs} pixels, image after image (kept, not copied)
     * @param labels   one class per image (kept, not copied)
     * @param n_steps  rows per image (28 for MNIST)
     * @param n_inputs pixels per row (28 for MNIST)
     * @throws IllegalArgumentException if the sizes disagree or a pixel is NaN or infinite (naming the image)
     */
    public DataSet(float[] images, int[] labels, int n_steps, int n_inputs) {
        if (n_steps < 1 || n_inputs < 1) {
            throw new IllegalArgumentException("n_steps and n_inputs must be >= 1, got n_steps = " + n_steps
                    + ", n_inputs = " + n_inputs);
        }
        if (images.length != (long) labels.length * n_steps * n_inputs) {
            throw new IllegalArgumentException("expected " + labels.length + " images × " + n_steps + " × " + n_inputs
                    + " = " + (long) labels.length * n_steps * n_inputs + " pixels for " + labels.length
                    + " labels but got " + images.length);
        }
        Finite.checkImages(images, n_steps, n_inputs);
        this.images = images;
        this.labels = labels;
        this.n_steps = n_steps;
        this.n_inputs = n_inputs;
    }

    /** Items {@code from} (inclusive) to {@code to} (exclusive) of an IDX image file and its label file. */
    public static DataSet fromIdx(Idx images, Idx labels, int from, int to) {
        int[] dims = images.dims();
        if (dims.length != 3) {
            throw new MnistDataException(images.name() + ": expected 3 dimensions (count, rows, columns) but has "
                    + dims.length);
        }
        if (labels.dims().length != 1) {
            throw new MnistDataException(labels.name() + ": expected 1 dimension (count) but has "
                    + labels.dims().length);
        }
        if (labels.count() != images.count()) {
            throw new MnistDataException(labels.name() + " has " + labels.count() + " labels but "
                    + images.name() + " has " + images.count() + " images");
        }
        checkRange(from, to, images.count());
        int n = to - from;
        int size = images.itemSize();
        float[] pixels = new float[n * size];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            classes[i] = labels.unsigned(from + i);
            int source = (from + i) * size;
            int target = i * size;
            for (int p = 0; p < size; p++) {
                pixels[target + p] = images.unsigned(source + p) / 255f; // read_data_sets: pixels × 1/255
            }
        }
        return new DataSet(pixels, classes, dims[1], dims[2]);
    }

    /** All items of an IDX image file and its label file. */
    public static DataSet fromIdx(Idx images, Idx labels) {
        return fromIdx(images, labels, 0, images.count());
    }

    /** How many images. */
    public int size() {
        return labels.length;
    }

    /** Rows per image: the time steps of the RNN. */
    public int n_steps() {
        return n_steps;
    }

    /** Pixels per row: the inputs of one time step. */
    public int n_inputs() {
        return n_inputs;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) as a new [to − from, n_steps, n_inputs] tensor. */
    public Tensor3 images(int from, int to) {
        checkRange(from, to, size());
        int features = n_steps * n_inputs;
        Tensor3 X = new Tensor3(to - from, n_steps, n_inputs);
        System.arraycopy(images, from * features, X.data(), 0, (to - from) * features);
        return X;
    }

    /** All images as a [size, n_steps, n_inputs] tensor. */
    public Tensor3 images() {
        return images(0, size());
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of labels {@code from} (inclusive) to {@code to} (exclusive). */
    public int[] labels(int from, int to) {
        checkRange(from, to, size());
        return Arrays.copyOfRange(labels, from, to);
    }

    public int label(int i) {
        checkIndex(i);
        return labels[i];
    }

    /** A copy of image {@code i}: n_steps × n_inputs pixels, row after row. */
    public float[] image(int i) {
        checkIndex(i);
        int features = n_steps * n_inputs;
        return Arrays.copyOfRange(images, i * features, (i + 1) * features);
    }

    /**
     * The images {@code indices[from..to)} as a [to − from, n_steps, n_inputs] tensor, written into
     * {@code reuse} when it has exactly that shape (no allocation), otherwise into a new tensor.
     * With a shuffled {@code indices} this is one mini-batch of an epoch.
     */
    public Tensor3 gather(int[] indices, int from, int to, Tensor3 reuse) {
        checkRange(from, to, indices.length);
        int n = to - from;
        Tensor3 X = reuse != null && reuse.dim(0) == n && reuse.dim(1) == n_steps && reuse.dim(2) == n_inputs
                ? reuse
                : new Tensor3(n, n_steps, n_inputs);
        int features = n_steps * n_inputs;
        float[] data = X.data();
        for (int i = 0; i < n; i++) {
            int index = indices[from + i];
            checkIndex(index);
            System.arraycopy(images, index * features, data, i * features, features);
        }
        return X;
    }

    /**
     * The labels {@code indices[from..to)}, written into {@code reuse} when its length is
     * {@code to − from}, otherwise into a new array; the labels of {@link #gather}'s batch.
     */
    public int[] gatherLabels(int[] indices, int from, int to, int[] reuse) {
        checkRange(from, to, indices.length);
        int n = to - from;
        int[] y = reuse != null && reuse.length == n ? reuse : new int[n];
        for (int i = 0; i < n; i++) {
            int index = indices[from + i];
            checkIndex(index);
            y[i] = labels[index];
        }
        return y;
    }

    /** The first {@code n} images and labels (sharing nothing with this set). */
    public DataSet limit(int n) {
        if (n < 1 || n > size()) {
            throw new IllegalArgumentException("limit must be between 1 and the " + size() + " images of the set, got " + n);
        }
        int features = n_steps * n_inputs;
        return new DataSet(Arrays.copyOf(images, n * features), Arrays.copyOf(labels, n), n_steps, n_inputs);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("image index must be in [0, " + size() + "), got " + i);
        }
    }

    private static void checkRange(int from, int to, int size) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("expected 0 <= from <= to <= " + size + ", got from = " + from
                    + ", to = " + to);
        }
    }

    @Override
    public String toString() {
        return "DataSet(" + size() + " images of " + n_steps + " × " + n_inputs + ")";
    }
}
