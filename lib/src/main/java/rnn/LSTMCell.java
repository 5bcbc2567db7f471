package rnn;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.FMatrixRMaj;

/**
 * A layer of n_neurons long short-term memory cells, TF 1.x's {@code BasicLSTMCell(num_units=n_neurons)} (forget
 * bias 1.0, no peepholes) and {@code LSTMCell(num_units=n_neurons, use_peepholes=True)}. Its state is the pair
 * (c, h), {@code CellState.of(c, h)}; its output is h. One step, the gates in TF's order i, j, f, o:
 * <pre>
 *   [z_i z_j z_f z_o] = [X(t) h(t−1)]·W + b                               (one kernel, 4·n_neurons columns)
 *   i(t) = σ(z_i + w_i ⊙ c(t−1))                                           input gate
 *   j(t) = tanh(z_j)                                                        candidate
 *   f(t) = σ(z_f + forget_bias + w_f ⊙ c(t−1))                             forget gate, forget_bias = 1.0
 *   c(t) = f(t) ⊙ c(t−1) + i(t) ⊙ j(t)                                     long-term state
 *   o(t) = σ(z_o + w_o ⊙ c(t))                                             output gate
 *   h(t) = o(t) ⊙ tanh(c(t))                                               short-term state and output
 * </pre>
 * The peephole terms (w_i, w_f on c(t−1), w_o on c(t), each a 1 × n_neurons diagonal) are there only with
 * peepholes; without them the equations are BasicLSTMCell's. The parameters are TF's: the kernel W,
 * (n_inputs + n_neurons) × 4·n_neurons, rows of X's part first and the columns of i, j, f, o in that order, Glorot
 * uniform; the bias b, 1 × 4·n_neurons, zeros (TF adds the forget bias in the step, it is not in b); then
 * (peepholes) w_f, w_i, w_o, TF's {@code w_f_diag}, {@code w_i_diag}, {@code w_o_diag}, Glorot uniform of a 1-D
 * shape (TF counts fan_in = fan_out = n_neurons). σ and tanh in float from StrictMath in double, so the printed
 * gates repeat on every machine.
 *
 * <p>{@link #gates} is where the equations live; {@code rnn.fast.FastLSTMCell} runs them again on the training
 * loop's buffers, and the parity tests hold the two together.
 */
public final class LSTMCell implements Cell {
    /** TF's {@code forget_bias}, added to the forget gate's pre-activation so that a new cell starts remembering. */
    public static final float FORGET_BIAS = 1.0f;

    private final int n_inputs;
    private final int n_neurons;
    private final FMatrixRMaj W;
    private final FMatrixRMaj b;
    /** The peephole weights, or null without peepholes. */
    private final FMatrixRMaj w_f;
    private final FMatrixRMaj w_i;
    private final FMatrixRMaj w_o;

    /** One step's gates (after their activations) and new state, each m × n_neurons. */
    public record Gates(FMatrixRMaj i, FMatrixRMaj j, FMatrixRMaj f, FMatrixRMaj o, FMatrixRMaj c, FMatrixRMaj h) {
    }

    /** {@code BasicLSTMCell(num_units=n_neurons)}: W Glorot uniform, b = 0, no peepholes. */
    public LSTMCell(int n_inputs, int n_neurons, Init init) {
        this(n_inputs, n_neurons, false, init);
    }

    /** {@code LSTMCell(num_units=n_neurons, use_peepholes=use_peepholes)}: W, w_f, w_i, w_o Glorot uniform, b = 0. */
    public LSTMCell(int n_inputs, int n_neurons, boolean use_peepholes, Init init) {
        this(checkSizes(n_inputs, n_neurons), n_neurons, init.glorotUniform(n_inputs + n_neurons, 4 * n_neurons),
                Init.zeros(1, 4 * n_neurons), use_peepholes ? init.glorotUniformVector(n_neurons) : null,
                use_peepholes ? init.glorotUniformVector(n_neurons) : null,
                use_peepholes ? init.glorotUniformVector(n_neurons) : null);
    }

    private LSTMCell(int n_inputs, int n_neurons, FMatrixRMaj W, FMatrixRMaj b,
                     FMatrixRMaj w_f, FMatrixRMaj w_i, FMatrixRMaj w_o) {
        this.n_inputs = n_inputs;
        this.n_neurons = n_neurons;
        this.W = W;
        this.b = b;
        this.w_f = w_f;
        this.w_i = w_i;
        this.w_o = w_o;
    }

    private static int checkSizes(int n_inputs, int n_neurons) {
        Shapes.checkCellSizes("an LSTM cell", n_inputs, n_neurons);
        return n_inputs;
    }

    /** The cell without peepholes of TF's kernel W ((n_inputs + n) × 4n, columns i, j, f, o) and bias b; copied. */
    public static LSTMCell fromWeights(FMatrixRMaj W, FMatrixRMaj b) {
        int n_neurons = W.numCols / 4;
        int n_inputs = W.numRows - n_neurons;
        if (W.numCols % 4 != 0 || n_neurons < 1 || n_inputs < 1) {
            throw new IllegalArgumentException("an LSTM kernel W must be (n_inputs + n_neurons) × 4·n_neurons with"
                    + " n_inputs, n_neurons >= 1, but W is " + W.numRows + "×" + W.numCols);
        }
        Shapes.check("b", b, 1, 4 * n_neurons, "1 × 4·n_neurons");
        return new LSTMCell(n_inputs, n_neurons, W.copy(), b.copy(), null, null, null);
    }

