package rnn;

import java.util.List;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

import rnn.linalg.Gemm;

/**
 * A layer of n_neurons recurrent neurons, TF's {@code BasicRNNCell}:
 * <pre>
 *   Y(t) = f( X(t)·Wx + Y(t-1)·Wy + b )  =  f( [X(t) Y(t-1)]·W + b ),   W = [Wx; Wy]
 * </pre>
 * with the activation f = tanh (the seed's, and TF's default) or ReLU ({@link Activation}).
 * The parameters are TF's: the kernel W, (n_inputs + n_neurons) × n_neurons with the rows of Wx
 * first, and the bias b, 1 × n_neurons. Its state is its output: {@code CellState.of(Y)}.
 *
 * <p>This class is where the equation lives; {@code rnn.fast.FastRecurrentCell} runs it again on the training
 * loop's buffers, and the parity tests hold the two together.
 */
public final class RecurrentCell implements Cell {
    private final int n_inputs;
    private final int n_neurons;
    private final FMatrixRMaj W;
    private final FMatrixRMaj b;
    private final Activation activation;

    /** A tanh cell with W from Glorot uniform and b = 0, TF's defaults for {@code BasicRNNCell}. */
    public RecurrentCell(int n_inputs, int n_neurons, Init init) {
        this(n_inputs, n_neurons, Activation.TANH, init);
    }

    /** {@code BasicRNNCell(num_units=n_neurons, activation=activation)}: W Glorot uniform, b = 0. */
    public RecurrentCell(int n_inputs, int n_neurons, Activation activation, Init init) {
        this(checkSizes(n_inputs, n_neurons), n_neurons,
                init.glorotUniform(n_inputs + n_neurons, n_neurons), Init.zeros(1, n_neurons), activation);
    }

