package rnn.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import rnn.Adam;
import rnn.ImageRNN;
import rnn.Tensor3;
import rnn.mnist.DataSet;

/**
 * The seed's training loop: for each epoch, shuffle the training set, run Adam on
 * {@code total_batch = n // batch_size} mini-batches (the remainder is dropped), average their
 * costs, then measure the accuracy of the last mini-batch and of the whole test set.
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
     * @throws IllegalArgumentException if {@code batch_size} exceeds the training set
     * @throws ArithmeticException      if a batch cost is NaN or infinite, naming the epoch and batch
     */
    public TrainingHistory fit(ImageRNN model, DataSet train, DataSet test, ProgressListener listener) {
        if (batch_size > train.size()) {
            throw new IllegalArgumentException("batch_size must be at most the " + train.size()
                    + " training images, got " + batch_size);
        }
        if (listener == null) listener = ProgressListener.NONE;
        Adam optimizer = new Adam(learning_rate);
        Random random = new Random(seed);
        int total_batch = train.size() / batch_size;
        int[] order = identity(train.size());
        Tensor3 X_test = test.images();
        int[] y_test = test.labels();
        Tensor3 X_batch = null;
        int[] y_batch = null;
        TrainingHistory history = new TrainingHistory();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            listener.epochStarted(epoch, total_batch);
            long start = System.nanoTime();
            shuffle(order, random);
            double avg_cost = 0;
            for (int batch = 1; batch <= total_batch; batch++) {
                int from = (batch - 1) * batch_size;
                X_batch = train.gather(order, from, from + batch_size, X_batch);
                y_batch = train.gatherLabels(order, from, from + batch_size, y_batch);
                float cost = step(model, optimizer, X_batch, y_batch, epoch, batch, total_batch);
                avg_cost += (double) cost / total_batch; // the seed's avg_cost += cost / total_batch
                listener.batchFinished(epoch, batch, total_batch, cost);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            float acc_train = model.accuracy(X_batch, y_batch);
            float acc_test = model.accuracy(X_test, y_test);
            EpochResult result = new EpochResult(epoch, avg_cost, acc_train, acc_test, seconds);
            history.add(result);
            listener.epochFinished(result);
        }
        return history;
    }

    /** One Adam step, turning a NaN or infinite cost (trainStep's ArithmeticException) into an error that says where. */
    private static float step(ImageRNN model, Adam optimizer, Tensor3 X, int[] y, int epoch, int batch,
                              int total_batch) {
        try {
            return model.trainStep(X, y, optimizer);
        } catch (ArithmeticException e) {
            throw stopped(epoch, batch, total_batch, e.getMessage(), e);
        }
    }

    private static ArithmeticException stopped(int epoch, int batch, int total_batch, String why, Throwable cause) {
        ArithmeticException e = new ArithmeticException("training stopped at epoch " + epoch + ", batch " + batch
                + " of " + total_batch + ": " + why + " (try a smaller learning_rate)");
        e.initCause(cause);
        return e;
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

    /**
     * The two lines the seed prints after an epoch, e.g.
     * <pre>
     * Epoch: 0001 cost= 0.512163897
     * Train Accuracy:  0.946667   Test Accuracy:  0.9265
     * </pre>
     * The cost is Python's {@code "{:.9f}"}; the accuracies are float32 values as the seed's numpy
     * printed them ({@link #numpyFloat32}).
     */
    public static String seedFormat(EpochResult r) {
        // print("Epoch:", '%04d' % (epoch+1), "cost=", "{:.9f}".format(avg_cost))
        String cost = new BigDecimal(r.cost()).setScale(9, RoundingMode.HALF_EVEN).toPlainString();
        // print("Train Accuracy: ", acc_train, " ", "Test Accuracy: ", acc_test): print joins with spaces
        return String.format(Locale.ROOT, "Epoch: %04d cost= %s\nTrain Accuracy:  %s   Test Accuracy:  %s",
                r.epoch(), cost, numpyFloat32((float) r.train_accuracy()), numpyFloat32((float) r.test_accuracy()));
    }

    /**
     * {@code str()} of a numpy float32 as the seed's numpy printed it: 6 significant digits
     * ({@code %.6g}, rounding the exact binary value) with a {@code .0} added to whole numbers:
     * 0.94666666f → "0.946667", 0.96f → "0.96", 1f → "1.0", 0.9265f → "0.9265".
     */
    public static String numpyFloat32(float value) {
        if (Float.isNaN(value)) return "nan";
        if (Float.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return (1 / value < 0) ? "-0.0" : "0.0";
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1; // the x in d.ddddd × 10^x
        if (exponent < -4 || exponent >= 6) {
            // %g's scientific form: mantissa without trailing zeros, exponent with a sign and >= 2 digits
            String mantissa = rounded.movePointLeft(exponent).toPlainString();
            return mantissa + (exponent < 0 ? "e-" : "e+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = rounded.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
