package rnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import rnn.Init;
import rnn.Tensor3;

/**
 * The analytic gradients (dense layer, softmax cross-entropy, backpropagation through time) against central
 * finite differences of an independent double-precision forward pass written out below.
 */
class GradientCheckTest {
    private static final int n_steps = 4;
    private static final int n_inputs = 3;
    private static final int n_neurons = 5;
    private static final int n_outputs = 3;
    private static final int m = 6;
    private static final int[] y = {0, 2, 1, 1, 0, 2};
    private static final double H = 1e-6;

    private static Tensor3 randomX(long seed) {
        Random random = new Random(seed);
        Tensor3 X = new Tensor3(m, n_steps, n_inputs);
        for (int k = 0; k < X.data().length; k++) X.data()[k] = (float) random.nextGaussian();
        return X;
    }

    private static ImageRNN model() {
        ImageRNN model = new ImageRNN(n_steps, n_inputs, n_neurons, n_outputs, new Init(7));
        // a non-zero bias, so that its gradients and those through it are exercised too
        Random random = new Random(3);
        for (FMatrixRMaj b : List.of(model.cell().b(), model.dense().b())) {
            for (int j = 0; j < b.getNumElements(); j++) b.data[j] = 0.3f * (float) random.nextGaussian();
        }
        return model;
    }

    /** The final states in double: Y(t) = tanh(X(t)·Wx + Y(t−1)·Wy + b) for t < length, from Y(−1) = 0. */
    private static double[][] referenceStates(double[] W, double[] b, Tensor3 X, int[] lengths) {
        double[][] states = new double[m][n_neurons];
        for (int i = 0; i < m; i++) {
            double[] Y = new double[n_neurons];
            int length = lengths == null ? n_steps : lengths[i];
            for (int t = 0; t < length; t++) {
                double[] Z = new double[n_neurons];
                for (int j = 0; j < n_neurons; j++) {
                    Z[j] = b[j];
                    for (int k = 0; k < n_inputs; k++) Z[j] += X.get(i, t, k) * W[k * n_neurons + j];
                    for (int k = 0; k < n_neurons; k++) Z[j] += Y[k] * W[(n_inputs + k) * n_neurons + j];
                }
                for (int j = 0; j < n_neurons; j++) Y[j] = Math.tanh(Z[j]);
            }
            states[i] = Y;
        }
        return states;
    }

    /** The mean cross-entropy in double, of logits = states·W_dense + b_dense. */
    private static double referenceLoss(double[][] p, Tensor3 X, int[] lengths) {
        double[][] states = referenceStates(p[0], p[1], X, lengths);
        double total = 0;
        for (int i = 0; i < m; i++) {
            double[] logits = new double[n_outputs];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n_outputs; c++) {
                logits[c] = p[3][c];
                for (int j = 0; j < n_neurons; j++) logits[c] += states[i][j] * p[2][j * n_outputs + c];
                max = Math.max(max, logits[c]);
            }
            double sum = 0;
            for (int c = 0; c < n_outputs; c++) sum += Math.exp(logits[c] - max);
            total += max + Math.log(sum) - logits[y[i]];
        }
        return total / m;
    }

    private static double[] toDouble(FMatrixRMaj a) {
        double[] d = new double[a.getNumElements()];
        for (int k = 0; k < d.length; k++) d[k] = a.data[k];
        return d;
    }

    /** Central differences (L(θ + H) − L(θ − H)) / 2H of the reference loss for every element of parameter p. */
    private static double[] numericGradient(double[][] params, int p, Tensor3 X, int[] lengths) {
        double[] grad = new double[params[p].length];
        for (int k = 0; k < grad.length; k++) {
            double saved = params[p][k];
            params[p][k] = saved + H;
            double plus = referenceLoss(params, X, lengths);
            params[p][k] = saved - H;
            double minus = referenceLoss(params, X, lengths);
            params[p][k] = saved;
            grad[k] = (plus - minus) / (2 * H);
        }
        return grad;
    }

    /** max |analytic − numeric| / max |numeric| over the elements from {@code from} to {@code to}. */
    private static double relativeError(FMatrixRMaj analytic, double[] numeric, int from, int to) {
        double maxDiff = 0;
        double maxNumeric = 0;
        for (int k = from; k < to; k++) {
            maxDiff = Math.max(maxDiff, Math.abs(analytic.data[k] - numeric[k]));
            maxNumeric = Math.max(maxNumeric, Math.abs(numeric[k]));
        }
        assertTrue(maxNumeric > 1e-3, "the gradient over [" + from + ", " + to + ") is too small to check: " + maxNumeric);
        return maxDiff / maxNumeric;
    }

    private static void checkAllParameters(int[] lengths) {
        ImageRNN model = model();
        Tensor3 X = randomX(11);
        Gradients g = model.gradients(X, y, lengths);
        double[][] params = model.parameters().stream().map(GradientCheckTest::toDouble).toArray(double[][]::new);
        assertEquals(referenceLoss(params, X, lengths), g.loss(), 1e-6);

        double[] dW = numericGradient(params, 0, X, lengths);
        int wxEnd = n_inputs * n_neurons;
        int wyEnd = (n_inputs + n_neurons) * n_neurons;
        double dWx_error = relativeError(g.get("W"), dW, 0, wxEnd);
        double dWy_error = relativeError(g.get("W"), dW, wxEnd, wyEnd);
        double db_error = relativeError(g.get("b"), numericGradient(params, 1, X, lengths), 0, n_neurons);
        double dW_dense_error = relativeError(g.get("W_dense"), numericGradient(params, 2, X, lengths), 0, n_neurons * n_outputs);
        double db_dense_error = relativeError(g.get("b_dense"), numericGradient(params, 3, X, lengths), 0, n_outputs);
        String errors = "dWx " + dWx_error + ", dWy " + dWy_error + ", db " + db_error
                + ", dW_dense " + dW_dense_error + ", db_dense " + db_dense_error;
        for (double e : new double[] {dWx_error, dWy_error, db_error, dW_dense_error, db_dense_error}) {
            assertTrue(e < 1e-5, errors);
        }
    }

    @Test
    void everyParameterMatchesFiniteDifferences() {
        checkAllParameters(null);
    }

    @Test
    void everyParameterMatchesFiniteDifferencesWithSequenceLengths() {
        checkAllParameters(new int[] {4, 2, 0, 4, 1, 3});
    }
}
