package rnn;

import java.util.Random;

import org.ejml.data.FMatrixRMaj;

/**
 * Seeded initialisers, the counterpart of TF 1.x's {@code tf.set_random_seed(1)}: one
 * {@link Random} consumed in call order, so the same seed and the same sequence of calls give
 * the same numbers on every run and every JVM. (The numbers are not TF's: TF uses Philox.)
 */
public final class Init {
    private final Random random;

    public Init(long seed) {
        this.random = new Random(seed);
    }

    /** {@code tf.random_normal(shape=[rows, cols])}: mean 0, stddev 1, filled row by row. */
    public FMatrixRMaj randomNormal(int rows, int cols) {
        FMatrixRMaj m = new FMatrixRMaj(checkRows(rows), checkCols(cols));
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (float) random.nextGaussian();
        }
        return m;
    }

    /**
     * Glorot (Xavier) uniform, TF's default kernel initialiser of {@code BasicRNNCell}: uniform in
     * [-limit, limit) with limit = sqrt(6 / (fan_in + fan_out)); shape fan_in × fan_out.
     */
    public FMatrixRMaj glorotUniform(int fan_in, int fan_out) {
        FMatrixRMaj m = new FMatrixRMaj(checkRows(fan_in), checkCols(fan_out));
        double limit = Math.sqrt(6.0 / (fan_in + fan_out));
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (float) (limit * (2 * random.nextDouble() - 1));
        }
        return m;
    }

    /**
     * Glorot uniform of a 1-D variable of shape [n], as TF 1.x counts its fans (fan_in = fan_out = n): uniform in
     * [-limit, limit) with limit = sqrt(3 / n), as a 1 × n row. An LSTM's peephole weights start so.
     */
    public FMatrixRMaj glorotUniformVector(int n) {
        FMatrixRMaj m = new FMatrixRMaj(1, checkCols(n));
        double limit = Math.sqrt(3.0 / n);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = (float) (limit * (2 * random.nextDouble() - 1));
        }
        return m;
    }

    /** {@code tf.constant_initializer(value)} on a rows × cols matrix, e.g. a GRU's gate bias of 1.0. */
    public static FMatrixRMaj constant(int rows, int cols, float value) {
        FMatrixRMaj m = new FMatrixRMaj(checkRows(rows), checkCols(cols));
        java.util.Arrays.fill(m.data, value);
        return m;
    }

    /** {@code tf.zeros([rows, cols])}. */
    public static FMatrixRMaj zeros(int rows, int cols) {
        return new FMatrixRMaj(checkRows(rows), checkCols(cols));
    }

    private static int checkRows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("a matrix needs rows >= 0 but was given rows = " + rows);
        }
        return rows;
    }

    private static int checkCols(int cols) {
        if (cols < 0) {
            throw new IllegalArgumentException("a matrix needs cols >= 0 but was given cols = " + cols);
        }
        return cols;
    }
}
