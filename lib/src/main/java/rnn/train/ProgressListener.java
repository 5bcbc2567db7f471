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

    /** After epoch {@code epoch}'s last batch, the model's evaluation on the {@code test_size} test images starts. */
    default void evaluationStarted(int epoch, int test_size) {
    }

    /** The evaluation has taken {@code seconds}; {@link #epochFinished} follows. */
    default void evaluationFinished(int epoch, double seconds) {
    }

    default void epochFinished(EpochResult r) {
    }
}
