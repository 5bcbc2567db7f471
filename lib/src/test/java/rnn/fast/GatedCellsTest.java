package rnn.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import rnn.Cell;
import rnn.DynamicRNN;
import rnn.Init;
import rnn.LSTMCell;
import rnn.RnnOutput;
import rnn.Tensor3;

/**
 * The fast LSTM (with and without peepholes) and GRU: their unroll equals the teaching path's dynamic_rnn (outputs
 * and final states, sequence lengths including 0), and their backpropagation through time, alone and in a stack of
 * two through Buffers/Unroll/Bptt, equals central finite differences of {@link GatedReference}'s double-precision
 * forward pass, with gradients at every step's output and at the final states.
 */
class GatedCellsTest {
    private static final int m = 5;
    private static final int n_steps = 4;
    private static final int n_inputs = 3;
    private static final int[] n_neurons = {5, 4};
    private static final int[] lengths = {4, 2, 0, 3, 1};

    private static List<Cell> stack(GatedReference kind) {
        Init init = new Init(23);
        return List.of(kind.cell(n_inputs, n_neurons[0], init, 4), kind.cell(n_neurons[0], n_neurons[1], init, 5));
    }

    @ParameterizedTest
    @EnumSource(GatedReference.class)
    void theFastUnrollEqualsDynamicRnnOnTheTeachingPath(GatedReference kind) {
        List<Cell> cells = stack(kind);
        Cell cell = cells.get(0);
        Tensor3 X = Tensor3.wrap(GradientCheck.gaussian(m * n_steps * n_inputs, 1), m, n_steps, n_inputs);
        FastCell fast = FastCells.of(cell, n_steps, m + 2);
        float[] outputs = new float[(m + 2) * n_steps * n_neurons[0]];
        fast.forward(X.data(), 0, m, lengths, 0, outputs);
        RnnOutput teaching = DynamicRNN.dynamic_rnn(cell, X, lengths);
        float[] expected = teaching.outputs().data();
        float[] actual = java.util.Arrays.copyOf(outputs, expected.length);
        assertArrayEquals(expected, actual, 1e-5f);
        if (fast instanceof FastLSTMCell lstm) {
            float[] c = new float[m * n_neurons[0]];
            lstm.finalCellStates(m, c);
            assertArrayEquals(teaching.finalState().parts().get(0).data, c, 1e-5f);
        }
        // the final states (h) of a stack, read off the outputs as the model does
        Buffers buf = new Buffers(cells, n_steps, m);
        Unroll.forward(buf, X.data(), 0, m, lengths, 0);
        RnnOutput top = DynamicRNN.dynamic_rnn(cells.get(1), teaching.outputs(), lengths);
        assertArrayEquals(top.outputs().data(), buf.outputs[1], 1e-5f);
        float[] states = new float[m * n_neurons[1]];
        Unroll.finalStates(buf, 1, m, lengths, 0, states, n_neurons[1], 0);
        assertArrayEquals(top.states().data, states, 1e-5f);
    }

