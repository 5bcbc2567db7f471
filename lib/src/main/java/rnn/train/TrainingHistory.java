package rnn.train;

import java.util.ArrayList;
import java.util.List;
import rnn.plot.LineChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.api.Table;

/**
 * One row per finished epoch, in a Tablesaw {@link Table} with columns {@code epoch},
 * {@code cost}, {@code train_accuracy}, {@code validation_accuracy} (NaN when training had no validation set),
 * {@code test_accuracy} and {@code seconds}: print it, write it to CSV, or plot it.
 */
public final class TrainingHistory {
    private final Table table = Table.create("Training history",
            IntColumn.create("epoch"),
            DoubleColumn.create("cost"),
            DoubleColumn.create("train_accuracy"),
            DoubleColumn.create("validation_accuracy"),
            DoubleColumn.create("test_accuracy"),
            DoubleColumn.create("seconds"));

    public TrainingHistory() {
        // Printed rounded: cost to 9 decimals, as the seed prints it; accuracies to 4 (the test set's resolution); seconds to 1.
        table.doubleColumn("cost").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(9));
        table.doubleColumn("train_accuracy").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        table.doubleColumn("validation_accuracy").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        table.doubleColumn("test_accuracy").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        table.doubleColumn("seconds").setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
    }

    /** Appends one epoch's row. */
    public void add(EpochResult r) {
        table.intColumn("epoch").append(r.epoch());
        table.doubleColumn("cost").append(r.cost());
        table.doubleColumn("train_accuracy").append(r.train_accuracy());
        table.doubleColumn("validation_accuracy").append(r.validation_accuracy());
        table.doubleColumn("test_accuracy").append(r.test_accuracy());
        table.doubleColumn("seconds").append(r.seconds());
    }

    /** A copy of the table, so changing it leaves the history alone. */
    public Table table() {
        return table.copy();
    }

    /** How many epochs are recorded. */
    public int size() {
        return table.rowCount();
    }

    /** The rows as records, in epoch order. */
    public List<EpochResult> epochs() {
        List<EpochResult> epochs = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) epochs.add(row(row));
        return epochs;
    }

    /** The latest epoch. */
    public EpochResult last() {
        requireEpochs();
        return row(table.rowCount() - 1);
    }

    /** A history is filled by {@link Trainer#fit}: an empty one is a notebook's cells run out of order. */
    private void requireEpochs() {
        if (table.rowCount() == 0) {
            throw new IllegalStateException("the history is empty: no epoch has finished; run the training"
                    + " (Trainer.fit, the training cell of a notebook) first");
        }
    }

    private EpochResult row(int row) {
        return new EpochResult(
                table.intColumn("epoch").getInt(row),
                table.doubleColumn("cost").getDouble(row),
                table.doubleColumn("train_accuracy").getDouble(row),
                table.doubleColumn("validation_accuracy").getDouble(row),
                table.doubleColumn("test_accuracy").getDouble(row),
                table.doubleColumn("seconds").getDouble(row));
    }

    /** The mean cost of each epoch. */
    public LineChart costPlot() {
        requireEpochs();
        return LineChart.of("Cost per epoch", table, "epoch", "cost");
    }

    /** The legend's names of the accuracy plot's lines: what each one measures. */
    static final String LAST_BATCH = "training batch"; // the epoch's last; the legend has room for about 14 characters
    static final String VALIDATION = "validation set";
    static final String TEST = "test set";

    /**
     * The accuracy after each epoch on the last training batch (the seed's {@code acc_train}), on the validation set
     * (when training had one) and on the test set, each line named in the legend for what it measures.
     */
    public LineChart accuracyPlot() {
        requireEpochs();
        Table named = Table.create("Accuracy", table.intColumn("epoch").copy(),
                table.doubleColumn("train_accuracy").copy().setName(LAST_BATCH));
        boolean validated = epochs().stream().anyMatch(EpochResult::hasValidation);
        if (validated) named.addColumns(table.doubleColumn("validation_accuracy").copy().setName(VALIDATION));
        named.addColumns(table.doubleColumn("test_accuracy").copy().setName(TEST));
        String[] lines = validated ? new String[] {LAST_BATCH, VALIDATION, TEST} : new String[] {LAST_BATCH, TEST};
        return LineChart.of("Accuracy per epoch", named, "epoch", lines).yTitle("accuracy");
    }

    /** The whole table as Tablesaw prints it. */
    @Override
    public String toString() {
        return table.printAll();
    }
}
