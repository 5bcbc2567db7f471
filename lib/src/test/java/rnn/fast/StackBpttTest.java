package rnn.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rnn.fast.GradientCheck.centralDifferences;
import static rnn.fast.GradientCheck.gaussian;
import static rnn.fast.GradientCheck.relativeError;
import static rnn.fast.GradientCheck.toDouble;

import java.util.List;
import java.util.Random;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import rnn.Activation;
import rnn.DynamicRNN;
import rnn.Init;
import rnn.RecurrentCell;
import rnn.RnnOutput;
import rnn.Tensor3;

/**
 * The fast path through a stack of two basic layers (tanh, then ReLU), with sequence lengths: its outputs equal the teaching path's
 * (DynamicRNN layer on layer), and its backpropagation through time (gradients at every step's output and at both
 * layers' final states) equals central finite differences of an independent double-precision forward pass.
 */
class StackBpttTest {
    private static final int m = 5;
    private static final int n_steps = 4;
    private static final int n_inputs = 3;
    private static final int[] n_neurons = {5, 4};
    private static final int[] lengths = {4, 2, 0, 3, 1};

    private static List<RecurrentCell> cells(Activation activation) {
        Init init = new Init(17);
        RecurrentCell bottom = new RecurrentCell(n_inputs, n_neurons[0], activation, init);
        RecurrentCell top = new RecurrentCell(n_neurons[0], n_neurons[1], activation, init);
        Random random = new Random(4);
        for (RecurrentCell cell : List.of(bottom, top)) {
            for (int j = 0; j < cell.b().getNumElements(); j++) cell.b().data[j] = 0.2f * (float) random.nextGaussian();
        }
        return List.of(bottom, top);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theStackUnrollsAsTheTeachingPathDoesLayerOnLayer(Activation activation) {
        List<RecurrentCell> cells = cells(activation);
        Tensor3 X = Tensor3.wrap(gaussian(m * n_steps * n_inputs, 1), m, n_steps, n_inputs);
        Buffers buf = new Buffers(cells, n_steps, m);
        Unroll.forward(buf, X.data(), 0, m, lengths, 0);
        RnnOutput bottom = DynamicRNN.dynamic_rnn(cells.get(0), X, lengths);
        RnnOutput top = DynamicRNN.dynamic_rnn(cells.get(1), bottom.outputs(), lengths);
        assertArrayEquals(bottom.outputs().data(), buf.outputs[0], 1e-6f);
        assertArrayEquals(top.outputs().data(), buf.outputs[1], 1e-6f);
        float[] states = new float[m * n_neurons[1]];
        Unroll.finalStates(buf, 1, m, lengths, 0, states, n_neurons[1], 0);
        assertArrayEquals(top.states().data, states, 1e-6f);
    }

    /** L = Σ C ⊙ (top outputs, every step) + Σ D ⊙ [states of layer 0, states of layer 1]. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void bpttThroughTheStackMatchesFiniteDifferences(Activation activation) {
        List<RecurrentCell> cells = cells(activation);
        float[] X = gaussian(m * n_steps * n_inputs, 2);
        float[] C = gaussian(m * n_steps * n_neurons[1], 3);
        int width = n_neurons[0] + n_neurons[1];
        float[] D = gaussian(m * width, 5);

        Buffers buf = new Buffers(cells, n_steps, m);
        Unroll.forward(buf, X, 0, m, lengths, 0);
        Bptt.clear(buf, m);
        System.arraycopy(C, 0, buf.dOutputs[1], 0, C.length);
        Bptt.addFinalStateGradient(buf, 0, m, lengths, 0, D, width, 0);
        Bptt.addFinalStateGradient(buf, 1, m, lengths, 0, D, width, n_neurons[0]);
        float[][] grads = new float[4][];
        for (int p = 0; p < 4; p++) grads[p] = new float[parameter(cells, p).getNumElements()];
        Bptt.backward(buf, X, 0, m, lengths, 0, grads);

        double[][] params = new double[4][];
        for (int p = 0; p < 4; p++) params[p] = toDouble(parameter(cells, p).data);
        for (int p = 0; p < 4; p++) {
            double[] numeric = centralDifferences(params[p], () -> referenceLoss(params, X, C, D, activation));
            double error = relativeError(grads[p], numeric);
            assertTrue(error < 1e-5, "parameter " + p + " (W0, b0, W1, b1): relative error " + error);
        }
    }

    private static FMatrixRMaj parameter(List<RecurrentCell> cells, int p) {
        return cells.get(p / 2).parameters().get(p % 2);
    }

    private static double referenceLoss(double[][] params, float[] X, float[] C, float[] D, Activation activation) {
        double[][][] bottom = reference(params[0], params[1], toDouble(X), n_inputs, n_neurons[0], activation);
        double[] flat = new double[m * n_steps * n_neurons[0]];
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < n_steps; t++) {
                System.arraycopy(bottom[i][t], 0, flat, (i * n_steps + t) * n_neurons[0], n_neurons[0]);
            }
        }
        double[][][] top = reference(params[2], params[3], flat, n_neurons[0], n_neurons[1], activation);
        double loss = 0;
        int width = n_neurons[0] + n_neurons[1];
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < n_steps; t++) {
                for (int j = 0; j < n_neurons[1]; j++) loss += C[(i * n_steps + t) * n_neurons[1] + j] * top[i][t][j];
            }
            int last = lengths[i] - 1;
            for (int j = 0; j < n_neurons[0]; j++) loss += D[i * width + j] * (last < 0 ? 0 : bottom[i][last][j]);
            for (int j = 0; j < n_neurons[1]; j++) {
                loss += D[i * width + n_neurons[0] + j] * (last < 0 ? 0 : top[i][last][j]);
            }
        }
        return loss;
    }

    /** The outputs of one layer in double: Y(t) = f(X(t)·Wx + Y(t−1)·Wy + b) for t < length, 0 after. */
    private static double[][][] reference(double[] W, double[] b, double[] X, int inputs, int n, Activation f) {
        double[][][] outputs = new double[m][n_steps][n];
        for (int i = 0; i < m; i++) {
            double[] Y = new double[n];
            for (int t = 0; t < lengths[i]; t++) {
                double[] next = new double[n];
                for (int j = 0; j < n; j++) {
                    double z = b[j];
                    for (int k = 0; k < inputs; k++) z += X[(i * n_steps + t) * inputs + k] * W[k * n + j];
                    for (int k = 0; k < n; k++) z += Y[k] * W[(inputs + k) * n + j];
                    next[j] = f == Activation.RELU ? Math.max(0, z) : Math.tanh(z);
                }
                Y = next;
                outputs[i][t] = Y;
            }
        }
        return outputs;
    }
}