    /** One layer: L = Σ C ⊙ outputs (every step) + Σ D ⊙ final h; the gradient of every parameter and of X. */
    @ParameterizedTest
    @EnumSource(GatedReference.class)
    void bpttOfOneLayerMatchesFiniteDifferences(GatedReference kind) {
        Cell cell = stack(kind).get(0);
        int n = n_neurons[0];
        float[] X = GradientCheck.gaussian(m * n_steps * n_inputs, 2);
        float[] C = GradientCheck.gaussian(m * n_steps * n, 3);
        float[] D = GradientCheck.gaussian(m * n, 5);

        FastCell fast = FastCells.of(cell, n_steps, m);
        float[] outputs = new float[m * n_steps * n];
        fast.forward(X, 0, m, lengths, 0, outputs);
        float[] dOutputs = C.clone();
        for (int s = 0; s < m; s++) {
            for (int k = 0; lengths[s] > 0 && k < n; k++) dOutputs[(s * n_steps + lengths[s] - 1) * n + k] += D[s * n + k];
        }
        float[][] grads = zeroGradients(List.of(cell));
        float[] dX = new float[X.length];
        fast.backward(X, 0, m, lengths, 0, outputs, dOutputs, dX, 0, grads, 0);

        double[][] params = GatedReference.parameters(List.of(cell));
        double[] x = GradientCheck.toDouble(X);
        java.util.function.DoubleSupplier loss = () -> {
            double[][][] h = kind.outputs(params, x, m, n_steps, n_inputs, n, lengths);
            double sum = 0;
            for (int s = 0; s < m; s++) {
                for (int t = 0; t < n_steps; t++) {
                    for (int k = 0; k < n; k++) sum += C[(s * n_steps + t) * n + k] * h[s][t][k];
                }
                for (int k = 0; lengths[s] > 0 && k < n; k++) sum += D[s * n + k] * h[s][lengths[s] - 1][k];
            }
            return sum;
        };
        for (int p = 0; p < params.length; p++) {
            double error = GradientCheck.relativeError(grads[p], GradientCheck.centralDifferences(params[p], loss));
            System.out.printf("%s one layer, d%s: relative error %.2e%n", kind, cell.parameterNames().get(p), error);
            assertTrue(error < 1e-5, kind + " d" + cell.parameterNames().get(p) + ": relative error " + error);
        }
        double error = GradientCheck.relativeError(dX, GradientCheck.centralDifferences(x, loss));
        System.out.printf("%s one layer, dX: relative error %.2e%n", kind, error);
        assertTrue(error < 1e-5, kind + " dX: relative error " + error);
        // past a sequence's end X changes nothing
        assertArrayEquals(new float[n_steps * n_inputs], java.util.Arrays.copyOfRange(dX, 2 * n_steps * n_inputs,
                3 * n_steps * n_inputs), 0f);
    }

    /** Two layers: L = Σ C ⊙ (top outputs, every step) + Σ D ⊙ [final h of layer 0, final h of layer 1]. */
    @ParameterizedTest
    @EnumSource(GatedReference.class)
    void bpttThroughAStackOfTwoMatchesFiniteDifferences(GatedReference kind) {
        List<Cell> cells = stack(kind);
        float[] X = GradientCheck.gaussian(m * n_steps * n_inputs, 2);
        float[] C = GradientCheck.gaussian(m * n_steps * n_neurons[1], 3);
        int width = n_neurons[0] + n_neurons[1];
        float[] D = GradientCheck.gaussian(m * width, 5);

        Buffers buf = new Buffers(cells, n_steps, m);
        Unroll.forward(buf, X, 0, m, lengths, 0);
        Bptt.clear(buf, m);
        System.arraycopy(C, 0, buf.dOutputs[1], 0, C.length);
        Bptt.addFinalStateGradient(buf, 0, m, lengths, 0, D, width, 0);
        Bptt.addFinalStateGradient(buf, 1, m, lengths, 0, D, width, n_neurons[0]);
        float[][] grads = zeroGradients(cells);
        Bptt.backward(buf, X, 0, m, lengths, 0, grads);

        double[][] params = GatedReference.parameters(cells);
        int split = cells.get(0).parameters().size();
        double[] x = GradientCheck.toDouble(X);
        java.util.function.DoubleSupplier loss = () -> {
            double[][] bottomParams = java.util.Arrays.copyOfRange(params, 0, split);
            double[][] topParams = java.util.Arrays.copyOfRange(params, split, params.length);
            double[][][] bottom = kind.outputs(bottomParams, x, m, n_steps, n_inputs, n_neurons[0], lengths);
            double[] flat = new double[m * n_steps * n_neurons[0]];
            for (int s = 0; s < m; s++) {
                for (int t = 0; t < n_steps; t++) {
                    System.arraycopy(bottom[s][t], 0, flat, (s * n_steps + t) * n_neurons[0], n_neurons[0]);
                }
            }
            double[][][] top = kind.outputs(topParams, flat, m, n_steps, n_neurons[0], n_neurons[1], lengths);
            double sum = 0;
            for (int s = 0; s < m; s++) {
                for (int t = 0; t < n_steps; t++) {
                    for (int k = 0; k < n_neurons[1]; k++) sum += C[(s * n_steps + t) * n_neurons[1] + k] * top[s][t][k];
                }
                int last = lengths[s] - 1;
                if (last < 0) continue;
                for (int k = 0; k < n_neurons[0]; k++) sum += D[s * width + k] * bottom[s][last][k];
                for (int k = 0; k < n_neurons[1]; k++) sum += D[s * width + n_neurons[0] + k] * top[s][last][k];
            }
            return sum;
        };
        for (int p = 0; p < params.length; p++) {
            String name = "layer " + (p < split ? 0 : 1) + " d"
                    + cells.get(p < split ? 0 : 1).parameterNames().get(p < split ? p : p - split);
            double error = GradientCheck.relativeError(grads[p], GradientCheck.centralDifferences(params[p], loss));
            System.out.printf("%s stack, %s: relative error %.2e%n", kind, name, error);
            assertTrue(error < 1e-5, kind + " " + name + ": relative error " + error);
        }
    }

