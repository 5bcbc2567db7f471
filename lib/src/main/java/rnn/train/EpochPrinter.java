package rnn.train;

import java.io.PrintStream;
import java.util.Locale;

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
        out.println(Trainer.seedFormat(r));
        out.printf(Locale.ROOT, "Epoch time: %.1f s%n", r.seconds());
        out.flush();
    }
}