    /** The cell with peepholes of kernel W, bias b and peephole weights w_f, w_i, w_o (each 1 × n); copied. */
    public static LSTMCell fromWeights(FMatrixRMaj W, FMatrixRMaj b, FMatrixRMaj w_f, FMatrixRMaj w_i, FMatrixRMaj w_o) {
        LSTMCell basic = fromWeights(W, b);
        int n = basic.n_neurons;
        Shapes.check("w_f", w_f, 1, n, "1 × n_neurons");
        Shapes.check("w_i", w_i, 1, n, "1 × n_neurons");
        Shapes.check("w_o", w_o, 1, n, "1 × n_neurons");
        return new LSTMCell(basic.n_inputs, n, basic.W, basic.b, w_f.copy(), w_i.copy(), w_o.copy());
    }

    @Override
    public int n_inputs() {
        return n_inputs;
    }

    @Override
    public int n_neurons() {
        return n_neurons;
    }

    /** TF's {@code use_peepholes}. */
    public boolean usePeepholes() {
        return w_f != null;
    }

    /** W, b, then with peepholes w_f, w_i, w_o: live, training updates them in place. */
    @Override
    public List<FMatrixRMaj> parameters() {
        List<FMatrixRMaj> parameters = new ArrayList<>(List.of(W, b));
        if (usePeepholes()) parameters.addAll(List.of(w_f, w_i, w_o));
        return List.copyOf(parameters);
    }

    @Override
    public List<String> parameterNames() {
        return usePeepholes() ? List.of("W", "b", "w_f", "w_i", "w_o") : List.of("W", "b");
    }

    /** The kernel W, (n_inputs + n_neurons) × 4·n_neurons, columns i, j, f, o; live. */
    public FMatrixRMaj W() {
        return W;
    }

    /** The bias b, 1 × 4·n_neurons; live. */
    public FMatrixRMaj b() {
        return b;
    }

    /** The forget gate's peephole weights w_f, 1 × n_neurons, live; only with peepholes. */
    public FMatrixRMaj w_f() {
        return peephole(w_f, "w_f");
    }

    /** The input gate's peephole weights w_i, 1 × n_neurons, live; only with peepholes. */
    public FMatrixRMaj w_i() {
        return peephole(w_i, "w_i");
    }

    /** The output gate's peephole weights w_o, 1 × n_neurons, live; only with peepholes. */
    public FMatrixRMaj w_o() {
        return peephole(w_o, "w_o");
    }

    private static FMatrixRMaj peephole(FMatrixRMaj w, String name) {
        if (w == null) {
            throw new IllegalStateException(name + " exists only in a cell with peepholes (use_peepholes = true)"
                    + " but this cell has none");
        }
        return w;
    }

    /** (c, h) = (0, 0) for a batch of m instances, TF's {@code cell.zero_state(m, tf.float32)}. */
    @Override
    public CellState zeroState(int m) {
        return CellState.zeros(2, m, n_neurons);
    }

    /** One time step from the state (c(t−1), h(t−1)) to (c(t), h(t)). */
    @Override
    public CellState step(FMatrixRMaj X_t, CellState state) {
        Gates g = gates(X_t, state);
        return CellState.of(g.c(), g.h());
    }

    /** One time step with every gate kept, for a batch: the equations of the class comment. */
    public Gates gates(FMatrixRMaj X_t, CellState state) {
        if (state.parts().size() != 2) {
            throw new IllegalArgumentException("an LSTM state is the pair (c, h) but was given "
                    + state.parts().size() + " part(s)");
        }
        FMatrixRMaj c_prev = state.parts().get(0);
        FMatrixRMaj h_prev = state.parts().get(1);
        KernelProduct.checkStep("LSTM cell", n_inputs, n_neurons, X_t, "c(t−1)", c_prev);
        KernelProduct.checkStep("LSTM cell", n_inputs, n_neurons, X_t, "h(t−1)", h_prev);
        int m = X_t.numRows;
        int n = n_neurons;
        FMatrixRMaj Z = KernelProduct.of(X_t, h_prev, W, b); // [z_i z_j z_f z_o] = [X(t) h(t−1)]·W + b
        FMatrixRMaj i = new FMatrixRMaj(m, n);
        FMatrixRMaj j = new FMatrixRMaj(m, n);
        FMatrixRMaj f = new FMatrixRMaj(m, n);
        FMatrixRMaj o = new FMatrixRMaj(m, n);
        FMatrixRMaj c = new FMatrixRMaj(m, n);
        FMatrixRMaj h = new FMatrixRMaj(m, n);
        boolean peep = usePeepholes();
        for (int r = 0; r < m; r++) {
            for (int k = 0; k < n; k++) {
                int e = r * n + k;
                int z = r * 4 * n + k;
                float cPrev = c_prev.data[e];
                i.data[e] = Sigmoid.sigmoid(Z.data[z] + (peep ? w_i.data[k] * cPrev : 0f));
                j.data[e] = Activation.TANH.apply(Z.data[z + n]);
                f.data[e] = Sigmoid.sigmoid(Z.data[z + 2 * n] + FORGET_BIAS + (peep ? w_f.data[k] * cPrev : 0f));
                c.data[e] = f.data[e] * cPrev + i.data[e] * j.data[e];
                o.data[e] = Sigmoid.sigmoid(Z.data[z + 3 * n] + (peep ? w_o.data[k] * c.data[e] : 0f));
                h.data[e] = o.data[e] * Activation.TANH.apply(c.data[e]);
            }
        }
        return new Gates(i, j, f, o, c, h);
    }
}
