package rnn.train;

import java.io.PrintStream;

import rnn.Adam;
import rnn.NumpyFormat;
import rnn.model.MemoryEstimate;
import rnn.model.NotEnoughMemoryException;
import rnn.model.TimeSeriesRNN;
import rnn.series.SeriesBatch;
import rnn.series.TimeSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The chapter's training loop for the time series: n_iterations Adam steps, each on a fresh batch of random windows
 * ({@link TimeSeries#next_batch}), and every {@link #PRINT_EVERY} iterations the MSE on that batch, evaluated after
 * the step as the chapter's {@code loss.eval(feed_dict={X: X_batch, y: y_batch})} does, printed as the chapter prints
 * it: {@code 1400 \tMSE: 0.041784383}.
 */
public final class SeriesTrainer {
    public static final int PRINT_EVERY = 100;

    private final int n_iterations;
    private final int batch_size;
    private final float learning_rate;

    public SeriesTrainer(int n_iterations, int batch_size, float learning_rate) {
        if (n_iterations < 1) throw new IllegalArgumentException("n_iterations must be >= 1, got " + n_iterations);
        if (batch_size < 1) throw new IllegalArgumentException("batch_size must be >= 1, got " + batch_size);
        if (!(learning_rate > 0) || !Float.isFinite(learning_rate)) {
            throw new IllegalArgumentException("learning_rate must be a positive finite number, got " + learning_rate);
        }
        this.n_iterations = n_iterations;
        this.batch_size = batch_size;
        this.learning_rate = learning_rate;
    }

    /**
     * Trains {@code model} on batches of {@code series}, printing to {@code out} (null: nothing printed); returns the
     * printed MSEs as a table with columns {@code iteration} and {@code mse}.
     *
     * @throws NotEnoughMemoryException if the run needs more heap than this JVM has ({@link MemoryEstimate})
     * @throws ArithmeticException      if training diverges: a batch MSE or a gradient is NaN or infinite, or the
     *                                  mean MSE since the last printed line passes {@link SeriesDivergence}'s bound;
     *                                  the message names the iteration
     */
    public Table fit(TimeSeriesRNN model, TimeSeries series, PrintStream out) {
        MemoryEstimate.forTraining(model, batch_size).check(Runtime.getRuntime().maxMemory(), "n_neurons or batch_size",
                "%1$s (java %1$s ...; for a notebook, JAVA_TOOL_OPTIONS=%1$s in the environment JupyterLab starts from)");
        Adam optimizer = new Adam(learning_rate);
        SeriesDivergence divergence = new SeriesDivergence();
        IntColumn iterations = IntColumn.create("iteration");
        DoubleColumn mses = DoubleColumn.create("mse");
        for (int iteration = 0; iteration < n_iterations; iteration++) {
            SeriesBatch batch = series.next_batch(batch_size, model.n_steps());
            float loss = step(model, optimizer, batch, iteration);
            divergence.add(loss, SeriesDivergence.variance(batch.y().data()));
            boolean printed = iteration % PRINT_EVERY == 0;
            if ((printed || iteration == n_iterations - 1) && divergence.diverged()) {
                throw stopped(iteration, divergence.why(), null);
            }
            if (printed) {
                float mse = model.loss(batch.X(), batch.y());
                iterations.append(iteration);
                mses.append(mse);
                if (out != null) {
                    out.println(format(iteration, mse));
                    out.flush();
                }
            }
        }
        return Table.create("MSE every " + PRINT_EVERY + " iterations", iterations, mses);
    }

    /** One Adam step, a NaN or infinite MSE or gradient (trainStep's ArithmeticException) said with where. */
    private float step(TimeSeriesRNN model, Adam optimizer, SeriesBatch batch, int iteration) {
        try {
            return model.trainStep(batch.X(), batch.y(), optimizer);
        } catch (ArithmeticException e) {
            throw stopped(iteration, e.getMessage(), e);
        }
    }

    /** The one error of a diverged run: where it stopped, why, and the one hint. */
    private ArithmeticException stopped(int iteration, String why, Throwable cause) {
        ArithmeticException e = new ArithmeticException("training stopped at iteration " + iteration + " of "
                + n_iterations + ": " + why + "; try a smaller learning rate than " + learning_rate
                + " (the chapter's is 0.001)");
        if (cause != null) e.initCause(cause);
        return e;
    }

    /** The chapter's {@code print(iteration, "\tMSE:", mse)}: "0 \tMSE: 13.907029" (numpy's float32 str). */
    public static String format(int iteration, float mse) {
        return iteration + " \tMSE: " + NumpyFormat.shortest(mse);
    }
}