    /** The work arrays, used batch after batch with other sizes and lengths, keep nothing from the batch before. */
    @ParameterizedTest
    @EnumSource(GatedReference.class)
    void reusedBuffersGiveWhatFreshBuffersGive(GatedReference kind) {
        List<Cell> cells = stack(kind);
        float[] X = GradientCheck.gaussian(m * n_steps * n_inputs, 7);
        float[] C = GradientCheck.gaussian(m * n_steps * n_neurons[1], 8);
        Buffers reused = new Buffers(cells, n_steps, m);
        gradients(reused, cells, X, C, m, null);           // a full batch, every sequence of n_steps
        float[][] again = gradients(reused, cells, X, C, 3, new int[] {1, 4, 2});
        float[][] fresh = gradients(new Buffers(cells, n_steps, m), cells, X, C, 3, new int[] {1, 4, 2});
        for (int p = 0; p < fresh.length; p++) assertArrayEquals(fresh[p], again[p], 0f, "parameter " + p);
        assertArrayEquals(forwardOnly(cells, X, 3, new int[] {1, 4, 2}),
                java.util.Arrays.copyOf(reused.topOutputs(), 3 * n_steps * n_neurons[1]), 0f);
    }

    private static float[] forwardOnly(List<Cell> cells, float[] X, int rows, int[] sequence_length) {
        Buffers buf = new Buffers(cells, n_steps, rows);
        Unroll.forward(buf, X, 0, rows, sequence_length, 0);
        return buf.topOutputs();
    }

    /** Forward and BPTT of rows sequences with the gradient C at the top layer's outputs; the parameters' gradients. */
    private static float[][] gradients(Buffers buf, List<Cell> cells, float[] X, float[] C, int rows, int[] lengths) {
        Unroll.forward(buf, X, 0, rows, lengths, 0);
        Bptt.clear(buf, rows);
        System.arraycopy(C, 0, buf.dOutputs[1], 0, rows * n_steps * n_neurons[1]);
        float[][] grads = zeroGradients(cells);
        Bptt.backward(buf, X, 0, rows, lengths, 0, grads);
        return grads;
    }

    private static float[][] zeroGradients(List<Cell> cells) {
        return cells.stream().flatMap(cell -> cell.parameters().stream())
                .map(p -> new float[p.getNumElements()]).toArray(float[][]::new);
    }

    @ParameterizedTest
    @EnumSource(GatedReference.class)
    void fastCellsNamesTheGatedCells(GatedReference kind) {
        FastCell fast = FastCells.of(stack(kind).get(0), n_steps, 2);
        assertTrue(fast instanceof FastLSTMCell || fast instanceof FastGRUCell, fast.getClass().getName());
        assertTrue((fast instanceof FastLSTMCell) == (fast.cell() instanceof LSTMCell));
    }
}
