package rnn.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.FMatrixRMaj;

import rnn.Activation;
import rnn.Adam;
import rnn.Dense;
import rnn.Init;
import rnn.MeanSquaredError;
import rnn.RecurrentCell;
import rnn.Shapes;
import rnn.Tensor3;
import rnn.fast.Bptt;
import rnn.fast.Buffers;
import rnn.fast.Unroll;

/**
 * The chapter's RNN for time series: a {@link RecurrentCell} of n_neurons (ReLU in the chapter) unrolled by
 * dynamic_rnn over n_steps, with an output at every time step through one dense layer over all the steps' outputs,
 * <pre>
 *   rnn_outputs         = dynamic_rnn(cell, X)                           [m, n_steps, n_neurons]
 *   stacked_rnn_outputs = reshape(rnn_outputs, [-1, n_neurons])          [m·n_steps, n_neurons]
 *   stacked_outputs     = stacked_rnn_outputs·W_dense + b_dense          [m·n_steps, n_outputs]
 *   outputs             = reshape(stacked_outputs, [-1, n_steps, n_outputs])
 *   loss                = reduce_mean(square(outputs − y))
 * </pre>
 * the same computation as wrapping the cell in an {@code OutputProjectionWrapper} (one projection per step), done
 * as one product for all m·n_steps rows; and one Adam step of {@code optimizer.minimize(loss)} in {@link #trainStep}.
 *
 * <p>It runs on the fast path: each thread of {@code BatchSplit} takes a part of the batch on its own
 * {@link Buffers}; the gradient of the loss reaches the cell at every step's output ({@link Buffers#dOutputs}), and
 * backpropagation through time ({@link Bptt}) takes it from there. An instance is not thread-safe.
 */
public final class TimeSeriesRNN {
    private final int n_steps;
    private final int n_inputs;
    private final int n_outputs;
    private final RecurrentCell cell;
    private final Dense dense;
    /** W, b of the cell, then W_dense, b_dense. */
    private final ParameterList parameters;
    private final BatchParts<Part> parts = new BatchParts<>(Part::new);

    /** The cell is drawn from {@code init} first, then the dense layer, as TF creates the variables. */
    public TimeSeriesRNN(int n_steps, int n_inputs, int n_neurons, int n_outputs, Activation activation, Init init) {
        if (n_steps <= 0 || n_inputs <= 0 || n_neurons <= 0 || n_outputs <= 0) {
            throw new IllegalArgumentException("TimeSeriesRNN needs positive sizes, got n_steps = " + n_steps
                    + ", n_inputs = " + n_inputs + ", n_neurons = " + n_neurons + ", n_outputs = " + n_outputs);
        }
        this.n_steps = n_steps;
        this.n_inputs = n_inputs;
        this.n_outputs = n_outputs;
        this.cell = new RecurrentCell(n_inputs, n_neurons, activation, init);
        this.dense = new Dense(n_neurons, n_outputs, init);
        List<FMatrixRMaj> values = new ArrayList<>(cell.parameters());
        values.addAll(List.of(dense.W(), dense.b()));
        List<String> names = new ArrayList<>(cell.parameterNames());
        names.addAll(List.of("W_dense", "b_dense"));
        this.parameters = new ParameterList(values, names);
    }

    public RecurrentCell cell() {
        return cell;
    }

    public Dense dense() {
        return dense;
    }

    public int n_steps() {
        return n_steps;
    }

    public int n_inputs() {
        return n_inputs;
    }

    public int n_neurons() {
        return cell.n_neurons();
    }

    public int n_outputs() {
        return n_outputs;
    }

    /** The trainable parameters, live: the cell's W and b, then W_dense and b_dense. */
    public List<FMatrixRMaj> parameters() {
        return parameters.values();
    }

    /** W, b, W_dense, b_dense. */
    public List<String> parameterNames() {
        return parameters.names();
    }

    /** The outputs at every step, [m, n_steps, n_outputs]: {@code sess.run(outputs, feed_dict={X: X})}. */
    public Tensor3 predict(Tensor3 X) {
        checkInput(X);
        int total = X.dim(0);
        Tensor3 outputs = new Tensor3(total, n_steps, n_outputs);
        int width = n_steps * n_outputs;
        parts.inChunks(total, (part, start, m) -> {
            part.forward(X.data(), start, m);
            System.arraycopy(part.outputs, 0, outputs.data(), start * width, m * width);
        });
        return outputs;
    }

    /** The mean squared error of the outputs against y, [m, n_steps, n_outputs]. */
    public float loss(Tensor3 X, Tensor3 y) {
        Tensor3 outputs = predict(X);
        return MeanSquaredError.loss(outputs, y);
    }

    /** The loss and its gradient with respect to every parameter, the model unchanged. */
    public Gradients gradients(Tensor3 X, Tensor3 y) {
        return parameters.snapshot(forwardBackward(X, y));
    }

