package rnn.train;

/**
 * Callbacks from {@link Trainer#fit} while it trains; every method does nothing unless overridden.
 * Epochs and batches are numbered from 1.
 */
public interface ProgressListener {
    /** A listener that ignores every event. */
    ProgressListener NONE = new ProgressListener() {
    };

    default void epochStarted(int epoch, int total_batches) {
    }

    default void batchFinished(int epoch, int batch, int total_batches, double cost) {
    }

    default void epochFinished(EpochResult r) {
    }
}
