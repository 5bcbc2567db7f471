package rnn;

import java.util.List;

import org.ejml.data.FMatrixRMaj;

/**
 * A layer of n_neurons gated recurrent units, TF 1.x's {@code GRUCell(num_units=n_neurons)}. Its state is its
 * output h, {@code CellState.of(h)}. One step:
 * <pre>
 *   [z_r z_u] = [X(t) h(t−1)]·W_ru + b_ru          (one kernel, 2·n_neurons columns: r's, then u's)
 *   r(t) = σ(z_r)                                   reset gate
 *   u(t) = σ(z_u)                                   update gate
 *   c(t) = tanh([X(t)  r(t) ⊙ h(t−1)]·W_c + b_c)   candidate
 *   h(t) = u(t) ⊙ h(t−1) + (1 − u(t)) ⊙ c(t)       state and output
 * </pre>
 * What this follows: TF 1.x's {@code GRUCell.call} (gates from one kernel split into r then u, the candidate from
 * the reset state, {@code new_h = u * state + (1 - u) * c}) and the same equations as documented for TF's
 * {@code GRUBlockCell} op, which also gives the bias initialisers: b_ru = 1.0 ({@code constant_initializer(1.0)},
 * the gates start half-open towards keeping the state), b_c = 0. The kernels W_ru, (n_inputs + n_neurons) ×
 * 2·n_neurons, and W_c, (n_inputs + n_neurons) × n_neurons, rows of X's part first, start Glorot uniform (TF's
 * default when no {@code kernel_initializer} is given). σ and tanh in float from StrictMath in double, so the printed
 * gates repeat on every machine.
 *
 * <p>{@link #gates} is where the equations live; {@code rnn.fast.FastGRUCell} runs them again on the training
 * loop's buffers, and the parity tests hold the two together.
 */
public final class GRUCell implements Cell {
    /** TF's initial gate bias, {@code constant_initializer(1.0)}. */
    public static final float GATE_BIAS_INIT = 1.0f;

    private final int n_inputs;
    private final int n_neurons;
    private final FMatrixRMaj W_ru;
    private final FMatrixRMaj b_ru;
    private final FMatrixRMaj W_c;
    private final FMatrixRMaj b_c;

    /** One step's gates (after their activations), candidate and new state, each m × n_neurons. */
    public record Gates(FMatrixRMaj r, FMatrixRMaj u, FMatrixRMaj c, FMatrixRMaj h) {
    }

    /** {@code GRUCell(num_units=n_neurons)}: W_ru, W_c Glorot uniform, b_ru = 1, b_c = 0. */
    public GRUCell(int n_inputs, int n_neurons, Init init) {
        this(checkSizes(n_inputs, n_neurons), n_neurons,
                init.glorotUniform(n_inputs + n_neurons, 2 * n_neurons), Init.constant(1, 2 * n_neurons, GATE_BIAS_INIT),
                init.glorotUniform(n_inputs + n_neurons, n_neurons), Init.zeros(1, n_neurons));
    }

    private GRUCell(int n_inputs, int n_neurons, FMatrixRMaj W_ru, FMatrixRMaj b_ru, FMatrixRMaj W_c, FMatrixRMaj b_c) {
        this.n_inputs = n_inputs;
        this.n_neurons = n_neurons;
        this.W_ru = W_ru;
        this.b_ru = b_ru;
        this.W_c = W_c;
        this.b_c = b_c;
    }

    private static int checkSizes(int n_inputs, int n_neurons) {
        Shapes.checkCellSizes("a GRU cell", n_inputs, n_neurons);
        return n_inputs;
    }

