package rnn.train;

import java.util.Locale;

/**
 * When training has diverged: the mean of an epoch's batch costs so far (the number the progress bar shows, and at
 * the epoch's end its printed cost) is above {@code 10 · ln(n_classes)}, ten times the cost of a model that
 * predicts every class as equally likely.
 *
 * <p>Why this bound. The cost is the mean over a batch of −ln p(true class). A model whose logits are all equal
 * scores ln(n_classes) on any data (2.303 for MNIST's 10 digits), and a freshly initialised one nearly so (2.26 for
 * the seed's model); a model that learns goes below, one that fails to learn stays near it. A mean of
 * 10 · ln(n_classes) means the true class gets, in geometric mean, probability n_classes⁻¹⁰ (10⁻¹⁰ for MNIST):
 * the model is not untrained but confidently wrong, with logit gaps of some 23 — what weights thrown far out by
 * too large steps give, not anything a working run passes through.
 *
 * <p>Measured on 6,000 MNIST training images, 2 epochs of batches of 150, the seed's model with seed 42: learning
 * rates from 0.0001 to 0.03 keep every batch cost below 4.9 (at 0.01 and 0.03 the model fails to learn and stays
 * near ln 10, with epoch means up to 3.13: not diverged, and not stopped); at 0.1 single batches reach 19.6 and the
 * first epoch's mean 8.4 (not stopped either); at 1 the first epoch's mean is 168, at 1e9 3.2·10¹⁰. On all 55,000
 * images ({@code train --epochs 2}), 0.01 gives epoch means of 1.25 and 1.09 and 0.03 of 2.55 and 2.43, and
 * neither is stopped. The running mean
 * rather than a single batch keeps one unlucky batch from stopping a run, and still stops a run at 1e9 at its
 * second batch instead of after ten epochs at chance accuracy. NaN and infinite costs are caught before this, by
 * {@link rnn.model.ImageRNN#trainStep}.
 */
final class Divergence {
    /** How many times the cost of predicting uniformly an epoch's mean cost may reach. */
    static final double FACTOR = 10;

    private final int n_classes;
    private final double bound;

    Divergence(int n_classes) {
        this.n_classes = n_classes;
        this.bound = FACTOR * Math.log(n_classes);
    }

    /** 10 · ln(n_classes). */
    double bound() {
        return bound;
    }

    /** Whether an epoch whose batch costs so far have this mean has diverged. */
    boolean diverged(double mean_cost) {
        return mean_cost > bound;
    }

    /** Why training stops, e.g. "the mean batch cost of the epoch so far is 3.7e+10, above 23.03 = 10 × ln 10, …". */
    String why(double mean_cost) {
        return String.format(Locale.ROOT, "training diverged: the mean batch cost of the epoch so far is %.4g, above "
                        + "%.2f = %.0f × ln %d, %.0f times the cost of predicting all %d classes as equally likely",
                mean_cost, bound, FACTOR, n_classes, FACTOR, n_classes);
    }
}
