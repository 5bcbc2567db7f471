package rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
