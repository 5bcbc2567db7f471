package rnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import rnn.Activation;
import rnn.Init;
import rnn.Tensor3;

/**
 * Backpropagation through the outputs at every step: the fast path's gradients of the mean squared error (dense layer
 * over every step's output, BPTT from every step) against central finite differences of an independent
 * double-precision forward pass written out below.
 */
class TimeSeriesGradientCheckTest {
    private static final int n_steps = 5;
    private static final int n_inputs = 2;
    private static final int n_neurons = 6;
    private static final int n_outputs = 2;
    private static final int m = 7;
    private static final double H = 1e-6;

    private static Tensor3 gaussian(int d0, int d1, int d2, long seed) {
        Random random = new Random(seed);
        Tensor3 x = new Tensor3(d0, d1, d2);
        for (int k = 0; k < x.data().length; k++) x.data()[k] = (float) random.nextGaussian();
        return x;
    }

    private static TimeSeriesRNN model(Activation activation) {
        TimeSeriesRNN model = new TimeSeriesRNN(n_steps, n_inputs, n_neurons, n_outputs, activation, new Init(9));
        Random random = new Random(4);
        for (FMatrixRMaj b : new FMatrixRMaj[] {model.cell().b(), model.dense().b()}) {
            for (int j = 0; j < b.getNumElements(); j++) b.data[j] = 0.3f * (float) random.nextGaussian();
        }
        return model;
    }

    /** MSE in double of outputs(t) = f(X(t)·Wx + Y(t−1)·Wy + b)·W_dense + b_dense against y, over every step. */
    private static double referenceLoss(double[][] p, Tensor3 X, Tensor3 y, Activation f) {
        double total = 0;
        for (int i = 0; i < m; i++) {
            double[] Y = new double[n_neurons];
            for (int t = 0; t < n_steps; t++) {
                double[] next = new double[n_neurons];
                for (int j = 0; j < n_neurons; j++) {
                    double z = p[1][j];
                    for (int k = 0; k < n_inputs; k++) z += X.get(i, t, k) * p[0][k * n_neurons + j];
                    for (int k = 0; k < n_neurons; k++) z += Y[k] * p[0][(n_inputs + k) * n_neurons + j];
                    next[j] = f == Activation.RELU ? Math.max(0, z) : Math.tanh(z);
                }
                Y = next;
                for (int o = 0; o < n_outputs; o++) {
                    double out = p[3][o];
                    for (int j = 0; j < n_neurons; j++) out += Y[j] * p[2][j * n_outputs + o];
                    double error = out - y.get(i, t, o);
                    total += error * error;
                }
            }
        }
        return total / (m * n_steps * n_outputs);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyParameterMatchesFiniteDifferences(Activation activation) {
        TimeSeriesRNN model = model(activation);
        Tensor3 X = gaussian(m, n_steps, n_inputs, 1);
        Tensor3 y = gaussian(m, n_steps, n_outputs, 2);
        Gradients g = model.gradients(X, y);
        double[][] params = new double[4][];
        for (int p = 0; p < 4; p++) {
            FMatrixRMaj theta = model.parameters().get(p);
            params[p] = new double[theta.getNumElements()];
            for (int k = 0; k < params[p].length; k++) params[p][k] = theta.data[k];
        }
        assertEquals(referenceLoss(params, X, y, activation), g.loss(), 1e-5);
        StringBuilder errors = new StringBuilder();
        for (int p = 0; p < 4; p++) {
            double maxDiff = 0;
            double maxNumeric = 0;
            FMatrixRMaj analytic = g.values().get(p);
            for (int k = 0; k < params[p].length; k++) {
                double saved = params[p][k];
                params[p][k] = saved + H;
                double plus = referenceLoss(params, X, y, activation);
                params[p][k] = saved - H;
                double minus = referenceLoss(params, X, y, activation);
                params[p][k] = saved;
                double numeric = (plus - minus) / (2 * H);
                maxDiff = Math.max(maxDiff, Math.abs(analytic.data[k] - numeric));
                maxNumeric = Math.max(maxNumeric, Math.abs(numeric));
            }
            assertTrue(maxNumeric > 1e-3, model.parameterNames().get(p) + " gradient too small to check: " + maxNumeric);
            double error = maxDiff / maxNumeric;
            errors.append(model.parameterNames().get(p)).append(' ').append(error).append("; ");
            assertTrue(error < 1e-5, errors.toString());
        }
    }
}