    /**
     * The cell of the gate kernel W_ru ((n_inputs + n) × 2n, r's columns first) and bias b_ru (1 × 2n), the candidate
     * kernel W_c ((n_inputs + n) × n) and bias b_c (1 × n); all copied.
     */
    public static GRUCell fromWeights(FMatrixRMaj W_ru, FMatrixRMaj b_ru, FMatrixRMaj W_c, FMatrixRMaj b_c) {
        int n_neurons = W_c.numCols;
        int n_inputs = W_c.numRows - n_neurons;
        if (n_neurons < 1 || n_inputs < 1) {
            throw new IllegalArgumentException("a GRU candidate kernel W_c must be (n_inputs + n_neurons) × n_neurons"
                    + " with n_inputs, n_neurons >= 1, but W_c is " + W_c.numRows + "×" + W_c.numCols);
        }
        Shapes.check("W_ru", W_ru, n_inputs + n_neurons, 2 * n_neurons, "(n_inputs + n_neurons) × 2·n_neurons");
        Shapes.check("b_ru", b_ru, 1, 2 * n_neurons, "1 × 2·n_neurons");
        Shapes.check("b_c", b_c, 1, n_neurons, "1 × n_neurons");
        return new GRUCell(n_inputs, n_neurons, W_ru.copy(), b_ru.copy(), W_c.copy(), b_c.copy());
    }

    @Override
    public int n_inputs() {
        return n_inputs;
    }

    @Override
    public int n_neurons() {
        return n_neurons;
    }

    /** W_ru, b_ru, W_c, b_c (TF's gates/kernel, gates/bias, candidate/kernel, candidate/bias); live. */
    @Override
    public List<FMatrixRMaj> parameters() {
        return List.of(W_ru, b_ru, W_c, b_c);
    }

    @Override
    public List<String> parameterNames() {
        return List.of("W_ru", "b_ru", "W_c", "b_c");
    }

    /** The gate kernel W_ru, (n_inputs + n_neurons) × 2·n_neurons, r's columns first; live. */
    public FMatrixRMaj W_ru() {
        return W_ru;
    }

    /** The gate bias b_ru, 1 × 2·n_neurons; live. */
    public FMatrixRMaj b_ru() {
        return b_ru;
    }

    /** The candidate kernel W_c, (n_inputs + n_neurons) × n_neurons; live. */
    public FMatrixRMaj W_c() {
        return W_c;
    }

    /** The candidate bias b_c, 1 × n_neurons; live. */
    public FMatrixRMaj b_c() {
        return b_c;
    }

    /** h(−1) = 0 for a batch of m instances, TF's {@code cell.zero_state(m, tf.float32)}. */
    @Override
    public CellState zeroState(int m) {
        return CellState.zeros(1, m, n_neurons);
    }

    /** One time step from h(t−1) to h(t). */
    @Override
    public CellState step(FMatrixRMaj X_t, CellState state) {
        return CellState.of(gates(X_t, state).h());
    }

    /** One time step with the gates and the candidate kept, for a batch: the equations of the class comment. */
    public Gates gates(FMatrixRMaj X_t, CellState state) {
        FMatrixRMaj h_prev = state.output();
        KernelProduct.checkStep("GRU cell", n_inputs, n_neurons, X_t, "h(t−1)", h_prev);
        int m = X_t.numRows;
        int n = n_neurons;
        FMatrixRMaj Z = KernelProduct.of(X_t, h_prev, W_ru, b_ru); // [z_r z_u] = [X(t) h(t−1)]·W_ru + b_ru
        FMatrixRMaj r = new FMatrixRMaj(m, n);
        FMatrixRMaj u = new FMatrixRMaj(m, n);
        FMatrixRMaj rh = new FMatrixRMaj(m, n);
        for (int row = 0; row < m; row++) {
            for (int k = 0; k < n; k++) {
                int e = row * n + k;
                r.data[e] = Sigmoid.sigmoid(Z.data[row * 2 * n + k]);
                u.data[e] = Sigmoid.sigmoid(Z.data[row * 2 * n + n + k]);
                rh.data[e] = r.data[e] * h_prev.data[e];
            }
        }
        FMatrixRMaj c = KernelProduct.of(X_t, rh, W_c, b_c); // [X(t)  r ⊙ h(t−1)]·W_c + b_c
        FMatrixRMaj h = new FMatrixRMaj(m, n);
        for (int e = 0; e < m * n; e++) {
            c.data[e] = Activation.TANH.apply(c.data[e]);
            h.data[e] = u.data[e] * h_prev.data[e] + (1 - u.data[e]) * c.data[e];
        }
        return new Gates(r, u, c, h);
    }
}
