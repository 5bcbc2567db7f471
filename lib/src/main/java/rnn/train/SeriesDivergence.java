package rnn.train;

import java.util.Locale;

/**
 * When training on a time series has diverged: judged at every printed line (every {@link SeriesTrainer#PRINT_EVERY}
 * iterations, and at the last), the mean of the batch MSEs since the previous line is above {@link #FACTOR} times
 * the mean variance of those batches' targets.
 *
 * <p>Why this bound. The variance of a batch's targets y is the MSE of the best constant forecast, their mean: a
 * model that has learned nothing about the series' shape but its level scores about that, and a freshly
 * initialised one, whose outputs are near 0, scores the targets' mean square (for the chapter's series
 * t·sin(t)/3 + 2·sin(5t) over [0, 30] a variance of 19.3, the chapter's first printed MSE 13.9). A model that learns
 * goes far below (the chapter reaches 0.04); ten times the variance means outputs off by some 3 standard deviations
 * of the targets on average: not an untrained model but one thrown out by too large steps.
 *
 * <p>Measured on the chapter's run (1500 iterations of 50 windows, 100 ReLU neurons, seed 42), the largest ratio of
 * a block's mean MSE to its targets' mean variance: 1.09 at learning rates 0.001 (the chapter's) and 0.01 (the
 * untrained model at iteration 0); 4.3 at 0.03, whose second batch alone scores 422 times the variance before the
 * run recovers to a final MSE of 0.045 (so one batch must not decide); 4.8·10⁵ at 0.05, which ends at an MSE of 5.0
 * (stopped at iteration 100); 9.6·10¹⁴ at 0.1 (stopped at 100); from 1 on the MSE is infinite at iteration 1, which
 * {@link rnn.model.TimeSeriesRNN#trainStep} refuses before this.
 */
final class SeriesDivergence {
    /** How many times the targets' variance a block's mean MSE may reach. */
    static final double FACTOR = 10;

    private double mseSum;
    private double varianceSum;
    private int iterations;

    /** Adds one iteration's batch MSE and its targets' variance to the block. */
    void add(double mse, double targetVariance) {
        mseSum += mse;
        varianceSum += targetVariance;
        iterations++;
    }

    /** Whether the block's mean MSE is above the bound; the next {@link #add} starts a new block. */
    boolean diverged() {
        boolean diverged = mseSum > FACTOR * varianceSum;
        if (!diverged) {
            mseSum = 0;
            varianceSum = 0;
            iterations = 0;
        }
        return diverged;
    }

    /** Why training stops, e.g. "the mean batch MSE of the last 12 iterations is 3.1e+09, above 10 × 19.1, …". */
    String why() {
        return String.format(Locale.ROOT, "training diverged: the mean batch MSE of the last %d iteration%s is %.4g,"
                        + " above %.0f × %.4g, %.0f times the variance of their targets (the MSE of predicting"
                        + " their mean)", iterations, iterations == 1 ? "" : "s", mseSum / iterations, FACTOR,
                varianceSum / iterations, FACTOR);
    }

    /** The variance of {@code y}'s values about their mean (in double). */
    static double variance(float[] y) {
        double mean = 0;
        for (float v : y) mean += v;
        mean /= y.length;
        double sum = 0;
        for (float v : y) sum += (v - mean) * (v - mean);
        return sum / y.length;
    }
}
