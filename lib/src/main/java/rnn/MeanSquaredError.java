package rnn;

/**
 * The chapter's regression loss, {@code tf.reduce_mean(tf.square(outputs - y))}: the mean over all N elements of the
 * outputs (every instance, every time step, every output) of the squared error,
 * <pre>
 *   L = (1/N) Σ (outputs − y)²,      dL/doutputs = 2 (outputs − y) / N
 * </pre>
 */
public final class MeanSquaredError {
    private MeanSquaredError() {
    }

    /** The mean squared error of {@code outputs} against the targets {@code y}, both [batch, n_steps, n_outputs]. */
    public static float loss(Tensor3 outputs, Tensor3 y) {
        return lossAndGradient(outputs, y, null);
    }

    /**
     * The mean squared error, and (when {@code dOutputs} is not null, a tensor of the same shape) its gradient
     * 2 (outputs − y) / N written into {@code dOutputs}.
     */
    public static float lossAndGradient(Tensor3 outputs, Tensor3 y, Tensor3 dOutputs) {
        checkTargets(outputs, y);
        if (dOutputs != null) {
            Shapes.check("dOutputs", dOutputs, outputs.dim(0), outputs.dim(1), outputs.dim(2), "the shape of outputs");
        }
        int size = outputs.data().length;
        float[] gradient = dOutputs == null ? null : dOutputs.data();
        double sum = lossSumAndGradient(outputs.data(), size, y.data(), 0, size, gradient);
        return (float) (sum / size);
    }

    /**
     * The part of a batch's loss that {@code size} of its elements contribute, for a batch split across threads:
     * returns Σ (outputs[k] − y[offY + k])² over k &lt; size, and (when {@code dOutputs} is not null) writes their
     * share of the gradient of the batch's mean, 2 (outputs − y) / total, where {@code total} is the number of
     * elements of the whole batch.
     */
    public static double lossSumAndGradient(float[] outputs, int size, float[] y, int offY, int total, float[] dOutputs) {
        double sum = 0;
        for (int k = 0; k < size; k++) {
            float error = outputs[k] - y[offY + k];
            sum += (double) error * error;
            if (dOutputs != null) dOutputs[k] = 2 * error / total;
        }
        return sum;
    }

    /** Throws unless y has the shape of outputs and at least one element (the mean of nothing is undefined). */
    public static void checkTargets(Tensor3 outputs, Tensor3 y) {
        if (outputs == null) throw new IllegalArgumentException("outputs is null; expected [batch, n_steps, n_outputs]");
        Shapes.check("y", y, outputs.dim(0), outputs.dim(1), outputs.dim(2),
                "the shape of outputs [batch, n_steps, n_outputs]");
        if (outputs.data().length == 0) {
            throw new IllegalArgumentException("outputs " + outputs.shapeString()
                    + " has no element; the mean over an empty batch is undefined");
        }
    }
}
