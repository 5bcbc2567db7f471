package rnn.train;

/**
 * What one epoch of {@link Trainer#fit} produced, as the seed prints it.
 *
 * @param epoch          1-based epoch number (the seed's {@code epoch + 1})
 * @param cost           the seed's {@code avg_cost}: the mean of the epoch's batch costs
 * @param train_accuracy accuracy on the epoch's last mini-batch, after its update
 * @param test_accuracy  accuracy on the whole test set after the epoch
 * @param seconds        wall time of the epoch's training steps (test evaluation not included)
 */
public record EpochResult(int epoch, double cost, double train_accuracy, double test_accuracy, double seconds) {
}
