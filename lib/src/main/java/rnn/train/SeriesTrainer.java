package rnn.train;

import java.io.PrintStream;

import rnn.Adam;
import rnn.NumpyFormat;
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
        this.n_iterations = n_iterations;
        this.batch_size = batch_size;
        this.learning_rate = learning_rate;
    }

    /**
     * Trains {@code model} on batches of {@code series}, printing to {@code out} (null: nothing printed); returns the
     * printed MSEs as a table with columns {@code iteration} and {@code mse}.
     *
     * @throws ArithmeticException if the MSE becomes NaN or infinite
     */
    public Table fit(TimeSeriesRNN model, TimeSeries series, PrintStream out) {
        Adam optimizer = new Adam(learning_rate);
        IntColumn iterations = IntColumn.create("iteration");
        DoubleColumn mses = DoubleColumn.create("mse");
        for (int iteration = 0; iteration < n_iterations; iteration++) {
            SeriesBatch batch = series.next_batch(batch_size, model.n_steps());
            model.trainStep(batch.X(), batch.y(), optimizer);
            if (iteration % PRINT_EVERY == 0) {
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

    /** The chapter's {@code print(iteration, "\tMSE:", mse)}: "0 \tMSE: 13.907029" (numpy's float32 str). */
    public static String format(int iteration, float mse) {
        return iteration + " \tMSE: " + NumpyFormat.shortest(mse);
    }
}
