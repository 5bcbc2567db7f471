package rnn.train;

import java.util.Random;

import rnn.Adam;
import rnn.Tensor3;
import rnn.mnist.DataSet;
import rnn.model.ImageRNN;
import rnn.model.MemoryEstimate;
import rnn.model.NotEnoughMemoryException;

/**
 * The seed's training loop: for each epoch, shuffle the training set, run Adam on
 * {@code total_batch = n // batch_size} mini-batches (the remainder is dropped), average their
 * costs, then measure the accuracy of the last mini-batch and of the whole test set (and, when one is given, of a
 * validation set: the 5,000 images {@code read_data_sets} keeps apart).
 *
 * <p>The shuffles come from one {@link Random} seeded with {@code seed} at the start of each
 * {@link #fit}, so the same model initialisation and seed give the same numbers every time.
 */
public final class Trainer {
    private final int epochs;
    private final int batch_size;
    private final float learning_rate;
    private final long seed;

    public Trainer(int epochs, int batch_size, float learning_rate, long seed) {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (batch_size < 1) throw new IllegalArgumentException("batch_size must be >= 1, got " + batch_size);
        if (!(learning_rate > 0) || !Float.isFinite(learning_rate)) {
            throw new IllegalArgumentException("learning_rate must be a positive finite number, got " + learning_rate);
        }
        this.epochs = epochs;
        this.batch_size = batch_size;
        this.learning_rate = learning_rate;
        this.seed = seed;
    }

    public int epochs() {
        return epochs;
    }

    public int batch_size() {
        return batch_size;
    }

    public float learning_rate() {
        return learning_rate;
    }

    public long seed() {
        return seed;
    }

    /** {@link #fit(ImageRNN, DataSet, DataSet, ProgressListener)} without progress reports. */
    public TrainingHistory fit(ImageRNN model, DataSet train, DataSet test) {
        return fit(model, train, test, ProgressListener.NONE);
    }

    /**
     * Trains {@code model} in place on {@code train} and evaluates it on {@code test} after every epoch.
     *
     * @throws IllegalArgumentException if the training or the test set is empty, or {@code batch_size} exceeds the
     *                                  training set
     * @throws NotEnoughMemoryException if the run needs more heap than this JVM has ({@link MemoryEstimate})
     * @throws ArithmeticException      if training diverges: a batch cost or a gradient is NaN or infinite, or the
     *                                  epoch's mean cost so far passes {@link Divergence}'s bound; the message names
     *                                  the epoch and the batch
     */
    public TrainingHistory fit(ImageRNN model, DataSet train, DataSet test, ProgressListener listener) {
        return fit(model, train, null, test, listener);
    }

