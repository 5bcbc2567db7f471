package rnn;

import org.ejml.data.FMatrixRMaj;

/**
 * TF's {@code tf.reduce_mean(tf.cast(tf.nn.in_top_k(logits, y, 1), tf.float32))}: the fraction of rows whose
 * label is a top-1 class.
 *
 * <p>As in TF's {@code in_top_k}, a label is in the top k when fewer than k classes have a strictly larger
 * logit, so a label tied with the maximum counts as correct; a row with any non-finite logit (NaN or ±∞)
 * counts as not correct.
 */
public final class Accuracy {
    private Accuracy() {
    }

    /** The fraction of rows of {@code logits} (m × n_classes) whose label is in the top 1. */
    public static float accuracy(FMatrixRMaj logits, int[] labels) {
        SoftmaxCrossEntropy.checkLabels(labels, logits.numRows, logits.numCols);
        return accuracy(logits.data, logits.numRows, logits.numCols, labels);
    }

    /** The same on m row-major rows of n_classes; labels must already be checked. */
    static float accuracy(float[] logits, int m, int n_classes, int[] labels) {
        int correct = 0;
        for (int i = 0; i < m; i++) {
            if (inTopK(logits, i * n_classes, n_classes, labels[i], 1)) correct++;
        }
        return (float) correct / m;
    }

    /** {@code in_top_k} for one row: fewer than k classes beat the target, and every logit is finite. */
    static boolean inTopK(float[] logits, int row, int n_classes, int target, int k) {
        float target_logit = logits[row + target];
        int larger = 0;
        for (int j = 0; j < n_classes; j++) {
            float z = logits[row + j];
            if (!Float.isFinite(z)) return false;
            if (z > target_logit) larger++;
        }
        return larger < k;
    }

    /** The index of the largest logit of each row, the first one on ties (TF's and numpy's {@code argmax}). */
    public static int[] argmax(FMatrixRMaj logits) {
        int[] best = new int[logits.numRows];
        for (int i = 0; i < logits.numRows; i++) {
            int row = i * logits.numCols;
            for (int j = 1; j < logits.numCols; j++) {
                if (logits.data[row + j] > logits.data[row + best[i]]) best[i] = j;
            }
        }
        return best;
    }
}
