package rnn.mnist;

import java.nio.file.Path;

/**
 * MNIST split as TF's {@code input_data.read_data_sets} splits it: the first 5,000 training images
 * are the validation set, the other 55,000 the training set; the 10,000 t10k images are the test set.
 * Pixels are scaled to [0, 1] and labels are class numbers 0..9 (not one-hot).
 */
public final class Mnist {
    /** {@code read_data_sets}' default {@code validation_size}. */
    public static final int VALIDATION_SIZE = 5000;

    private final DataSet train;
    private final DataSet validation;
    private final DataSet test;

    private Mnist(DataSet train, DataSet validation, DataSet test) {
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /** Loads from {@link MnistFiles#directory()}. */
    public static Mnist load() {
        return load(MnistFiles.directory());
    }

    /** Loads the four files of {@code dir}, checking each one's SHA-256 and IDX layout. */
    public static Mnist load(Path dir) {
        Idx train_images = read(dir, MnistFiles.TRAIN_IMAGES, Idx.IMAGES_MAGIC);
        Idx train_labels = read(dir, MnistFiles.TRAIN_LABELS, Idx.LABELS_MAGIC);
        Idx test_images = read(dir, MnistFiles.TEST_IMAGES, Idx.IMAGES_MAGIC);
        Idx test_labels = read(dir, MnistFiles.TEST_LABELS, Idx.LABELS_MAGIC);
        int n_train = train_images.count();
        return new Mnist(
                DataSet.fromIdx(train_images, train_labels, VALIDATION_SIZE, n_train),
                DataSet.fromIdx(train_images, train_labels, 0, VALIDATION_SIZE),
                DataSet.fromIdx(test_images, test_labels));
    }

    /** Reads the file {@code name} of {@code dir} (or {@code name.gz}) in one bulk read, verifies its SHA-256 and parses it. */
    private static Idx read(Path dir, String name, int magic) {
        MnistFiles.Entry entry = MnistFiles.entry(name);
        byte[] contents = MnistFiles.read(entry, dir);
        return Idx.parse(MnistFiles.existing(dir, name).toString(), contents, magic);
    }

    /** Training images 5,000..59,999 of the training file: 55,000 images. */
    public DataSet train() {
        return train;
    }

    /** The first 5,000 images of the training file. */
    public DataSet validation() {
        return validation;
    }

    /** The 10,000 t10k images. */
    public DataSet test() {
        return test;
    }

    @Override
    public String toString() {
        return "Mnist(train " + train.size() + ", validation " + validation.size() + ", test " + test.size() + ")";
    }
}