    /**
     * {@link #fit(ImageRNN, DataSet, DataSet, ProgressListener)} that also measures the accuracy on the whole
     * {@code validation} set after every epoch ({@link EpochResult#validation_accuracy}); {@code validation} may be
     * null, for none. Its evaluation follows the test set's and is not in the test evaluation's time.
     */
    public TrainingHistory fit(ImageRNN model, DataSet train, DataSet validation, DataSet test,
                               ProgressListener listener) {
        if (train.size() == 0) throw new IllegalArgumentException("the training set is empty; expected at least one image");
        if (test.size() == 0) {
            throw new IllegalArgumentException("the test set is empty: fit measures the model on it after every epoch;"
                    + " expected at least one test image");
        }
        checkFits(model, train, "training set");
        checkFits(model, test, "test set"); // else found only after the first epoch's training
        if (validation != null) {
            if (validation.size() == 0) {
                throw new IllegalArgumentException("the validation set is empty: expected at least one image, or null"
                        + " for no validation set");
            }
            checkFits(model, validation, "validation set");
        }
        if (batch_size > train.size()) {
            throw new IllegalArgumentException("batch_size must be at most the " + train.size()
                    + " training images, got " + batch_size);
        }
        int validation_size = validation == null ? 0 : validation.size();
        long data_floats = ((long) train.size() + test.size() + validation_size) * train.n_steps() * train.n_inputs();
        MemoryEstimate.forTraining(model, batch_size, test.size(), data_floats).check(Runtime.getRuntime().maxMemory(),
                "n_neurons or batch_size", "%1$s (java %1$s ...; for a notebook, JAVA_TOOL_OPTIONS=%1$s in the"
                        + " environment JupyterLab starts from)");
        if (listener == null) listener = ProgressListener.NONE;
        Adam optimizer = new Adam(learning_rate);
        Divergence divergence = new Divergence(model.n_outputs());
        Random random = new Random(seed);
        int total_batch = train.size() / batch_size;
        int[] order = identity(train.size());
        Tensor3 X_test = test.images();
        int[] y_test = test.labels();
        Tensor3 X_validation = validation == null ? null : validation.images();
        int[] y_validation = validation == null ? null : validation.labels();
        Tensor3 X_batch = null;
        int[] y_batch = null;
        TrainingHistory history = new TrainingHistory();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            listener.epochStarted(epoch, total_batch);
            long start = System.nanoTime();
            shuffle(order, random);
            double avg_cost = 0;
            double cost_sum = 0;
            for (int batch = 1; batch <= total_batch; batch++) {
                int from = (batch - 1) * batch_size;
                X_batch = train.gather(order, from, from + batch_size, X_batch);
                y_batch = train.gatherLabels(order, from, from + batch_size, y_batch);
                float cost = step(model, optimizer, X_batch, y_batch, epoch, batch, total_batch);
                avg_cost += (double) cost / total_batch; // the seed's avg_cost += cost / total_batch
                cost_sum += cost;
                if (divergence.diverged(cost_sum / batch)) {
                    throw stopped(epoch, batch, total_batch, divergence.why(cost_sum / batch), null);
                }
                listener.batchFinished(epoch, batch, total_batch, cost);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            float acc_train = model.accuracy(X_batch, y_batch);
            listener.evaluationStarted(epoch, test.size());
            long evaluation = System.nanoTime();
            float acc_test = model.accuracy(X_test, y_test);
            listener.evaluationFinished(epoch, (System.nanoTime() - evaluation) / 1e9);
            double acc_validation = validation == null ? Double.NaN : model.accuracy(X_validation, y_validation);
            EpochResult result = new EpochResult(epoch, avg_cost, acc_train, acc_validation, acc_test, seconds);
            history.add(result);
            listener.epochFinished(result);
        }
        return history;
    }

    /** One Adam step, turning a NaN or infinite cost or gradient (trainStep's ArithmeticException) into an error that says where. */
    private float step(ImageRNN model, Adam optimizer, Tensor3 X, int[] y, int epoch, int batch, int total_batch) {
        try {
            return model.trainStep(X, y, optimizer);
        } catch (ArithmeticException e) {
            throw stopped(epoch, batch, total_batch, e.getMessage(), e);
        }
    }

    /** The one error of a diverged run: where it stopped, why, and the one hint. */
    private ArithmeticException stopped(int epoch, int batch, int total_batch, String why, Throwable cause) {
        ArithmeticException e = new ArithmeticException("training stopped at epoch " + epoch + ", batch " + batch
                + " of " + total_batch + ": " + why + "; try a smaller learning rate than " + learning_rate
                + " (the seed's is 0.001)");
        if (cause != null) e.initCause(cause);
        return e;
    }

    /** The images of {@code set} must have the model's n_steps × n_inputs and its labels be classes of the model. */
    private static void checkFits(ImageRNN model, DataSet set, String name) {
        if (set.n_steps() != model.n_steps() || set.n_inputs() != model.n_inputs()) {
            throw new IllegalArgumentException("the " + name + "'s images are " + set.n_steps() + " × " + set.n_inputs()
                    + " (n_steps × n_inputs) but the model was built for " + model.n_steps() + " × " + model.n_inputs());
        }
        for (int i = 0; i < set.size(); i++) {
            int label = set.label(i);
            if (label < 0 || label >= model.n_outputs()) {
                throw new IllegalArgumentException("the " + name + "'s label " + i + " is " + label
                        + ", outside the model's classes [0, " + model.n_outputs() + ")");
            }
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    /** Fisher–Yates shuffle: a uniformly random permutation. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
