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
 */
public enum CellType {
    BASIC,
    LSTM,
    GRU;

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

    /** The sizes of this cell's work arrays and parameters, for {@link MemoryEstimate}. */
    public CellKind kind() {
        return switch (this) {
            case BASIC -> CellKind.BASIC;
            case LSTM -> CellKind.LSTM;
            case GRU -> CellKind.GRU;
        };
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

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
