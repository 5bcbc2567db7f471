package rnn.series;

import java.util.Random;

import rnn.Tensor3;

/**
 * The chapter's time series, sampled every {@code resolution} = 0.1 on [t_min, t_max] = [0, 30],
 * <pre>
 *   time_series(t) = t·sin(t)/3 + 2·sin(5t)
 * </pre>
 * and its training batches: random windows of n_steps + 1 consecutive values, the first n_steps the inputs and the
 * last n_steps the targets ({@link #next_batch}). The values are computed in double, as numpy does, and fed as
 * float32. The random start times come from a {@link Random} of the given seed (not numpy's generator), so the
 * same seed gives the same batches on every run.
 */
public final class TimeSeries {
    public static final double t_min = 0;
    public static final double t_max = 30;
    public static final double resolution = 0.1;
    /** The chapter's start of its test instance, {@code t_instance}. */
    public static final double T_INSTANCE = 12.2;

    private final Random random;

    public TimeSeries(long seed) {
        this.random = new Random(seed);
    }

    /** t·sin(t)/3 + 2·sin(5t). */
    public static double time_series(double t) {
        return t * Math.sin(t) / 3 + 2 * Math.sin(t * 5);
    }

    /** {@link #time_series(double)} of every element. */
    public static double[] time_series(double[] t) {
        double[] values = new double[t.length];
        for (int i = 0; i < t.length; i++) values[i] = time_series(t[i]);
        return values;
    }

    /** numpy's {@code linspace(start, stop, num)}: num evenly spaced values, both ends included. */
    public static double[] linspace(double start, double stop, int num) {
        if (num < 2) throw new IllegalArgumentException("linspace needs num >= 2 points, got " + num);
        double[] t = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) t[i] = start + i * step;
        t[num - 1] = stop;
        return t;
    }

    /** The chapter's whole series for plotting: {@code np.linspace(t_min, t_max, int((t_max - t_min) / resolution))}, 300 times. */
    public static double[] t() {
        return linspace(t_min, t_max, (int) ((t_max - t_min) / resolution));
    }

    /**
     * The chapter's test instance, {@code np.linspace(12.2, 12.2 + resolution * (n_steps + 1), n_steps + 1)}: n_steps + 1
     * times from 12.2. (Taken literally, as the chapter computes it, the step is 2.1/20 = 0.105, not 0.1.)
     */
    public static double[] t_instance(int n_steps) {
        checkSteps(n_steps);
        return linspace(T_INSTANCE, T_INSTANCE + resolution * (n_steps + 1), n_steps + 1);
    }

    /** One window at the given n_steps + 1 times: X the values at times[0 … n_steps−1], y at times[1 … n_steps]. */
    public static SeriesBatch window(double[] times) {
        if (times == null || times.length < 2) {
            throw new IllegalArgumentException("a window needs n_steps + 1 >= 2 times but was given "
                    + (times == null ? "null" : times.length));
        }
        return windows(new double[][] {times});
    }

    /** One window of n_steps + 1 values every {@code resolution} from t0 (the chapter's {@code Ts} for one instance). */
    public static double[] times(double t0, int n_steps) {
        checkSteps(n_steps);
        double[] Ts = new double[n_steps + 1];
        for (int k = 0; k <= n_steps; k++) Ts[k] = t0 + k * resolution;
        return Ts;
    }

    /**
     * The chapter's {@code next_batch(batch_size, n_steps)}: batch_size start times t0 uniform in
     * [0, t_max − t_min − n_steps·resolution), each the window {@link #times}(t0, n_steps); returns X, the first n_steps
     * values of each window, and y, the last n_steps (the same values one step later), both [batch_size, n_steps, 1].
     */
    public SeriesBatch next_batch(int batch_size, int n_steps) {
        if (batch_size < 1) throw new IllegalArgumentException("batch_size must be >= 1, got " + batch_size);
        checkSteps(n_steps);
        double span = t_max - t_min - n_steps * resolution;
        if (!(span > 0)) {
            throw new IllegalArgumentException("n_steps = " + n_steps + " windows of " + resolution
                    + " do not fit in [" + t_min + ", " + t_max + "]");
        }
        double[][] Ts = new double[batch_size][];
        for (int i = 0; i < batch_size; i++) Ts[i] = times(random.nextDouble() * span, n_steps);
        return windows(Ts);
    }

    private static SeriesBatch windows(double[][] Ts) {
        int n_steps = Ts[0].length - 1;
        Tensor3 X = new Tensor3(Ts.length, n_steps, 1);
        Tensor3 y = new Tensor3(Ts.length, n_steps, 1);
        for (int i = 0; i < Ts.length; i++) {
            if (Ts[i].length != n_steps + 1) {
                throw new IllegalArgumentException("every window needs " + (n_steps + 1) + " times, window " + i
                        + " has " + Ts[i].length);
            }
            double[] ys = time_series(Ts[i]);
            for (int t = 0; t < n_steps; t++) {
                X.set(i, t, 0, (float) ys[t]);     // ys[:, :-1]
                y.set(i, t, 0, (float) ys[t + 1]); // ys[:, 1:]
            }
        }
        return new SeriesBatch(X, y);
    }

    private static void checkSteps(int n_steps) {
        if (n_steps < 1) throw new IllegalArgumentException("n_steps must be >= 1, got " + n_steps);
    }
}
