package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * TF's {@code tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=logits))}:
 * the mean over the m rows of {@code −log softmax(logits)[y]}, and its gradient
 * {@code dL/dlogits = (softmax(logits) − onehot(y)) / m}.
 *
 * <p>Each row is shifted by its maximum before exponentiating, so large logits do not overflow.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** The mean cross-entropy of the rows of {@code logits} (m × n_classes) against the class indices {@code labels}. */
    public static float loss(FMatrixRMaj logits, int[] labels) {
        checkLabels(labels, logits.numRows, logits.numCols);
        return lossAndGradient(logits.data, logits.numRows, logits.numCols, labels, null);
    }

    /**
     * The mean cross-entropy, and {@code dLogits} (reshaped to the shape of {@code logits}) set to its
     * gradient {@code (softmax − onehot) / m}.
     */
    public static float lossAndGradient(FMatrixRMaj logits, int[] labels, FMatrixRMaj dLogits) {
        checkLabels(labels, logits.numRows, logits.numCols);
        dLogits.reshape(logits.numRows, logits.numCols);
        return lossAndGradient(logits.data, logits.numRows, logits.numCols, labels, dLogits.data);
    }

    /**
     * The same on row-major arrays: {@code logits} holds m rows of n_classes; when {@code dLogits} is not
     * null its first m·n_classes entries receive the gradient. Labels must already be checked
     * ({@link #checkLabels}); the training loop checks them once per batch.
     */
    static float lossAndGradient(float[] logits, int m, int n_classes, int[] labels, float[] dLogits) {
        return (float) (lossSumAndGradient(logits, m, n_classes, labels, 0, m, dLogits) / m);
    }

    /**
     * The part of a batch's loss that m of its rows contribute, for a batch split across threads: returns the
     * sum of their losses, and (when {@code dLogits} is not null) writes their share of the gradient of the
     * batch's mean loss, (softmax − onehot) / batch. Row i's label is {@code labels[labelOffset + i]}.
     */
    public static double lossSumAndGradient(float[] logits, int m, int n_classes, int[] labels, int labelOffset, int batch,
                                     float[] dLogits) {
        double total = 0;
        for (int i = 0; i < m; i++) {
            int row = i * n_classes;
            int label = labels[labelOffset + i];
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n_classes; j++) max = Math.max(max, logits[row + j]);
            double sumExp = 0;
            for (int j = 0; j < n_classes; j++) sumExp += Math.exp(logits[row + j] - max);
            // −log softmax(z)[y] = log Σ_j exp(z_j − max) − (z_y − max)
            total += Math.log(sumExp) - (logits[row + label] - max);
            if (dLogits != null) {
                for (int j = 0; j < n_classes; j++) {
                    double softmax = Math.exp(logits[row + j] - max) / sumExp;
                    double onehot = j == label ? 1 : 0;
                    dLogits[row + j] = (float) ((softmax - onehot) / batch);
                }
            }
        }
        return total;
    }

    /** Throws unless there is one label per row, each in [0, n_classes), and at least one row. */
    public static void checkLabels(int[] labels, int rows, int n_classes) {
        if (labels == null) throw new IllegalArgumentException("labels is null; expected " + rows + " class indices");
        if (labels.length != rows) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but logits has " + rows + " rows");
        }
        if (rows == 0) throw new IllegalArgumentException("logits has 0 rows; the mean over an empty batch is undefined");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= n_classes) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i]
                        + " is outside the class range [0, " + n_classes + ")");
            }
        }
    }
}
