package rnn.model;

import rnn.Cell;
import rnn.GRUCell;
import rnn.LSTMCell;
import rnn.RecurrentCell;

/**
 * The kinds of recurrent cell the fast path runs, with the sizes of what each allocates, so that a model's memory can
 * be counted before it is built ({@code rnn.model.MemoryEstimate}). With n = n_neurons, per sequence and per step a
 * layer holds, besides its outputs and their gradient in {@link rnn.fast.Buffers} (2·n) and its row of ones (1):
 * <pre>
 *   BASIC  dZ                                              n
 *   LSTM   gates 4n, c n, tanh(c) n (the unroll);          6n
 *          dZ 4n, h(t−1) n (BPTT)                        + 5n,  and dc(t+1) n per sequence
 *   GRU    [r u] 2n, candidate n, h(t−1) n, r ⊙ h(t−1) n; 5n
 *          d[z_r z_u] 2n, d(candidate) n (BPTT)          + 3n,  and d(r ⊙ h(t−1)) n per sequence
 * </pre>
 * (the arrays of rnn.fast's FastRecurrentCell, FastLSTMCell and FastGRUCell, which CellKindTest reads off their fields
 * after a training step; change them together).
 * Parameters: W = [Wx; Wh] of (n_inputs + n) × g·n and b of g·n with g = 1, 4 and 3 gates' worth (a GRU's in two
 * matrices, W_ru of 2n columns and W_c of n), an LSTM's peepholes 3n more.
 */
public enum CellKind {
    BASIC(1, 1, 0, 0, 1),
    LSTM(4, 6, 5, 1, 4),
    GRU(3, 5, 3, 1, 2);

    /** How many n_neurons-wide blocks W and b have. */
    private final int gates;
    private final int forwardPerStep;
    private final int backwardPerStep;
    private final int perSequence;
    /** The columns of the widest weight matrix and of the widest per-step array, in units of n_neurons. */
    private final int widest;

    CellKind(int gates, int forwardPerStep, int backwardPerStep, int perSequence, int widest) {
        this.gates = gates;
        this.forwardPerStep = forwardPerStep;
        this.backwardPerStep = backwardPerStep;
        this.perSequence = perSequence;
        this.widest = widest;
    }

    /** The kind of {@code cell}. */
    public static CellKind of(Cell cell) {
        if (cell instanceof RecurrentCell) return BASIC;
        if (cell instanceof LSTMCell) return LSTM;
        if (cell instanceof GRUCell) return GRU;
        throw new IllegalArgumentException("no fast path for cells of type " + cell.getClass().getName());
    }

    /** The parameters of a cell of this kind without peepholes: (n_inputs + n)·g·n + g·n. */
    public long parameters(int n_inputs, int n_neurons) {
        return ((long) n_inputs + n_neurons + 1) * gates * n_neurons;
    }

    /**
     * The floats one sequence's step takes in a layer of this kind during training: its outputs and their gradient,
     * a one, and the fast cell's arrays of the unroll and of BPTT (the table above).
     */
    public long floatsPerStep(int n_neurons) {
        return (2L + forwardPerStep + backwardPerStep) * n_neurons + 1;
    }

    /** The floats per sequence that do not depend on n_steps (BPTT's carried gradient of a gated cell). */
    public long floatsPerSequence(int n_neurons) {
        return (long) perSequence * n_neurons;
    }

    /** The entries of the widest weight matrix: (n_inputs + n) × n, × 4n (an LSTM's W) or × 2n (a GRU's W_ru). */
    public long largestWeight(int n_inputs, int n_neurons) {
        return ((long) n_inputs + n_neurons) * widest * n_neurons;
    }

    /** The entries of the widest per-step array of {@code sequences} sequences: outputs, or an LSTM's gates, a GRU's [r u]. */
    public long largestBuffer(int sequences, int n_steps, int n_neurons) {
        return (long) sequences * n_steps * widest * n_neurons;
    }

    /** "W", or the name of the widest matrix: "W_ru" of a GRU. */
    public String largestWeightName() {
        return this == GRU ? "W_ru" : "W";
    }

    /** "the outputs", "the gates" or "[r u]", the array {@link #largestBuffer} counts. */
    public String largestBufferName() {
        return switch (this) {
            case BASIC -> "the outputs";
            case LSTM -> "the gates";
            case GRU -> "the gates [r u]";
        };
    }

    /** The number of blocks of n_neurons columns in {@link #largestWeight} (1, 4, 2). */
    public int widest() {
        return widest;
    }
}
