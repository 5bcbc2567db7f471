package rnn;

import java.util.List;
import org.ejml.data.FMatrixRMaj;

/**
 * TF 1.x {@code tf.train.AdamOptimizer}: per parameter θ with gradient g, at step t = 1, 2, …
 * <pre>
 *   lr_t = learning_rate · sqrt(1 − beta2^t) / (1 − beta1^t)
 *   m    = beta1 · m + (1 − beta1) · g
 *   v    = beta2 · v + (1 − beta2) · g²
 *   θ    = θ − lr_t · m / (sqrt(v) + epsilon)
 * </pre>
 * The moments m and v start at zero and are created at the first step, one pair per parameter in the
 * order the parameters are given; every later step must pass parameters of the same count and sizes.
 */
public final class Adam {
    private final float learning_rate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private long t;
    private float[][] m;
    private float[][] v;

    /** TF's defaults: beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8. */
    public Adam(float learning_rate) {
        this(learning_rate, 0.9f, 0.999f, 1e-8f);
    }

    public Adam(float learning_rate, float beta1, float beta2, float epsilon) {
        if (!(learning_rate > 0) || !Float.isFinite(learning_rate)) {
            throw new IllegalArgumentException("learning_rate must be a positive finite number, got " + learning_rate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        if (!(epsilon >= 0)) throw new IllegalArgumentException("epsilon must be >= 0, got " + epsilon);
        this.learning_rate = learning_rate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    public float learning_rate() {
        return learning_rate;
    }

    /** How many updates have been applied (TF's t). */
    public long iterations() {
        return t;
    }

    /** One update of every matrix in {@code params} (changed in place) by the gradient at the same index. */
    public void step(List<FMatrixRMaj> params, List<FMatrixRMaj> grads) {
        if (params.size() != grads.size()) {
            throw new IllegalArgumentException(params.size() + " parameters but " + grads.size() + " gradients");
        }
        float[][] p = new float[params.size()][];
        float[][] g = new float[grads.size()][];
        for (int i = 0; i < p.length; i++) {
            FMatrixRMaj param = params.get(i);
            FMatrixRMaj grad = grads.get(i);
            if (param.numRows != grad.numRows || param.numCols != grad.numCols) {
                throw new IllegalArgumentException("parameter " + i + " is " + param.numRows + "×" + param.numCols
                        + " but its gradient is " + grad.numRows + "×" + grad.numCols);
            }
            p[i] = param.data;
            g[i] = grad.data;
        }
        int[] sizes = new int[p.length];
        for (int i = 0; i < p.length; i++) sizes[i] = params.get(i).getNumElements();
        step(p, g, sizes);
    }

    /**
     * The same on arrays: {@code params[i]} and {@code grads[i]} hold {@code sizes[i]} used entries
     * (an EJML matrix's array may be longer than its elements). Allocates nothing after the first step.
     */
    public void step(float[][] params, float[][] grads, int[] sizes) {
        step(params, grads, sizes, null);
    }

    /**
     * The same, with the parameters' names (e.g. W, b, W_dense, b_dense) for the message of a non-finite gradient;
     * {@code names} null names them by index.
     *
     * @throws ArithmeticException if a gradient holds a NaN or an infinite value, naming the parameter and the
     *                             entry; no parameter and no moment is then changed
     */
    public void step(float[][] params, float[][] grads, int[] sizes, List<String> names) {
        if (params.length != grads.length || params.length != sizes.length) {
            throw new IllegalArgumentException(params.length + " parameters, " + grads.length + " gradients and "
                    + sizes.length + " sizes; expected equal counts");
        }
        if (names != null && names.size() != params.length) {
            throw new IllegalArgumentException(names.size() + " names for " + params.length + " parameters");
        }
        if (m == null) createMoments(sizes);
        checkSizes(params, grads, sizes);
        checkFinite(grads, sizes, names);
        t++;
        // lr_t = lr · sqrt(1 − beta2^t) / (1 − beta1^t), TF's bias correction folded into the step size
        float lr_t = (float) (learning_rate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        for (int i = 0; i < params.length; i++) {
            float[] theta = params[i];
            float[] g = grads[i];
            float[] mi = m[i];
            float[] vi = v[i];
            for (int j = 0; j < sizes[i]; j++) {
                mi[j] = beta1 * mi[j] + (1 - beta1) * g[j];
                vi[j] = beta2 * vi[j] + (1 - beta2) * g[j] * g[j];
                theta[j] -= lr_t * mi[j] / ((float) Math.sqrt(vi[j]) + epsilon);
            }
        }
    }

    /** Refuses a NaN or infinite gradient before anything is updated: written into m and v, it would stay for good. */
    private static void checkFinite(float[][] grads, int[] sizes, List<String> names) {
        for (int i = 0; i < grads.length; i++) {
            int at = Finite.firstNonFinite(grads[i], 0, sizes[i]);
            if (at >= 0) {
                String parameter = names == null ? "parameter " + i : "parameter " + names.get(i) + " (index " + i + ")";
                throw new ArithmeticException("the gradient of " + parameter + " is " + Finite.name(grads[i][at])
                        + " at entry " + at + "; no parameter was updated");
            }
        }
    }

    private void createMoments(int[] sizes) {
        m = new float[sizes.length][];
        v = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            m[i] = new float[sizes[i]];
            v[i] = new float[sizes[i]];
        }
    }

    private void checkSizes(float[][] params, float[][] grads, int[] sizes) {
        if (sizes.length != m.length) {
            throw new IllegalArgumentException("this optimizer updates " + m.length + " parameters but was given "
                    + sizes.length);
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] != m[i].length) {
                throw new IllegalArgumentException("parameter " + i + " has " + sizes[i]
                        + " entries but had " + m[i].length + " at the first step");
            }
            if (params[i].length < sizes[i] || grads[i].length < sizes[i]) {
                throw new IllegalArgumentException("parameter " + i + " should have " + sizes[i] + " entries; its array has "
                        + params[i].length + " and its gradient's " + grads[i].length);
            }
        }
    }
}
