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
 * Epoch time: 24.7 s
 * </pre>
 * and passes every event on to a progress indicator first (a progress bar, or {@link ProgressListener#NONE}).
 */
public final class EpochPrinter implements ProgressListener {
    private final PrintStream out;
    private final ProgressListener progress;

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
    public void epochFinished(EpochResult r) {
        progress.epochFinished(r);
        out.println(seedFormat(r));
        out.printf(Locale.ROOT, "Epoch time: %.1f s%n", r.seconds());
        out.flush();
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
