package rnn;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.FMatrixRMaj;

/**
 * A 3-D float32 tensor of shape [d0, d1, d2] = [batch, n_steps, n_features], the shape of the
 * seed's {@code X = tf.placeholder(tf.float32, [None, n_steps, n_inputs])}. The elements live
 * row-major in one {@code float[]}: element (i, t, j) is at {@code (i*d1 + t)*d2 + j}.
 */
public final class Tensor3 {
    private final int d0;
    private final int d1;
    private final int d2;
    private final float[] data;

    /** A tensor of zeros of shape [d0, d1, d2]. */
    public Tensor3(int d0, int d1, int d2) {
        this(new float[checkedSize(d0, d1, d2)], d0, d1, d2);
    }

    private Tensor3(float[] data, int d0, int d1, int d2) {
        this.d0 = d0;
        this.d1 = d1;
        this.d2 = d2;
        this.data = data;
    }

    private static int checkedSize(int d0, int d1, int d2) {
        if (d0 < 0 || d1 < 0 || d2 < 0) {
            throw new IllegalArgumentException("a Tensor3 needs non-negative dimensions but was given ("
                    + d0 + ", " + d1 + ", " + d2 + ")");
        }
        long size = (long) d0 * d1 * d2;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a Tensor3 holds at most " + Integer.MAX_VALUE
                    + " elements but (" + d0 + ", " + d1 + ", " + d2 + ") has " + size);
        }
        return (int) size;
    }

    /**
     * The tensor of a nested Java array, like {@code np.array(...)} of the seed's X_batch:
     * {@code values[i][t][j]} is instance i, time step t, feature j. The array must be rectangular.
     */
    public static Tensor3 of(float[][][] values) {
        if (values == null) {
            throw new IllegalArgumentException("expected a float[batch][n_steps][n_features] but was given null");
        }
        int d0 = values.length;
        int d1 = d0 == 0 ? 0 : lengthOf(values[0], "values[0]");
        int d2 = d1 == 0 ? 0 : lengthOf(values[0][0], "values[0][0]");
        Tensor3 x = new Tensor3(d0, d1, d2);
        for (int i = 0; i < d0; i++) {
            int rows = lengthOf(values[i], "values[" + i + "]");
            if (rows != d1) {
                throw new IllegalArgumentException("the array is ragged: values[" + i + "] has " + rows
                        + " time steps but values[0] has " + d1);
            }
            for (int t = 0; t < d1; t++) {
                int cols = lengthOf(values[i][t], "values[" + i + "][" + t + "]");
                if (cols != d2) {
                    throw new IllegalArgumentException("the array is ragged: values[" + i + "][" + t + "] has "
                            + cols + " features but values[0][0] has " + d2);
                }
                System.arraycopy(values[i][t], 0, x.data, (i * d1 + t) * d2, d2);
            }
        }
        return x;
    }

    private static int lengthOf(Object array, String name) {
        if (array == null) {
            throw new IllegalArgumentException(name + " is null; expected an array");
        }
        return java.lang.reflect.Array.getLength(array);
    }

    /**
     * A tensor of shape [d0, d1, d2] over the given row-major array, used live (no copy), like
     * numpy's {@code data.reshape((d0, d1, d2))}: e.g. MNIST images of 784 pixels as [batch, 28, 28].
     */
    public static Tensor3 wrap(float[] data, int d0, int d1, int d2) {
        int size = checkedSize(d0, d1, d2);
        if (data == null || data.length != size) {
            throw new IllegalArgumentException("shape (" + d0 + ", " + d1 + ", " + d2 + ") needs " + size
                    + " elements but the array has " + (data == null ? "none (null)" : data.length));
        }
        return new Tensor3(data, d0, d1, d2);
    }

    /** [d0, d1, d2], like numpy's {@code .shape}. */
    public int[] shape() {
        return new int[] {d0, d1, d2};
    }

    /** The size along axis 0 (batch), 1 (n_steps) or 2 (features). */
    public int dim(int axis) {
        switch (axis) {
            case 0: return d0;
            case 1: return d1;
            case 2: return d2;
            default:
                throw new IllegalArgumentException("a Tensor3 has axes 0, 1 and 2 but was asked for axis " + axis);
        }
    }

    public float get(int i, int t, int j) {
        return data[index(i, t, j)];
    }

    public void set(int i, int t, int j, float v) {
        data[index(i, t, j)] = v;
    }

    private int index(int i, int t, int j) {
        if (i < 0 || i >= d0 || t < 0 || t >= d1 || j < 0 || j >= d2) {
            throw new IndexOutOfBoundsException("index (" + i + ", " + t + ", " + j
                    + ") is outside a tensor of shape " + shapeString());
        }
        return (i * d1 + t) * d2 + j;
    }

    /** The elements, row-major; the live array, not a copy. */
    public float[] data() {
        return data;
    }

    /** A copy of X[:, t, :], the batch at time step t: a d0 × d2 matrix. */
    public FMatrixRMaj step(int t) {
        checkStep(t);
        FMatrixRMaj m = new FMatrixRMaj(d0, d2);
        for (int i = 0; i < d0; i++) {
            System.arraycopy(data, (i * d1 + t) * d2, m.data, i * d2, d2);
        }
        return m;
    }

    /** X[:, t, :] = m, where m is d0 × d2. */
    public void setStep(int t, FMatrixRMaj m) {
        checkStep(t);
        if (m.numRows != d0 || m.numCols != d2) {
            throw new IllegalArgumentException("time step " + t + " of a tensor of shape " + shapeString()
                    + " takes a " + d0 + "×" + d2 + " matrix but was given " + m.numRows + "×" + m.numCols);
        }
        for (int i = 0; i < d0; i++) {
            System.arraycopy(m.data, i * d2, data, (i * d1 + t) * d2, d2);
        }
    }

    private void checkStep(int t) {
        if (t < 0 || t >= d1) {
            throw new IndexOutOfBoundsException("time step " + t + " is outside [0, " + d1
                    + ") of a tensor of shape " + shapeString());
        }
    }

    /**
     * One batch × features matrix per time step, as TF's
     * {@code tf.unstack(tf.transpose(X, perm=[1, 0, 2]))} gives the seed's X_seqs.
     */
    public static List<FMatrixRMaj> unstack(Tensor3 x) {
        List<FMatrixRMaj> perStep = new ArrayList<>(x.d1);
        for (int t = 0; t < x.d1; t++) {
            perStep.add(x.step(t));
        }
        return perStep;
    }

    /**
     * The inverse of {@link #unstack}: per-step batch × n matrices back to [batch, n_steps, n], as the
     * seed's {@code tf.transpose(tf.stack(output_seqs), perm=[1, 0, 2])}.
     */
    public static Tensor3 stack(List<FMatrixRMaj> perStep) {
        if (perStep == null || perStep.isEmpty()) {
            throw new IllegalArgumentException("stack needs at least one time step but was given "
                    + (perStep == null ? "null" : "an empty list"));
        }
        FMatrixRMaj first = perStep.get(0);
        Tensor3 x = new Tensor3(first.numRows, perStep.size(), first.numCols);
        for (int t = 0; t < perStep.size(); t++) {
            FMatrixRMaj m = perStep.get(t);
            if (m.numRows != first.numRows || m.numCols != first.numCols) {
                throw new IllegalArgumentException("every time step must have the shape of step 0, "
                        + first.numRows + "×" + first.numCols + ", but step " + t + " is " + m.numRows + "×" + m.numCols);
            }
            x.setStep(t, m);
        }
        return x;
    }

    /** The shape as numpy prints {@code .shape}: "(4, 2, 3)". */
    public String shapeString() {
        return "(" + d0 + ", " + d1 + ", " + d2 + ")";
    }

    /** The elements laid out as numpy's {@code print} lays them out. */
    @Override
    public String toString() {
        return NumpyFormat.format(this);
    }
}
