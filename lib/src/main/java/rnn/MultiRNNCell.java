package rnn;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * A stack of cells used as one, TF's {@code tf.contrib.rnn.MultiRNNCell(cells)}: at each time step the bottom layer
 * reads X(t), and layer l reads the output of layer l − 1 at the same step,
 * <pre>
 *   Y₀(t) = cell₀(X(t),      state₀(t−1))
 *   Yₗ(t) = cellₗ(Yₗ₋₁(t),   stateₗ(t−1))     l = 1 … n_layers − 1
 * </pre>
 * and the stack's output is the top layer's. Its state holds every layer's parts, bottom layer first (TF's tuple
 * of the layers' states, flattened): for basic cells one m × n_neurons matrix per layer, each layer's output.
 * Since the top layer's output comes last, {@link CellState#output()} is the stack's output Y(t).
 *
 * <p>{@link DynamicRNN} and {@link StaticRNN} unroll it as any cell; with sequence_length every layer of an instance
 * stops at the same step, its state carried unchanged from there.
 */
public final class MultiRNNCell implements Cell {
    private final List<Cell> cells;
    /** How many parts each layer's state has (1 for a basic cell, 2 for an LSTM's (c, h)). */
    private final int[] partCounts;

    public MultiRNNCell(List<? extends Cell> cells) {
        if (cells == null || cells.isEmpty()) {
            throw new IllegalArgumentException("a MultiRNNCell needs at least one cell but was given "
                    + (cells == null ? "null" : "none"));
        }
        for (int l = 1; l < cells.size(); l++) {
            if (cells.get(l).n_inputs() != cells.get(l - 1).n_neurons()) {
                throw new IllegalArgumentException("layer " + l + " reads the outputs of layer " + (l - 1)
                        + ", so it needs n_inputs = " + cells.get(l - 1).n_neurons() + ", but its n_inputs is "
                        + cells.get(l).n_inputs());
            }
        }
        this.cells = List.copyOf(cells);
        this.partCounts = new int[cells.size()];
        for (int l = 0; l < partCounts.length; l++) partCounts[l] = this.cells.get(l).zeroState(0).parts().size();
    }

    public static MultiRNNCell of(Cell... cells) {
        return new MultiRNNCell(List.of(cells));
    }

    /**
     * The chapter's {@code [BasicRNNCell(num_units=n_neurons, activation=activation) for layer in range(n_layers)]}:
     * n_layers basic cells of n_neurons, drawn from {@code init} bottom first.
     */
    public static MultiRNNCell basic(int n_inputs, int n_layers, int n_neurons, Activation activation, Init init) {
        if (n_layers < 1) {
            throw new IllegalArgumentException("a stack needs n_layers >= 1 but was given n_layers = " + n_layers);
        }
        List<Cell> layers = new ArrayList<>();
        for (int l = 0; l < n_layers; l++) {
            layers.add(new RecurrentCell(l == 0 ? n_inputs : n_neurons, n_neurons, activation, init));
        }
        return new MultiRNNCell(layers);
    }

    /** The layers, bottom first. */
    public List<Cell> cells() {
        return cells;
    }

    public int n_layers() {
        return cells.size();
    }

    /** The bottom layer's inputs. */
    @Override
    public int n_inputs() {
        return cells.get(0).n_inputs();
    }

    /** The top layer's neurons: the width of the stack's output. */
    @Override
    public int n_neurons() {
        return cells.get(cells.size() - 1).n_neurons();
    }

    /** Every layer's zero state, in layer order. */
    @Override
    public CellState zeroState(int m) {
        List<FMatrixRMaj> parts = new ArrayList<>();
        for (Cell cell : cells) parts.addAll(cell.zeroState(m).parts());
        return new CellState(parts);
    }

    /** One step up the stack: each layer steps on the output of the one below, from its own state at t−1. */
    @Override
    public CellState step(FMatrixRMaj X_t, CellState state) {
        List<CellState> previous = layerStates(state);
        List<FMatrixRMaj> parts = new ArrayList<>();
        FMatrixRMaj input = X_t;
        for (int l = 0; l < cells.size(); l++) {
            CellState next = cells.get(l).step(input, previous.get(l));
            parts.addAll(next.parts());
            input = next.output();
        }
        return new CellState(parts);
    }

    /** The stack's state cut into each layer's, bottom first (TF's tuple {@code states}). */
    public List<CellState> layerStates(CellState state) {
        int expected = 0;
        for (int count : partCounts) expected += count;
        if (state.parts().size() != expected) {
            throw new IllegalArgumentException("the state of this " + cells.size() + "-layer stack has " + expected
                    + " parts but was given " + state.parts().size());
        }
        List<CellState> layers = new ArrayList<>(cells.size());
        int from = 0;
        for (int count : partCounts) {
            layers.add(new CellState(state.parts().subList(from, from + count)));
            from += count;
        }
        return layers;
    }

    /**
     * Every layer's output part side by side, m × Σ n_neurons: for layers of basic cells (whose state is their
     * output) the chapter's {@code states_concat = tf.concat(axis=1, values=states)}.
     */
    public FMatrixRMaj outputsConcatenated(CellState state) {
        FMatrixRMaj[] outputs = layerStates(state).stream().map(CellState::output).toArray(FMatrixRMaj[]::new);
        return CommonOps_FDRM.concatColumnsMulti(outputs);
    }

    /** Every layer's parameters, bottom layer first. */
    @Override
    public List<FMatrixRMaj> parameters() {
        List<FMatrixRMaj> all = new ArrayList<>();
        for (Cell cell : cells) all.addAll(cell.parameters());
        return List.copyOf(all);
    }

    /** Each layer's names with its index, TF's {@code cell_0}, {@code cell_1}, …: W_0, b_0, W_1, b_1, … */
    @Override
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < cells.size(); l++) {
            for (String name : cells.get(l).parameterNames()) names.add(name + "_" + l);
        }
        return List.copyOf(names);
    }
}
