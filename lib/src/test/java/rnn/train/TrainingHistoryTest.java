package rnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rnn.plot.LineChart;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class TrainingHistoryTest {
    private static final EpochResult FIRST = new EpochResult(1, 0.512163897, 0.94666666, 0.9265, 31.25);
    private static final EpochResult SECOND = new EpochResult(2, 0.206084174, 0.96, 0.9477, 30.5);

    private static TrainingHistory twoEpochs() {
        TrainingHistory history = new TrainingHistory();
        history.add(FIRST);
        history.add(SECOND);
        return history;
    }

    @Test
    void tableHasOneTypedColumnPerField() {
        Table table = twoEpochs().table();
        assertEquals(List.of("epoch", "cost", "train_accuracy", "validation_accuracy", "test_accuracy", "seconds"),
                table.columnNames());
        assertTrue(Double.isNaN(table.doubleColumn("validation_accuracy").getDouble(0))); // trained without one
        assertEquals(ColumnType.INTEGER, table.column("epoch").type());
        assertEquals(ColumnType.DOUBLE, table.column("cost").type());
        assertEquals(2, table.rowCount());
        assertEquals(2, table.intColumn("epoch").getInt(1));
        assertEquals(0.9265, table.doubleColumn("test_accuracy").getDouble(0), 0.0);
        assertEquals(30.5, table.doubleColumn("seconds").getDouble(1), 0.0);
    }

    @Test
    void printsCostToNineDecimalsAccuraciesToFourAndSecondsToOne() {
        String printed = twoEpochs().table().print();
        assertTrue(printed.contains("0.512163897"), printed);
        assertTrue(printed.contains("0.9467"), printed);
        assertTrue(printed.contains("0.9265"), printed);
        assertTrue(printed.contains("31.3") || printed.contains("31.2"), printed);
        assertFalse(printed.contains("0.94666666"), printed);
    }

    @Test
    void recordsComeBackUnchanged() {
        TrainingHistory history = twoEpochs();
        assertEquals(List.of(FIRST, SECOND), history.epochs());
        assertEquals(SECOND, history.last());
        history.table().dropRows(0); // a copy: the history keeps its rows
        assertEquals(2, history.size());
    }

    @Test
    void plotsCostAndBothAccuraciesPerEpoch() {
        TrainingHistory history = twoEpochs();
        LineChart cost = history.costPlot();
        assertEquals("epoch", cost.xColumn());
        assertEquals(List.of("cost"), cost.yColumns());
        assertArrayEquals(new double[] {1, 2}, cost.x());
        assertArrayEquals(new double[] {0.512163897, 0.206084174}, cost.y("cost"));
        LineChart accuracy = history.accuracyPlot();
        assertEquals(List.of("training batch", "test set"), accuracy.yColumns());
        assertArrayEquals(new double[] {0.94666666, 0.96}, accuracy.y("training batch"));
        assertArrayEquals(new double[] {0.9265, 0.9477}, accuracy.y("test set"));
        assertEquals("accuracy", accuracy.yAxisTitle());
        assertEquals("epoch", accuracy.xColumn());
    }

    @Test
    void plotsTheValidationAccuracyWhenTrainingMeasuredIt() {
        TrainingHistory history = new TrainingHistory();
        EpochResult first = new EpochResult(1, 0.563187927, 0.94, 0.9204, 0.9162, 2.1);
        EpochResult second = new EpochResult(2, 0.21, 0.96, 0.9478, 0.9449, 2.0);
        history.add(first);
        history.add(second);
        assertEquals(List.of(first, second), history.epochs());
        assertEquals(0.9204, history.table().doubleColumn("validation_accuracy").getDouble(0), 0.0);
        assertTrue(history.table().print().contains("0.9478"), history.table().print());
        LineChart accuracy = history.accuracyPlot();
        assertEquals(List.of("training batch", "validation set", "test set"), accuracy.yColumns());
        assertArrayEquals(new double[] {0.9204, 0.9478}, accuracy.y("validation set"));
        assertArrayEquals(new double[] {0.9162, 0.9449}, accuracy.y("test set"));
        assertEquals("accuracy", accuracy.yAxisTitle());
        assertTrue(accuracy.svg().contains(">accuracy</text>"), "the y axis's title in the picture");
    }

    @Test
    void emptyHistoryHasNoLast() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TrainingHistory().last());
        assertEquals("the history is empty: no epoch has finished; run the training (Trainer.fit, the training cell of"
                + " a notebook) first", e.getMessage());
        assertEquals(0, new TrainingHistory().epochs().size());
        // a plot of no epochs would be an empty frame with NaN axes: say what to run instead
        assertEquals(e.getMessage(), assertThrows(IllegalStateException.class,
                () -> new TrainingHistory().costPlot()).getMessage());
        assertEquals(e.getMessage(), assertThrows(IllegalStateException.class,
                () -> new TrainingHistory().accuracyPlot()).getMessage());
    }

    @Test
    void printsAsATable() {
        String text = twoEpochs().toString();
        assertTrue(text.contains("Training history"), text);
        assertTrue(text.contains("train_accuracy"), text);
        assertTrue(text.contains("0.206084174"), text);
        assertEquals(2 + 3, text.split("\n").length, text); // title, header, rule, two rows
    }
}