    /**
     * {@code sess.run(training_op, feed_dict={X: X_batch, y: y_batch})}: forward, backpropagation through time, one
     * Adam update of every parameter; returns the MSE of that forward pass (before the update).
     *
     * @throws ArithmeticException if the loss is NaN or infinite; the parameters are then left unchanged
     */
    public float trainStep(Tensor3 X, Tensor3 y, Adam optimizer) {
        float loss = forwardBackward(X, y);
        if (!Float.isFinite(loss)) {
            throw new ArithmeticException("the batch MSE is " + loss + ": training diverged"
                    + " (a smaller learning_rate may help); the parameters were not updated");
        }
        parameters.step(optimizer);
        return loss;
    }

    /**
     * The chapter's "creative" sequence: from {@code start} (n_steps values), {@code steps} times, the model reads the
     * last n_steps values and the output of its last step is appended. Returns start followed by the steps new values.
     * Needs n_inputs = n_outputs = 1.
     */
    public float[] generate(float[] start, int steps) {
        if (n_inputs != 1 || n_outputs != 1) {
            throw new IllegalArgumentException("generating a sequence feeds each output back as the next input, so it"
                    + " needs n_inputs = n_outputs = 1, but this model has " + n_inputs + " and " + n_outputs);
        }
        if (start == null || start.length != n_steps) {
            throw new IllegalArgumentException("the start of a generated sequence must be n_steps = " + n_steps
                    + " values, got " + (start == null ? "null" : start.length));
        }
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        float[] sequence = Arrays.copyOf(start, n_steps + steps);
        for (int k = 0; k < steps; k++) {
            // X_batch = sequence[-n_steps:].reshape(1, n_steps, 1); sequence.append(y_pred[0, -1, 0])
            Tensor3 X = Tensor3.wrap(Arrays.copyOfRange(sequence, k, k + n_steps), 1, n_steps, 1);
            sequence[n_steps + k] = predict(X).get(0, n_steps - 1, 0);
        }
        return sequence;
    }

    /** Every part's forward and backward; returns the batch's MSE, every gradient summed into {@link #parameters}. */
    private float forwardBackward(Tensor3 X, Tensor3 y) {
        checkInput(X);
        Shapes.check("y", y, X.dim(0), n_steps, n_outputs, "[batch, n_steps, n_outputs]");
        int m = X.dim(0);
        if (m == 0) throw new IllegalArgumentException("X has no instance; the mean over an empty batch is undefined");
        double lossSum = parts.forwardBackward(m, parameters,
                (part, from, to) -> part.forwardBackward(X.data(), y.data(), m, from, to));
        return (float) (lossSum / ((double) m * n_steps * n_outputs));
    }

    private void checkInput(Tensor3 X) {
        Shapes.checkInput(X, n_steps, n_inputs, "TimeSeriesRNN");
    }

    /** One thread's buffers: the unrolled cell, every step's output and its gradient, a share of the gradients. */
    private final class Part implements BatchParts.Part {
        final Buffers buffers;
        /** stacked_outputs, [capacity·n_steps, n_outputs]. */
        final float[] outputs;
        final float[] dOutputs;
        final float[][] shares = parameters.newShares();

        Part(int capacity) {
            buffers = new Buffers(List.of(cell), n_steps, capacity);
            outputs = new float[capacity * n_steps * n_outputs];
            dOutputs = new float[capacity * n_steps * n_outputs];
        }

        @Override
        public int capacity() {
            return buffers.capacity;
        }

        @Override
        public float[][] shares() {
            return shares;
        }

        /** The outputs of rows [from, from + m) of X. */
        void forward(float[] X, int from, int m) {
            Unroll.forward(buffers, X, from * n_steps * n_inputs, m, null, 0);
            // rnn_outputs [m, n_steps, n_neurons] read as m·n_steps rows of n_neurons: one product for all the steps
            dense.forward(buffers.topOutputs(), 0, m * n_steps, outputs);
        }

        /** Rows [from, to) of a batch of m: forward, the squared errors' sum, the gradients of the batch's mean. */
        double forwardBackward(float[] X, float[] y, int m, int from, int to) {
            int rows = to - from;
            forward(X, from, rows);
            int width = n_steps * n_outputs;
            double lossSum = MeanSquaredError.lossSumAndGradient(outputs, rows * width, y, from * width, m * width,
                    dOutputs);
            int dense_W = shares.length - 2;
            // dW_dense = stackedᵀ·dOutputs, db_dense = Σ rows dOutputs, and dL/d(rnn_outputs) = dOutputs·W_denseᵀ,
            // written at every step's output of the cell (the dense layer overwrites them: no clearing needed)
            dense.backward(buffers.topOutputs(), rows * n_steps, dOutputs, shares[dense_W], shares[dense_W + 1],
                    buffers.dOutputs[0]);
            for (int g = 0; g < dense_W; g++) Arrays.fill(shares[g], 0f);
            Bptt.backward(buffers, X, from * n_steps * n_inputs, rows, null, 0, shares);
            return lossSum;
        }
    }
}
