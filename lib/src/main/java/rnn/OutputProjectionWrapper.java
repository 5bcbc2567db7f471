package rnn;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.FMatrixRMaj;

/**
 * TF's {@code tf.contrib.rnn.OutputProjectionWrapper(cell, output_size)}: a cell whose output at every time step is
 * the wrapped cell's output projected through a dense layer with no activation,
 * <pre>
 *   h(t)       = the wrapped cell's output at t (e.g. f(X(t)·Wx + h(t−1)·Wy + b))
 *   outputs(t) = h(t)·W_projection + b_projection
 * </pre>
 * The recurrence runs on the wrapped cell's state alone: the projection never feeds back. As this library's
 * {@link CellState} ends with the output, the wrapper's state is the wrapped cell's state with the projected output
 * appended as its last part; {@link #wrappedState} gives back the wrapped cell's state (TF's {@code states}).
 */
public final class OutputProjectionWrapper implements Cell {
    private final Cell cell;
    private final Dense projection;

    /** The wrapper of TF: a fresh projection of {@code output_size} outputs, drawn from {@code init} (Glorot, b = 0). */
    public OutputProjectionWrapper(Cell cell, int output_size, Init init) {
        this(checkCell(cell), new Dense(cell.n_neurons(), output_size, init));
    }

    /** A wrapper around {@code cell} with a given projection (shared, not copied), n_neurons × output_size. */
    public OutputProjectionWrapper(Cell cell, Dense projection) {
        checkCell(cell);
        if (projection == null || projection.n_in() != cell.n_neurons()) {
            throw new IllegalArgumentException("the projection must take the cell's n_neurons = " + cell.n_neurons()
                    + " inputs but " + (projection == null ? "is null" : "takes n_in = " + projection.n_in()));
        }
        this.cell = cell;
        this.projection = projection;
    }

    private static Cell checkCell(Cell cell) {
        if (cell == null) {
            throw new IllegalArgumentException("OutputProjectionWrapper needs a cell to wrap but was given null");
        }
        return cell;
    }

    public Cell wrapped() {
        return cell;
    }

    public Dense projection() {
        return projection;
    }

    @Override
    public int n_inputs() {
        return cell.n_inputs();
    }

    /** The width of the wrapper's output: output_size (TF's {@code output_size}), not the wrapped cell's n_neurons. */
    @Override
    public int n_neurons() {
        return projection.n_out();
    }

    @Override
    public CellState zeroState(int m) {
        return withOutput(cell.zeroState(m), new FMatrixRMaj(m, n_neurons()));
    }

    /** The wrapped cell's step on its own state, then its output projected: h(t)·W_projection + b_projection. */
    @Override
    public CellState step(FMatrixRMaj X_t, CellState state) {
        CellState next = cell.step(X_t, wrappedState(state));
        return withOutput(next, projection.forward(next.output()));
    }

    /** The wrapped cell's state inside a state of this wrapper: every part but the last (the projected output). */
    public CellState wrappedState(CellState state) {
        int parts = state.parts().size();
        if (parts < 2) {
            throw new IllegalArgumentException("a state of OutputProjectionWrapper has the wrapped cell's parts and the"
                    + " projected output, so at least 2 parts, but was given " + parts);
        }
        return new CellState(state.parts().subList(0, parts - 1));
    }

    private static CellState withOutput(CellState wrapped, FMatrixRMaj output) {
        List<FMatrixRMaj> parts = new ArrayList<>(wrapped.parts());
        parts.add(output);
        return new CellState(parts);
    }

    /** The wrapped cell's parameters, then the projection's W_projection and b_projection. */
    @Override
    public List<FMatrixRMaj> parameters() {
        List<FMatrixRMaj> all = new ArrayList<>(cell.parameters());
        all.add(projection.W());
        all.add(projection.b());
        return List.copyOf(all);
    }

    @Override
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>(cell.parameterNames());
        names.add("W_projection");
        names.add("b_projection");
        return List.copyOf(names);
    }
}
