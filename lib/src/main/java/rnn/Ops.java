package rnn;

import org.ejml.data.FMatrixRMaj;

import rnn.linalg.Gemm;

/**
 * The few matrix operations a notebook writes the equations with, so that a line on the page reads like the
 * equation: with {@code import static rnn.Ops.*;}
 * <pre>
 *   FMatrixRMaj Y0 = tanh(add(matmul(X0, Wx), b));                  // Y(0) = tanh(X(0)·Wx + b)
 *   FMatrixRMaj Y1 = tanh(add(matmul(Y0, Wy), matmul(X1, Wx), b));  // Y(1) = tanh(Y(0)·Wy + X(1)·Wx + b)
 * </pre>
 * Every operation returns a new matrix and leaves its arguments alone. The products run on the portable kernel
 * and tanh on {@link StrictMath}, as in {@link RecurrentCell}, so the digits are the same on every machine.
 */
public final class Ops {
    private Ops() {
    }

    /** A·B, the matrix product: A is m × k, B is k × n, the result m × n. */
    public static FMatrixRMaj matmul(FMatrixRMaj A, FMatrixRMaj B) {
        requireNonNull("matmul", "A", A);
        requireNonNull("matmul", "B", B);
        if (A.numCols != B.numRows) {
            throw new IllegalArgumentException("matmul(A, B) needs as many columns in A as rows in B, but A is "
                    + shape(A) + " and B is " + shape(B));
        }
        FMatrixRMaj C = new FMatrixRMaj(A.numRows, B.numCols);
        Gemm.portable(false, false, A.numRows, B.numCols, A.numCols, A.data, 0, Math.max(1, A.numCols),
                B.data, 0, Math.max(1, B.numCols), 0f, C.data, 0, Math.max(1, C.numCols));
        return C;
    }

    /**
     * The element-wise sum of the terms, left to right. Terms of one shape m × n add element by element; a
     * 1 × n row (a bias b) is added to every row, as numpy and TensorFlow broadcast it.
     */
    public static FMatrixRMaj add(FMatrixRMaj first, FMatrixRMaj... more) {
        requireNonNull("add", "term 1", first);
        FMatrixRMaj sum = first.copy();
        for (int k = 0; k < more.length; k++) {
            FMatrixRMaj term = more[k];
            requireNonNull("add", "term " + (k + 2), term);
            sum = broadcast("add", sum, term, k + 2, 1f);
        }
        return sum;
    }

    /** A − B element by element; B may also be a 1 × n row, subtracted from every row of A. */
    public static FMatrixRMaj minus(FMatrixRMaj A, FMatrixRMaj B) {
        requireNonNull("minus", "A", A);
        requireNonNull("minus", "B", B);
        return broadcast("minus", A.copy(), B, 2, -1f);
    }

    /** A ⊙ B, the element-wise (Hadamard) product of two matrices of one shape. */
    public static FMatrixRMaj times(FMatrixRMaj A, FMatrixRMaj B) {
        requireNonNull("times", "A", A);
        requireNonNull("times", "B", B);
        requireSameShape("times", A, B);
        FMatrixRMaj C = new FMatrixRMaj(A.numRows, A.numCols);
        for (int k = 0; k < C.data.length; k++) {
            C.data[k] = A.data[k] * B.data[k];
        }
        return C;
    }

    /** s·A, every element times the number s. */
    public static FMatrixRMaj scale(float s, FMatrixRMaj A) {
        requireNonNull("scale", "A", A);
        FMatrixRMaj C = new FMatrixRMaj(A.numRows, A.numCols);
        for (int k = 0; k < C.data.length; k++) {
            C.data[k] = s * A.data[k];
        }
        return C;
    }

    /** tanh of every element, on {@link StrictMath} (the same digits as the cell's). */
    public static FMatrixRMaj tanh(FMatrixRMaj A) {
        requireNonNull("tanh", "A", A);
        FMatrixRMaj C = new FMatrixRMaj(A.numRows, A.numCols);
        for (int k = 0; k < C.data.length; k++) {
            C.data[k] = Activation.TANH.apply(A.data[k]);
        }
        return C;
    }

    /** [A B]: the columns of B to the right of those of A; both have m rows. [X(t) Y(t−1)] in the concatenated form. */
    public static FMatrixRMaj concat(FMatrixRMaj A, FMatrixRMaj B) {
        requireNonNull("concat", "A", A);
        requireNonNull("concat", "B", B);
        if (A.numRows != B.numRows) {
            throw new IllegalArgumentException("concat(A, B) puts B's columns beside A's, so both need the same number"
                    + " of rows, but A is " + shape(A) + " and B is " + shape(B));
        }
        FMatrixRMaj C = new FMatrixRMaj(A.numRows, A.numCols + B.numCols);
        for (int r = 0; r < A.numRows; r++) {
            System.arraycopy(A.data, r * A.numCols, C.data, r * C.numCols, A.numCols);
            System.arraycopy(B.data, r * B.numCols, C.data, r * C.numCols + A.numCols, B.numCols);
        }
        return C;
    }

    /** The largest |A − B| over the elements of two matrices of one shape: 0 when they are equal. */
    public static double largestDifference(FMatrixRMaj A, FMatrixRMaj B) {
        requireNonNull("largestDifference", "A", A);
        requireNonNull("largestDifference", "B", B);
        requireSameShape("largestDifference", A, B);
        return largestDifference(A.data, B.data);
    }

    /** The largest |A − B| over the elements of two tensors of one shape: 0 when they are equal. */
    public static double largestDifference(Tensor3 A, Tensor3 B) {
        if (A == null || B == null) {
            throw new IllegalArgumentException("largestDifference needs two tensors but was given "
                    + (A == null ? "A = null" : "B = null"));
        }
        if (!A.shapeString().equals(B.shapeString())) {
            throw new IllegalArgumentException("largestDifference compares tensors of one shape, but A is "
                    + A.shapeString() + " and B is " + B.shapeString());
        }
        return largestDifference(A.data(), B.data());
    }

    private static double largestDifference(float[] a, float[] b) {
        double largest = 0;
        for (int k = 0; k < a.length; k++) {
            largest = Math.max(largest, Math.abs((double) a[k] - b[k]));
        }
        return largest;
    }

    /** sum ← sum + sign·term, where term has sum's shape or is a 1 × n row added to every row. */
    private static FMatrixRMaj broadcast(String op, FMatrixRMaj sum, FMatrixRMaj term, int position, float sign) {
        int n = sum.numCols;
        boolean row = term.numRows == 1 && term.numCols == n;
        if (!row && (term.numRows != sum.numRows || term.numCols != n)) {
            throw new IllegalArgumentException(op + " needs terms of one shape, or a 1 × " + n + " row for every"
                    + " row, but term " + position + " is " + shape(term) + " and the terms before it are " + shape(sum));
        }
        for (int r = 0; r < sum.numRows; r++) {
            int offset = r * n;
            int from = row ? 0 : offset;
            for (int c = 0; c < n; c++) {
                sum.data[offset + c] += sign * term.data[from + c];
            }
        }
        return sum;
    }

    private static void requireSameShape(String op, FMatrixRMaj A, FMatrixRMaj B) {
        if (A.numRows != B.numRows || A.numCols != B.numCols) {
            throw new IllegalArgumentException(op + "(A, B) needs A and B of one shape, but A is " + shape(A)
                    + " and B is " + shape(B));
        }
    }

    private static void requireNonNull(String op, String name, FMatrixRMaj m) {
        if (m == null) {
            throw new IllegalArgumentException(op + " needs a matrix for " + name + " but was given null");
        }
    }

    private static String shape(FMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }
}
