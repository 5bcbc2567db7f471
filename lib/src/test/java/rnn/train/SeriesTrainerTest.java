package rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import rnn.Activation;
import rnn.Init;
import rnn.model.TimeSeriesRNN;
import rnn.series.TimeSeries;
import tech.tablesaw.api.Table;

class SeriesTrainerTest {

    @Test
    void printsAsTheChapterPrints() {
        assertEquals("0 \tMSE: 13.907029", SeriesTrainer.format(0, 13.907029f));
        assertEquals("1400 \tMSE: 0.041784383", SeriesTrainer.format(1400, 0.041784383f));
    }

    @Test
    void printsEveryHundredIterationsTheMseAfterTheStep() {
        TimeSeriesRNN model = new TimeSeriesRNN(20, 1, 16, 1, Activation.RELU, new Init(2));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Table history = new SeriesTrainer(201, 10, 0.01f).fit(model, new TimeSeries(2),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        for (int k = 0; k < 3; k++) {
            assertTrue(lines[k].matches(k * 100 + " \tMSE: \\d+\\.\\d+"), lines[k]);
            assertEquals(k * 100, history.intColumn("iteration").getInt(k));
            assertEquals(Float.parseFloat(lines[k].substring(lines[k].indexOf(':') + 2)),
                    (float) history.doubleColumn("mse").getDouble(k), 0f);
        }
        double first = history.doubleColumn("mse").getDouble(0);
        double last = history.doubleColumn("mse").getDouble(2);
        assertTrue(last < first / 4, "the MSE falls: " + first + " then " + last);
    }

    @Test
    void aRunThrownOutByTooLargeStepsIsStoppedAtTheFirstPrintedLine() {
        TimeSeriesRNN model = new TimeSeriesRNN(20, 1, 100, 1, Activation.RELU, new Init(42));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> new SeriesTrainer(1500, 50, 0.1f)
                .fit(model, new TimeSeries(42), new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        // measured: a block mean near 10¹⁶ against targets' variance near 19 (SeriesDivergence's Javadoc)
        assertTrue(e.getMessage().matches("training stopped at iteration 100 of 1500: training diverged: the mean batch"
                + " MSE of the last 100 iterations is \\d\\.\\d{3}e\\+1[4-7], above 10 × 1\\d\\.\\d{2}, 10 times"
                + " the variance of their targets \\(the MSE of predicting their mean\\); try a smaller learning rate"
                + " than 0.1 \\(the chapter's is 0.001\\)"), e.getMessage());
        assertEquals("0 \tMSE: ", bytes.toString(StandardCharsets.UTF_8).substring(0, 8)); // only iteration 0 printed
        assertEquals(1, bytes.toString(StandardCharsets.UTF_8).split("\n").length);
    }

    @Test
    void aRunWhoseSecondBatchScoresFourHundredTimesTheVarianceButRecoversIsNotStopped() {
        // learning rate 0.03: batch 1's MSE is 422 times its targets' variance, the block's mean 4.3 times
        TimeSeriesRNN model = new TimeSeriesRNN(20, 1, 100, 1, Activation.RELU, new Init(42));
        Table history = new SeriesTrainer(1500, 50, 0.03f).fit(model, new TimeSeries(42), null);
        assertEquals(15, history.rowCount());
        assertTrue(history.doubleColumn("mse").getDouble(14) < 0.1, history.print());
    }

    @Test
    void aLearningRateThatIsNotAPositiveFiniteNumberIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeriesTrainer(10, 5, (float) 1e-50));
        assertEquals("learning_rate must be a positive finite number, got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeriesTrainer(10, 5, Float.NaN));
    }

    @Test
    void theTargetsVarianceIsTheMseOfPredictingTheirMean() {
        assertEquals(1.25, SeriesDivergence.variance(new float[] {1, 2, 3, 4}), 1e-12); // mean 2.5: (2.25+0.25)·2/4
    }
}
