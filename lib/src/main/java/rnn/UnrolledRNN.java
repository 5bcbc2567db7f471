package rnn;

/**
 * What {@link StaticRNN} and {@link DynamicRNN} share: a {@link Cell} unrolled through n_steps time steps of an
 * input X of shape [batch, n_steps, n_inputs], from the cell's zero state.
 */
public abstract sealed class UnrolledRNN permits StaticRNN, DynamicRNN {
    private final int n_steps;
    private final Cell cell;

    UnrolledRNN(int n_steps, Cell cell) {
        if (n_steps < 1) {
            throw new IllegalArgumentException("n_steps must be >= 1 but was given " + n_steps);
        }
        if (cell == null) {
            throw new IllegalArgumentException("an RNN needs a cell but was given null");
        }
        this.n_steps = n_steps;
        this.cell = cell;
    }

    public Cell cell() {
        return cell;
    }

    public int n_steps() {
        return n_steps;
    }

    /** outputs [batch, n_steps, n_neurons] and the final states for X [batch, n_steps, n_inputs]. */
    public abstract RnnOutput run(Tensor3 X);

    void checkInput(Tensor3 X) {
        Shapes.checkInput(X, n_steps, cell.n_inputs(), getClass().getSimpleName());
    }
}
