package rnn.fast;

import java.util.List;
import java.util.Random;

import rnn.Cell;
import rnn.GRUCell;
import rnn.Init;
import rnn.LSTMCell;

/**
 * The gated cells written again for the tests, independently of the library: each kind's forward pass in double
 * precision over [m, n_steps, n_inputs] with sequence lengths (outputs 0 past a sequence's end), from the
 * parameters as double arrays in the teaching cell's order.
 */
enum GatedReference {
    LSTM, LSTM_PEEPHOLES, GRU;

    /** A teaching cell of this kind, its biases (and peepholes) made non-zero so that every term is exercised. */
    Cell cell(int n_inputs, int n_neurons, Init init, long seed) {
        Cell cell = switch (this) {
            case LSTM -> new LSTMCell(n_inputs, n_neurons, init);
            case LSTM_PEEPHOLES -> new LSTMCell(n_inputs, n_neurons, true, init);
            case GRU -> new GRUCell(n_inputs, n_neurons, init);
        };
        Random random = new Random(seed);
        for (int p = 1; p < cell.parameters().size(); p++) {
            if (this == GRU && p == 2) continue; // W_c keeps its Glorot values
            float[] values = cell.parameters().get(p).data;
            for (int k = 0; k < values.length; k++) values[k] += 0.3f * (float) random.nextGaussian();
        }
        return cell;
    }

    /** Every step's output h(t), [m][n_steps][n] (0 past the end), of one layer of this kind. */
    double[][][] outputs(double[][] params, double[] X, int m, int n_steps, int inputs, int n, int[] lengths) {
        double[][][] outputs = new double[m][n_steps][n];
        for (int s = 0; s < m; s++) {
            double[] h = new double[n];
            double[] c = new double[n];
            for (int t = 0; t < lengths[s]; t++) {
                double[] x = new double[inputs];
                System.arraycopy(X, (s * n_steps + t) * inputs, x, 0, inputs);
                if (this == GRU) {
                    h = gruStep(params, x, h, inputs, n);
                } else {
                    double[][] ch = lstmStep(params, x, c, h, inputs, n, this == LSTM_PEEPHOLES);
                    c = ch[0];
                    h = ch[1];
                }
                outputs[s][t] = h;
            }
        }
        return outputs;
    }

    /** [x h]·W + b for a kernel of {@code width} columns. */
    private static double[] affine(double[] W, double[] b, double[] x, double[] h, int inputs, int width) {
        double[] z = b.clone();
        for (int col = 0; col < width; col++) {
            for (int k = 0; k < inputs; k++) z[col] += x[k] * W[k * width + col];
            for (int k = 0; k < h.length; k++) z[col] += h[k] * W[(inputs + k) * width + col];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double[][] lstmStep(double[][] p, double[] x, double[] c, double[] h, int inputs, int n,
                                       boolean peepholes) {
        double[] z = affine(p[0], p[1], x, h, inputs, 4 * n);
        double[] cNew = new double[n];
        double[] hNew = new double[n];
        for (int k = 0; k < n; k++) {
            double i = sigmoid(z[k] + (peepholes ? p[3][k] * c[k] : 0));
            double j = Math.tanh(z[n + k]);
            double f = sigmoid(z[2 * n + k] + 1.0 + (peepholes ? p[2][k] * c[k] : 0));
            cNew[k] = f * c[k] + i * j;
            double o = sigmoid(z[3 * n + k] + (peepholes ? p[4][k] * cNew[k] : 0));
            hNew[k] = o * Math.tanh(cNew[k]);
        }
        return new double[][] {cNew, hNew};
    }

    private static double[] gruStep(double[][] p, double[] x, double[] h, int inputs, int n) {
        double[] z = affine(p[0], p[1], x, h, inputs, 2 * n);
        double[] rh = new double[n];
        for (int k = 0; k < n; k++) rh[k] = sigmoid(z[k]) * h[k];
        double[] candidate = affine(p[2], p[3], x, rh, inputs, n);
        double[] hNew = new double[n];
        for (int k = 0; k < n; k++) {
            double u = sigmoid(z[n + k]);
            hNew[k] = u * h[k] + (1 - u) * Math.tanh(candidate[k]);
        }
        return hNew;
    }

    /** The parameters of the cells, in order, as double arrays. */
    static double[][] parameters(List<? extends Cell> cells) {
        return cells.stream().flatMap(cell -> cell.parameters().stream()).map(p -> GradientCheck.toDouble(p.data))
                .toArray(double[][]::new);
    }
}
