package rnn.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import rnn.Activation;
import rnn.Cell;
import rnn.GRUCell;
import rnn.Init;
import rnn.LSTMCell;
import rnn.MultiRNNCell;
import rnn.RecurrentCell;

/**
 * The kind of recurrent cell an {@link ImageRNN} is built from, as the command line's {@code --cell} names it:
 * the chapter's basic cell, {@code BasicLSTMCell} or {@code GRUCell}. Each knows how the chapter builds its MNIST
 * classifier: a basic stack feeds every layer's final state to the dense layer (the deep RNN's
 * {@code states_concat}), an LSTM or GRU stack only the top layer's final h ({@code top_layer_h_state}).
 *
 * <p>Each also knows the sizes of what the fast path allocates for it, so that a model's memory can be counted
 * before it is built ({@link MemoryEstimate}). With n = n_neurons, per sequence and per step a layer holds, besides
 * its outputs and their gradient in {@link rnn.fast.Buffers} (2·n) and its row of ones (1):
 * <pre>
 *   BASIC  dZ                                              n
 *   LSTM   gates 4n, c n, tanh(c) n (the unroll);          6n
 *          dZ 4n, h(t−1) n (BPTT)                        + 5n,  and dc(t+1) n per sequence
 *   GRU    [r u] 2n, candidate n, h(t−1) n, r ⊙ h(t−1) n; 5n
 *          d[z_r z_u] 2n, d(candidate) n (BPTT)          + 3n,  and d(r ⊙ h(t−1)) n per sequence
 * </pre>
 * (the arrays of rnn.fast's FastRecurrentCell, FastLSTMCell and FastGRUCell, which rnn.fast's CellTypeSizesTest
 * reads off their fields after a training step; change them together).
 * Parameters: W = [Wx; Wh] of (n_inputs + n) × g·n and b of g·n with g = 1, 4 and 3 gates' worth (a GRU's in two
 * matrices, W_ru of 2n columns and W_c of n), an LSTM's peepholes 3n more.
 */
public enum CellType {
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

    CellType(int gates, int forwardPerStep, int backwardPerStep, int perSequence, int widest) {
        this.gates = gates;
        this.forwardPerStep = forwardPerStep;
        this.backwardPerStep = backwardPerStep;
        this.perSequence = perSequence;
        this.widest = widest;
    }

    /** The cell type named {@code name} ("basic", "lstm" or "gru", any case), or an error that lists them. */
    public static CellType named(String name) {
        for (CellType type : values()) {
            if (type.toString().equals(name == null ? "" : name.trim().toLowerCase(Locale.ROOT))) return type;
        }
        throw new IllegalArgumentException("cell must be basic, lstm or gru but was given '" + name + "'");
    }

    /** Whether the cell has an activation to choose: only the basic cell (the gates' σ and tanh are fixed). */
    public boolean hasActivation() {
        return this == BASIC;
    }

    /** The type of {@code cell}, one layer (not a {@link MultiRNNCell}) of the fast path. */
    public static CellType of(Cell cell) {
        if (cell instanceof RecurrentCell) return BASIC;
        if (cell instanceof LSTMCell) return LSTM;
        if (cell instanceof GRUCell) return GRU;
        throw new IllegalArgumentException("no fast path for cells of type " + cell.getClass().getName());
    }

    /** What the chapter feeds its dense layer with a stack of these cells. */
    public DenseInput denseInput() {
        return this == BASIC ? DenseInput.ALL_LAYERS : DenseInput.TOP_LAYER;
    }

    /**
     * n_layers cells of n_neurons, drawn from {@code init} bottom first: the cell itself for one layer, else a
     * {@link MultiRNNCell}. {@code activation} is the basic cell's and must be tanh for the gated cells.
     */
    public Cell stack(int n_inputs, int n_layers, int n_neurons, Activation activation, Init init) {
        if (!hasActivation() && activation != Activation.TANH) {
            throw new IllegalArgumentException("the activation of a " + this + " cell is fixed (σ gates, tanh "
                    + "candidate) but was given " + activation);
        }
        if (n_layers < 1) {
            throw new IllegalArgumentException("a stack needs n_layers >= 1 but was given n_layers = " + n_layers);
        }
        if (this == BASIC) {
            return n_layers == 1 ? new RecurrentCell(n_inputs, n_neurons, activation, init)
                    : MultiRNNCell.basic(n_inputs, n_layers, n_neurons, activation, init);
        }
        List<Cell> layers = new ArrayList<>();
        for (int l = 0; l < n_layers; l++) {
            int layer_inputs = l == 0 ? n_inputs : n_neurons;
            layers.add(this == LSTM ? new LSTMCell(layer_inputs, n_neurons, init)
                    : new GRUCell(layer_inputs, n_neurons, init));
        }
        return n_layers == 1 ? layers.get(0) : new MultiRNNCell(layers);
    }

    /** The MNIST classifier of the chapter over these cells: n_steps rows of n_inputs, n_outputs logits. */
    public ImageRNN imageRNN(int n_steps, int n_inputs, int n_layers, int n_neurons, Activation activation,
                             int n_outputs, Init init) {
        return new ImageRNN(n_steps, stack(n_inputs, n_layers, n_neurons, activation, init), n_outputs, denseInput(),
                init);
    }

    /** The parameters of a cell of this type without peepholes: (n_inputs + n)·g·n + g·n. */
    public long parameters(int n_inputs, int n_neurons) {
        return ((long) n_inputs + n_neurons + 1) * gates * n_neurons;
    }

    /**
     * The floats one sequence's step takes in a layer of this type during training: its outputs and their gradient,
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

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
