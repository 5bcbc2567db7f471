package rnn.train;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import rnn.NumpyFormat;

/**
 * Prints each finished epoch as the seed does, then its time:
 * <pre>
 * Epoch: 0001 cost= 0.512163897
 * Train Accuracy:  0.946667   Test Accuracy:  0.9265
 * Epoch time: 24.7 s, test evaluation 0.3 s
 * </pre>
 * and passes every event on to a progress indicator first (a progress bar, or {@link ProgressListener#NONE}).
 */
public final class EpochPrinter implements ProgressListener {
    private final PrintStream out;
    private final ProgressListener progress;
    /** The seconds of the running epoch's test evaluation, NaN until it has finished. */
    private double evaluation_seconds = Double.NaN;

    public EpochPrinter(PrintStream out, ProgressListener progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public void epochStarted(int epoch, int total_batches) {
        progress.epochStarted(epoch, total_batches);
    }

    @Override
    public void batchFinished(int epoch, int batch, int total_batches, double cost) {
        progress.batchFinished(epoch, batch, total_batches, cost);
    }

    @Override
    public void evaluationStarted(int epoch, int test_size) {
        progress.evaluationStarted(epoch, test_size);
    }

    @Override
    public void evaluationFinished(int epoch, double seconds) {
        progress.evaluationFinished(epoch, seconds);
        evaluation_seconds = seconds;
    }

    @Override
    public void epochFinished(EpochResult r) {
        progress.epochFinished(r);
        out.println(seedFormat(r));
        out.println(timeLine(r.seconds(), evaluation_seconds));
        out.flush();
        evaluation_seconds = Double.NaN;
    }

    /** "Epoch time: 24.7 s, test evaluation 0.3 s", or without the evaluation where its time is NaN. */
    static String timeLine(double seconds, double evaluation_seconds) {
        String line = String.format(Locale.ROOT, "Epoch time: %.1f s", seconds);
        if (Double.isNaN(evaluation_seconds)) return line;
        return line + String.format(Locale.ROOT, ", test evaluation %.1f s", evaluation_seconds);
    }

    /**
     * The two lines the seed prints after an epoch, e.g.
     * <pre>
     * Epoch: 0001 cost= 0.512163897
     * Train Accuracy:  0.946667   Test Accuracy:  0.9265
     * </pre>
     * The cost is Python's {@code "{:.9f}"}; the accuracies are float32 values as the seed's numpy
     * printed them ({@link NumpyFormat#scalar}).
     */
    public static String seedFormat(EpochResult r) {
        // print("Epoch:", '%04d' % (epoch+1), "cost=", "{:.9f}".format(avg_cost))
        String cost = new BigDecimal(r.cost()).setScale(9, RoundingMode.HALF_EVEN).toPlainString();
        // print("Train Accuracy: ", acc_train, " ", "Test Accuracy: ", acc_test): print joins with spaces
        return String.format(Locale.ROOT, "Epoch: %04d cost= %s\nTrain Accuracy:  %s   Test Accuracy:  %s",
                r.epoch(), cost, NumpyFormat.scalar((float) r.train_accuracy()), NumpyFormat.scalar((float) r.test_accuracy()));
    }
}