    private RecurrentCell(int n_inputs, int n_neurons, FMatrixRMaj W, FMatrixRMaj b, Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("a cell needs an activation (tanh or relu) but was given null");
        }
        this.n_inputs = n_inputs;
        this.n_neurons = n_neurons;
        this.W = W;
        this.b = b;
        this.activation = activation;
    }

    private static int checkSizes(int n_inputs, int n_neurons) {
        Shapes.checkCellSizes("a cell", n_inputs, n_neurons);
        Shapes.checkKernelFits("a cell", "W", n_inputs, n_neurons, 1);
        return n_inputs;
    }

    /** The cell of the seed's separate weights; the matrices are copied into W = [Wx; Wy] and b. */
    public static RecurrentCell fromWeights(FMatrixRMaj Wx, FMatrixRMaj Wy, FMatrixRMaj b) {
        int n_inputs = Wx.numRows;
        int n_neurons = Wx.numCols;
        checkSizes(n_inputs, n_neurons);
        Shapes.check("Wy", Wy, n_neurons, n_neurons, "n_neurons × n_neurons");
        Shapes.check("b", b, 1, n_neurons, "1 × n_neurons");
        FMatrixRMaj W = new FMatrixRMaj(n_inputs + n_neurons, n_neurons);
        CommonOps_FDRM.insert(Wx, W, 0, 0);
        CommonOps_FDRM.insert(Wy, W, n_inputs, 0);
        return new RecurrentCell(n_inputs, n_neurons, W, b.copy(), Activation.TANH);
    }

    /** The cell of TF's kernel W = [Wx; Wy], (n_inputs + n_neurons) × n_neurons, and bias b; both copied. */
    public static RecurrentCell fromKernel(FMatrixRMaj W, FMatrixRMaj b) {
        int n_neurons = W.numCols;
        int n_inputs = W.numRows - n_neurons;
        if (n_neurons < 1 || n_inputs < 1) {
            throw new IllegalArgumentException("the kernel W must be (n_inputs + n_neurons) × n_neurons with n_inputs >= 1,"
                    + " so it needs more rows than columns, but W is " + W.numRows + "×" + W.numCols);
        }
        Shapes.check("b", b, 1, n_neurons, "1 × n_neurons");
        return new RecurrentCell(n_inputs, n_neurons, W.copy(), b.copy(), Activation.TANH);
    }

    @Override
    public int n_inputs() {
        return n_inputs;
    }

    @Override
    public int n_neurons() {
        return n_neurons;
    }

    /** f in Y(t) = f(X(t)·Wx + Y(t-1)·Wy + b). */
    public Activation activation() {
        return activation;
    }

    /** The same W and b (shared, not copied) with another activation. */
    public RecurrentCell withActivation(Activation activation) {
        return new RecurrentCell(n_inputs, n_neurons, W, b, activation);
    }

    /** W = [Wx; Wy] then b (TF names them "kernel" and "bias"). */
    @Override
    public List<FMatrixRMaj> parameters() {
        return List.of(W, b);
    }

    @Override
    public List<String> parameterNames() {
        return List.of("W", "b");
    }

    /** The kernel W = [Wx; Wy], live: training updates it in place. */
    public FMatrixRMaj W() {
        return W;
    }

    /** The bias b, 1 × n_neurons, live: training updates it in place. */
    public FMatrixRMaj b() {
        return b;
    }

    /** A copy of Wx, the first n_inputs rows of W. */
    public FMatrixRMaj Wx() {
        return CommonOps_FDRM.extract(W, 0, n_inputs, 0, n_neurons);
    }

    /** A copy of Wy, the last n_neurons rows of W. */
    public FMatrixRMaj Wy() {
        return CommonOps_FDRM.extract(W, n_inputs, n_inputs + n_neurons, 0, n_neurons);
    }

    /** Y(-1) = 0 for a batch of m instances, TF's {@code cell.zero_state(m, tf.float32)}. */
    @Override
    public CellState zeroState(int m) {
        if (m < 0) {
            throw new IllegalArgumentException("the batch size m must be >= 0 but was given m = " + m);
        }
        return CellState.of(new FMatrixRMaj(m, n_neurons));
    }

    /** {@link #step(FMatrixRMaj, FMatrixRMaj)} on the state Y(t-1); the new state is Y(t). */
    @Override
    public CellState step(FMatrixRMaj X_t, CellState state) {
        return CellState.of(step(X_t, state.output()));
    }

    /** One time step for a batch: returns a new m × n_neurons Y(t) = f(X(t)·Wx + Y(t-1)·Wy + b). */
    public FMatrixRMaj step(FMatrixRMaj X_t, FMatrixRMaj Y_prev) {
        checkStep(X_t, Y_prev);
        int m = X_t.numRows;
        FMatrixRMaj Y = new FMatrixRMaj(m, n_neurons);
        // X(t)·Wx, Wx being rows [0, n_inputs) of W (portable: the same digits on every machine)
        Gemm.portable(false, false, m, n_neurons, n_inputs, X_t.data, 0, n_inputs,
                W.data, 0, n_neurons, 0f, Y.data, 0, n_neurons);
        // + Y(t-1)·Wy, Wy being rows [n_inputs, n_inputs + n_neurons) of W
        Gemm.portable(false, false, m, n_neurons, n_neurons, Y_prev.data, 0, n_neurons,
                W.data, n_inputs * n_neurons, n_neurons, 1f, Y.data, 0, n_neurons);
        addBiasAndActivate(Y);
        return Y;
    }

    /** The same step in the concatenated form: Y(t) = f([X(t) Y(t-1)]·W + b). */
    public FMatrixRMaj stepConcatenated(FMatrixRMaj X_t, FMatrixRMaj Y_prev) {
        checkStep(X_t, Y_prev);
        FMatrixRMaj XY = CommonOps_FDRM.concatColumnsMulti(X_t, Y_prev);
        FMatrixRMaj Y = new FMatrixRMaj(X_t.numRows, n_neurons);
        CommonOps_FDRM.mult(XY, W, Y);
        addBiasAndActivate(Y);
        return Y;
    }

    /** Z ← f(Z + b), b broadcast over the rows of Z. */
    private void addBiasAndActivate(FMatrixRMaj Z) {
        for (int r = 0; r < Z.numRows; r++) {
            int row = r * n_neurons;
            for (int c = 0; c < n_neurons; c++) {
                Z.data[row + c] = activation.apply(Z.data[row + c] + b.data[c]);
            }
        }
    }

    private void checkStep(FMatrixRMaj X_t, FMatrixRMaj Y_prev) {
        if (X_t.numCols != n_inputs) {
            throw new IllegalArgumentException("X(t) has " + X_t.numCols + " columns but the cell has n_inputs = " + n_inputs);
        }
        if (Y_prev.numCols != n_neurons) {
            throw new IllegalArgumentException("Y(t-1) has " + Y_prev.numCols
                    + " columns but the cell has n_neurons = " + n_neurons);
        }
        if (Y_prev.numRows != X_t.numRows) {
            throw new IllegalArgumentException("Y(t-1) has " + Y_prev.numRows + " rows (instances) but X(t) has "
                    + X_t.numRows + "; both must be m × ...");
        }
    }
}
