package rnn.fast;

import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * What the gradient checks of the fast path share: random inputs, the double-precision copy a reference forward pass
 * reads, central finite differences of its loss, and the error of an analytic gradient against them.
 */
final class GradientCheck {
    private GradientCheck() {
    }

    /** The values in double precision. */
    static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int k = 0; k < values.length; k++) d[k] = values[k];
        return d;
    }

    /** {@code size} draws of a standard normal from a Random seeded with {@code seed}. */
    static float[] gaussian(int size, long seed) {
        Random random = new Random(seed);
        float[] values = new float[size];
        for (int k = 0; k < size; k++) values[k] = (float) random.nextGaussian();
        return values;
    }

    /** max |analytic − numeric| / max |numeric|, the numeric gradient required to be far from 0. */
    static double relativeError(float[] analytic, double[] numeric) {
        double maxDiff = 0;
        double maxNumeric = 0;
        for (int k = 0; k < numeric.length; k++) {
            maxDiff = Math.max(maxDiff, Math.abs(analytic[k] - numeric[k]));
            maxNumeric = Math.max(maxNumeric, Math.abs(numeric[k]));
        }
        if (maxNumeric < 1e-3) throw new AssertionError("gradient too small to check: " + maxNumeric);
        return maxDiff / maxNumeric;
    }

    /** Central finite differences, (L(v + h) − L(v − h)) / 2h, of a loss over every entry of {@code values}. */
    static double[] centralDifferences(double[] values, DoubleSupplier loss) {
        double step = 1e-6;
        double[] numeric = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            double saved = values[k];
            values[k] = saved + step;
            double plus = loss.getAsDouble();
            values[k] = saved - step;
            double minus = loss.getAsDouble();
            values[k] = saved;
            numeric[k] = (plus - minus) / (2 * step);
        }
        return numeric;
    }
}
