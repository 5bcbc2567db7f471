package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * The seed's layer of recurrent neurons unrolled by hand through two time steps:
 * <pre>
 *   Y0 = tanh(X0·Wx + b)
 *   Y1 = tanh(Y0·Wy + X1·Wx + b)
 * </pre>
 * with Wx (n_inputs × n_neurons), Wy (n_neurons × n_neurons) and b (1 × n_neurons).
 */
public class BasicRNN {
    public final FMatrixRMaj Wx;
    public final FMatrixRMaj Wy;
    public final FMatrixRMaj b;

    /** Wx then Wy from {@code tf.random_normal}, in that order, and b = 0, as the seed builds them. */
    public BasicRNN(int n_inputs, int n_neurons, Init init) {
        this(init.randomNormal(n_inputs, n_neurons), init.randomNormal(n_neurons, n_neurons),
                Init.zeros(1, n_neurons));
    }

    /** The layer of the given weights (copied); their shapes are checked. */
    public BasicRNN(FMatrixRMaj Wx, FMatrixRMaj Wy, FMatrixRMaj b) {
        RecurrentCell.fromWeights(Wx, Wy, b); // checks the shapes
        this.Wx = Wx.copy();
        this.Wy = Wy.copy();
        this.b = b.copy();
    }

    /** Feeds X0 (t = 0) and X1 (t = 1), each m × n_inputs, and returns Y0 and Y1. */
    public TwoSteps run(FMatrixRMaj X0, FMatrixRMaj X1) {
        RecurrentCell cell = RecurrentCell.fromWeights(Wx, Wy, b);
        if (X1.numRows != X0.numRows) {
            throw new IllegalArgumentException("X0 and X1 must hold the same instances but X0 has "
                    + X0.numRows + " rows and X1 has " + X1.numRows);
        }
        // Y(-1) = 0, so the first step is Y0 = tanh(X0·Wx + 0·Wy + b)
        FMatrixRMaj Y0 = cell.step(X0, cell.zeroState(X0.numRows).output());
        FMatrixRMaj Y1 = cell.step(X1, Y0);
        return new TwoSteps(Y0, Y1);
    }
}
