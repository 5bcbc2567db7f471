package rnn.train;

/**
 * What one epoch of {@link Trainer#fit} produced, as the seed prints it, and the accuracy on the validation images.
 *
 * @param epoch               1-based epoch number (the seed's {@code epoch + 1})
 * @param cost                the seed's {@code avg_cost}: the mean of the epoch's batch costs
 * @param train_accuracy      accuracy on the epoch's last mini-batch, after its update (the seed's {@code acc_train})
 * @param validation_accuracy accuracy on the whole validation set after the epoch; NaN when training had none
 * @param test_accuracy       accuracy on the whole test set after the epoch
 * @param seconds             wall time of the epoch's training steps (the evaluations not included)
 */
public record EpochResult(int epoch, double cost, double train_accuracy, double validation_accuracy,
                          double test_accuracy, double seconds) {

    /** An epoch trained without a validation set: its validation accuracy is NaN. */
    public EpochResult(int epoch, double cost, double train_accuracy, double test_accuracy, double seconds) {
        this(epoch, cost, train_accuracy, Double.NaN, test_accuracy, seconds);
    }

    /** Whether a validation set was measured. */
    public boolean hasValidation() {
        return !Double.isNaN(validation_accuracy);
    }
}
