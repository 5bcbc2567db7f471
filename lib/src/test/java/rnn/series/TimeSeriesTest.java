package rnn.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import rnn.Tensor3;

/** The chapter's series and batches; the expected numbers were computed with numpy from the chapter's code. */
class TimeSeriesTest {

    @Test
    void theSeriesIsTSinTOverThreePlusTwoSinFiveT() {
        assertEquals(-1.4020809571868729, TimeSeries.time_series(10.487123327726149), 1e-14);
        assertEquals(0.0, TimeSeries.time_series(0), 0.0);
    }

    @Test
    void thePlotTimesAreNumpysLinspaceOf300Points() {
        double[] t = TimeSeries.t();
        assertEquals(300, t.length);
        assertEquals(0.0, t[0], 0.0);
        assertEquals(0.10033444816053512, t[1], 1e-15);
        assertEquals(30.0, t[299], 0.0);
    }

    @Test
    void theTestInstanceStartsAt12Point2() {
        double[] t_instance = TimeSeries.t_instance(20);
        assertEquals(21, t_instance.length);
        assertEquals(12.305, t_instance[1], 1e-12); // linspace's step: 2.1 / 20
        assertEquals(14.299999999999999, t_instance[20], 0.0);
        SeriesBatch instance = TimeSeries.window(t_instance);
        assertEquals("(1, 20, 1)", instance.X().shapeString());
        assertEquals((float) -3.3890346211132227, instance.X().get(0, 0, 0), 0f);
        assertEquals((float) -2.9906280590503007, instance.y().get(0, 0, 0), 0f);
        assertEquals((float) 6.640720412703427, instance.X().get(0, 19, 0), 0f);
        assertEquals((float) 6.076564212126542, instance.y().get(0, 19, 0), 0f);
    }

    @Test
    void nextBatchTakesRandomWindowsWithTargetsOneStepAhead() {
        SeriesBatch batch = new TimeSeries(3).next_batch(50, 20);
        Tensor3 X = batch.X();
        Tensor3 y = batch.y();
        assertEquals("(50, 20, 1)", X.shapeString());
        assertEquals("(50, 20, 1)", y.shapeString());
        for (int i = 0; i < 50; i++) {
            for (int t = 0; t + 1 < 20; t++) assertEquals(X.get(i, t + 1, 0), y.get(i, t, 0), 0f, "y(t) = X(t + 1)");
        }
        double[] starts = new double[5];
        boolean different = false;
        for (int i = 0; i < 5; i++) {
            // find the window's start t0 in [0, 28) by its first two values
            starts[i] = startOf(X.get(i, 0, 0), X.get(i, 1, 0));
            different |= Math.abs(starts[i] - starts[0]) > 0.5;
        }
        assertTrue(different, "random windows, not one");
        assertArrayEquals(X.data(), new TimeSeries(3).next_batch(50, 20).X().data(), 0f, "the same seed, the same batch");
    }

    /** A start time in [0, 28) whose window begins with the values a, b (searched on a fine grid). */
    private static double startOf(float a, float b) {
        double best = -1;
        double bestError = Double.MAX_VALUE;
        for (int k = 0; k < 140_000; k++) {
            double t0 = k * 2e-4;
            double error = Math.abs(TimeSeries.time_series(t0) - a) + Math.abs(TimeSeries.time_series(t0 + 0.1) - b);
            if (error < bestError) {
                bestError = error;
                best = t0;
            }
        }
        assertTrue(bestError < 5e-3, "the window is a piece of the series: error " + bestError);
        return best;
    }

    @Test
    void theNaiveForecastRepeatsTheLastValue() {
        SeriesBatch instance = TimeSeries.window(TimeSeries.t_instance(20));
        Tensor3 forecast = NaiveForecast.predict(instance.X());
        assertArrayEquals(instance.X().data(), forecast.data(), 0f);
        double sum = 0;
        for (int t = 0; t < 20; t++) {
            double e = instance.X().get(0, t, 0) - instance.y().get(0, t, 0);
            sum += e * e;
        }
        assertEquals(sum / 20, NaiveForecast.mse(instance), 1e-6);
    }

    @Test
    void windowsThatDoNotFitAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TimeSeries(1).next_batch(5, 300));
        assertEquals("n_steps = 300 windows of 0.1 do not fit in [0.0, 30.0]", e.getMessage());
    }
}
