package rnn.fast;

import rnn.Cell;
import rnn.GRUCell;
import rnn.LSTMCell;
import rnn.RecurrentCell;

/** The fast path of each kind of teaching cell: where a new cell's fast version is named. */
public final class FastCells {
    private FastCells() {
    }

    /** A fast version of {@code cell} with work arrays for {@code capacity} sequences of n_steps. */
    public static FastCell of(Cell cell, int n_steps, int capacity) {
        if (cell instanceof RecurrentCell basic) {
            return new FastRecurrentCell(basic, n_steps, capacity);
        }
        if (cell instanceof LSTMCell lstm) {
            return new FastLSTMCell(lstm, n_steps, capacity);
        }
        if (cell instanceof GRUCell gru) {
            return new FastGRUCell(gru, n_steps, capacity);
        }
        throw new IllegalArgumentException("no fast path for cells of type " + cell.getClass().getName());
    }
}
