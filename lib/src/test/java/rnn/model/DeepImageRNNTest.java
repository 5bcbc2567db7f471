package rnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import rnn.Activation;
import rnn.DynamicRNN;
import rnn.Init;
import rnn.MultiRNNCell;
import rnn.RecurrentCell;
import rnn.RnnOutput;
import rnn.Tensor3;

/**
 * The chapter's multi-layer RNN as an {@link ImageRNN}: 3 ReLU layers whose final states (all of them, or the top
 * layer's) feed the dense layer. Its gradients against central finite differences of an independent double-precision
 * forward pass, its states against the teaching path (dynamic_rnn over a MultiRNNCell), the batch split against
 * single rows.
 */
class DeepImageRNNTest {
    private static final int n_steps = 4;
    private static final int n_inputs = 3;
    private static final int n_layers = 3;
    private static final int n_neurons = 5;
    private static final int n_outputs = 3;
    private static final int m = 6;
    private static final int[] y = {0, 2, 1, 1, 0, 2};
    private static final int[] lengths = {4, 2, 0, 4, 1, 3};
    private static final double H = 1e-6;

    private static Tensor3 randomX(int batch, long seed) {
        Random random = new Random(seed);
        Tensor3 X = new Tensor3(batch, n_steps, n_inputs);
        for (int k = 0; k < X.data().length; k++) X.data()[k] = (float) random.nextGaussian();
        return X;
    }

    /** 3 ReLU layers of 5 with non-zero biases (so their gradients, and those through them, are exercised). */
    private static ImageRNN model(DenseInput denseInput) {
        ImageRNN model = ImageRNN.multiLayer(n_steps, n_inputs, n_layers, n_neurons, Activation.RELU, n_outputs,
                denseInput, new Init(7));
        Random random = new Random(3);
        List<String> names = model.parameterNames();
        for (int p = 0; p < names.size(); p++) {
            if (!names.get(p).startsWith("b")) continue;
            FMatrixRMaj b = model.parameters().get(p);
            for (int j = 0; j < b.getNumElements(); j++) b.data[j] = 0.1f + 0.3f * (float) random.nextGaussian();
        }
        return model;
    }

