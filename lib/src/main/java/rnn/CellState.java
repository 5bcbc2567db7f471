package rnn;

import java.util.List;

import org.ejml.data.FMatrixRMaj;

/**
 * A cell's state for a mini-batch: one m × n_neurons matrix for the basic cell (its state is its output Y(t)),
 * more for cells that keep a memory apart from their output (an LSTM's (c, h)). The last part is the output.
 */
public record CellState(List<FMatrixRMaj> parts) {

    public CellState {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a cell state needs at least one matrix, its output, but was given "
                    + (parts == null ? "null" : "none"));
        }
        parts = List.copyOf(parts);
    }

    public static CellState of(FMatrixRMaj... parts) {
        return new CellState(List.of(parts));
    }

    /**
     * A cell's zero state, TF's {@code cell.zero_state(m, tf.float32)}: {@code parts} matrices of m × n_neurons zeros
     * (1 for the basic cell and the GRU, 2 for an LSTM's (c, h)).
     */
    public static CellState zeros(int parts, int m, int n_neurons) {
        if (m < 0) {
            throw new IllegalArgumentException("the batch size m must be >= 0 but was given m = " + m);
        }
        FMatrixRMaj[] zeros = new FMatrixRMaj[parts];
        for (int p = 0; p < parts; p++) zeros[p] = new FMatrixRMaj(m, n_neurons);
        return of(zeros);
    }

    /** The cell's output at this step, Y(t): the last part. */
    public FMatrixRMaj output() {
        return parts.get(parts.size() - 1);
    }

    /** How many instances the state holds (the rows of each part). */
    public int batch() {
        return output().numRows;
    }
}