    /** The mean cross-entropy in double: ReLU layers for t < length, the fed final states, then the dense layer. */
    private static double referenceLoss(double[][] p, Tensor3 X, DenseInput denseInput) {
        double total = 0;
        for (int i = 0; i < m; i++) {
            double[][] input = new double[n_steps][n_inputs];
            for (int t = 0; t < n_steps; t++) for (int k = 0; k < n_inputs; k++) input[t][k] = X.get(i, t, k);
            List<Double> fed = new ArrayList<>();
            for (int l = 0; l < n_layers; l++) {
                double[] W = p[2 * l];
                double[] b = p[2 * l + 1];
                int inputs = input[0].length;
                double[][] outputs = new double[n_steps][n_neurons];
                double[] Y = new double[n_neurons];
                for (int t = 0; t < lengths[i]; t++) {
                    double[] next = new double[n_neurons];
                    for (int j = 0; j < n_neurons; j++) {
                        double z = b[j];
                        for (int k = 0; k < inputs; k++) z += input[t][k] * W[k * n_neurons + j];
                        for (int k = 0; k < n_neurons; k++) z += Y[k] * W[(inputs + k) * n_neurons + j];
                        next[j] = Math.max(0, z);
                    }
                    Y = next;
                    outputs[t] = Y;
                }
                if (denseInput == DenseInput.ALL_LAYERS || l == n_layers - 1) {
                    for (double v : Y) fed.add(v); // the final state: Y at length − 1, 0 for length 0
                }
                input = outputs;
            }
            double[] W_dense = p[2 * n_layers];
            double[] b_dense = p[2 * n_layers + 1];
            double[] logits = new double[n_outputs];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n_outputs; c++) {
                logits[c] = b_dense[c];
                for (int j = 0; j < fed.size(); j++) logits[c] += fed.get(j) * W_dense[j * n_outputs + c];
                max = Math.max(max, logits[c]);
            }
            double sum = 0;
            for (int c = 0; c < n_outputs; c++) sum += Math.exp(logits[c] - max);
            total += max + Math.log(sum) - logits[y[i]];
        }
        return total / m;
    }

    @ParameterizedTest
    @EnumSource(DenseInput.class)
    void everyLayersGradientsMatchFiniteDifferencesWithSequenceLengths(DenseInput denseInput) {
        ImageRNN model = model(denseInput);
        Tensor3 X = randomX(m, 11);
        Gradients g = model.gradients(X, y, lengths);
        double[][] params = new double[model.parameters().size()][];
        for (int p = 0; p < params.length; p++) {
            FMatrixRMaj theta = model.parameters().get(p);
            params[p] = new double[theta.getNumElements()];
            for (int k = 0; k < params[p].length; k++) params[p][k] = theta.data[k];
        }
        assertEquals(referenceLoss(params, X, denseInput), g.loss(), 1e-6);
        StringBuilder errors = new StringBuilder();
        double worst = 0;
        for (int p = 0; p < params.length; p++) {
            double maxDiff = 0;
            double maxNumeric = 0;
            FMatrixRMaj analytic = g.values().get(p);
            for (int k = 0; k < params[p].length; k++) {
                double saved = params[p][k];
                params[p][k] = saved + H;
                double plus = referenceLoss(params, X, denseInput);
                params[p][k] = saved - H;
                double minus = referenceLoss(params, X, denseInput);
                params[p][k] = saved;
                double numeric = (plus - minus) / (2 * H);
                maxDiff = Math.max(maxDiff, Math.abs(analytic.data[k] - numeric));
                maxNumeric = Math.max(maxNumeric, Math.abs(numeric));
            }
            String name = g.names().get(p);
            assertTrue(maxNumeric > 1e-3, "the gradient of " + name + " is too small to check: " + maxNumeric);
            errors.append(name).append(' ').append(maxDiff / maxNumeric).append("; ");
            worst = Math.max(worst, maxDiff / maxNumeric);
        }
        assertTrue(worst < 1e-5, errors.toString());
    }

    @Test
    void theParametersAreNamedPerLayerAndTheDenseLayerReadsEveryLayer() {
        ImageRNN model = ImageRNN.multiLayer(28, 28, 3, 100, Activation.RELU, 10, DenseInput.ALL_LAYERS, new Init(42));
        assertEquals(List.of("W_0", "b_0", "W_1", "b_1", "W_2", "b_2", "W_dense", "b_dense"), model.parameterNames());
        assertEquals(300, model.statesWidth());
        assertEquals(300, model.dense().W().numRows);
        assertEquals(3, model.n_layers());
        ImageRNN top = ImageRNN.multiLayer(28, 28, 3, 100, Activation.RELU, 10, DenseInput.TOP_LAYER, new Init(42));
        assertEquals(100, top.dense().W().numRows);
        IllegalStateException e = assertThrows(IllegalStateException.class, model::cell);
        assertTrue(e.getMessage().startsWith("cell() is the one basic cell of a one-layer model, but this model has 3"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImageRNN.multiLayer(28, 28, 0, 100, Activation.RELU, 10, DenseInput.ALL_LAYERS, new Init(1)));
    }

    @Test
    void oneTanhLayerIsTheSeedsModel() {
        ImageRNN seed = new ImageRNN(n_steps, 3, 4, 2, new Init(9));
        ImageRNN one = ImageRNN.multiLayer(n_steps, 3, 1, 4, Activation.TANH, 2, DenseInput.ALL_LAYERS, new Init(9));
        assertEquals(seed.parameterNames(), one.parameterNames());
        for (int p = 0; p < 4; p++) {
            assertArrayEquals(seed.parameters().get(p).data, one.parameters().get(p).data, 0f);
        }
        Tensor3 X = randomX(3, 2);
        assertArrayEquals(seed.logits(X).data, one.logits(X).data, 0f);
        assertTrue(one.cell() instanceof RecurrentCell);
    }

    @ParameterizedTest
    @EnumSource(DenseInput.class)
    void theStatesAreDynamicRnnOverTheMultiRnnCell(DenseInput denseInput) {
        ImageRNN model = model(denseInput);
        Tensor3 X = randomX(m, 5);
        RnnOutput teaching = DynamicRNN.dynamic_rnn(model.rnnCell(), X, lengths);
        MultiRNNCell stack = (MultiRNNCell) model.rnnCell();
        FMatrixRMaj expected = denseInput == DenseInput.ALL_LAYERS
                ? stack.outputsConcatenated(teaching.finalState()) : teaching.states();
        FMatrixRMaj states = model.states(X, lengths);
        assertEquals(expected.numCols, states.numCols);
        assertArrayEquals(expected.data, states.data, 1e-5f);
        float[] zero = new float[states.numCols];
        float[] row2 = new float[states.numCols];
        System.arraycopy(states.data, 2 * states.numCols, row2, 0, row2.length);
        assertArrayEquals(zero, row2, 0f); // length 0: the zero state of every layer
    }

    @Test
    void aSplitBatchGivesTheMeanOfItsRowsLossAndGradients() {
        ImageRNN model = model(DenseInput.ALL_LAYERS);
        Tensor3 X = randomX(m, 8);
        Gradients split = model.gradients(X, y, lengths); // two parts of 3 rows (the tests' rnn.threads = 2)
        int count = split.values().size();
        double loss = 0;
        double[][] mean = new double[count][];
        for (int p = 0; p < count; p++) mean[p] = new double[split.values().get(p).getNumElements()];
        int size = n_steps * n_inputs;
        for (int i = 0; i < m; i++) {
            Tensor3 row = new Tensor3(1, n_steps, n_inputs);
            System.arraycopy(X.data(), i * size, row.data(), 0, size);
            Gradients one = model.gradients(row, new int[] {y[i]}, new int[] {lengths[i]});
            loss += one.loss() / (double) m;
            for (int p = 0; p < count; p++) {
                for (int k = 0; k < mean[p].length; k++) mean[p][k] += one.values().get(p).data[k] / (double) m;
            }
        }
        assertEquals(loss, split.loss(), 1e-6);
        for (int p = 0; p < count; p++) {
            for (int k = 0; k < mean[p].length; k++) {
                assertEquals(mean[p][k], split.values().get(p).data[k], 1e-6, split.names().get(p) + "[" + k + "]");
            }
        }
    }
}
