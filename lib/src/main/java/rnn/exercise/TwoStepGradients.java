package rnn.exercise;

import org.ejml.data.FMatrixRMaj;

import rnn.BasicRNN;

/**
 * db of notebook 6's two-step layer, Y(0) = tanh(X(0)·Wx + b), Y(1) = tanh(Y(0)·Wy + X(1)·Wx + b), computed in
 * double for the losses exercise 6.1 tells apart: ½‖Y(1)‖² (the exercise's), ½‖Y(0)‖² + ½‖Y(1)‖² (the page's), and
 * step 1's share alone, Σ_rows dZ(1).
 */
final class TwoStepGradients {
    private final double[][] dbLastStep;
    private final double[][] dbBothSteps;
    private final double[][] dbStepOneOnly;

    TwoStepGradients(BasicRNN layer, double[][] X0, double[][] X1) {
        double[][] Wx = toDouble(layer.Wx);
        double[][] Wy = toDouble(layer.Wy);
        double[] b = toDouble(layer.b)[0];
        double[][] Y0 = tanh(plus(product(X0, Wx), null, b));
        double[][] Y1 = tanh(plus(product(Y0, Wy), product(X1, Wx), b));
        double[][] dZ1 = throughTanh(Y1, Y1);                       // dY(1) = Y(1) in both losses
        double[][] back = productTransposed(dZ1, Wy);               // dZ(1)·Wyᵀ
        double[][] dZ0Last = throughTanh(back, Y0);                 // dY(0) = dZ(1)·Wyᵀ
        double[][] dZ0Both = throughTanh(plus(back, Y0, null), Y0); // dY(0) = Y(0) + dZ(1)·Wyᵀ
        dbStepOneOnly = sumRows(dZ1);
        dbLastStep = new double[][] {add(sumRows(dZ0Last)[0], dbStepOneOnly[0])};
        dbBothSteps = new double[][] {add(sumRows(dZ0Both)[0], dbStepOneOnly[0])};
    }

    double[][] dbLastStep() {
        return dbLastStep;
    }

    double[][] dbBothSteps() {
        return dbBothSteps;
    }

    double[][] dbStepOneOnly() {
        return dbStepOneOnly;
    }

    /** ‖A − B‖ / max(‖A‖, ‖B‖), the page's relative error; infinite when the shapes differ. */
    static double relativeError(double[][] A, double[][] B) {
        if (A.length != B.length) {
            return Double.POSITIVE_INFINITY;
        }
        double difference = 0;
        for (int i = 0; i < A.length; i++) {
            if (A[i] == null || A[i].length != B[i].length) {
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < A[i].length; j++) {
                difference += (A[i][j] - B[i][j]) * (A[i][j] - B[i][j]);
            }
        }
        double largest = Math.max(norm(A), norm(B));
        return largest == 0 ? Math.sqrt(difference) : Math.sqrt(difference) / largest;
    }

    static double norm(double[][] A) {
        double sum = 0;
        for (double[] row : A) {
            for (double a : row) {
                sum += a * a;
            }
        }
        return Math.sqrt(sum);
    }

    private static double[][] toDouble(FMatrixRMaj M) {
        double[][] A = new double[M.numRows][M.numCols];
        for (int i = 0; i < M.numRows; i++) {
            for (int j = 0; j < M.numCols; j++) {
                A[i][j] = M.get(i, j);
            }
        }
        return A;
    }

    /** A·B. */
    private static double[][] product(double[][] A, double[][] B) {
        double[][] C = new double[A.length][B[0].length];
        for (int i = 0; i < A.length; i++) {
            for (int k = 0; k < B.length; k++) {
                for (int j = 0; j < B[0].length; j++) {
                    C[i][j] += A[i][k] * B[k][j];
                }
            }
        }
        return C;
    }

    /** A·Bᵀ. */
    private static double[][] productTransposed(double[][] A, double[][] B) {
        double[][] C = new double[A.length][B.length];
        for (int i = 0; i < A.length; i++) {
            for (int j = 0; j < B.length; j++) {
                for (int k = 0; k < B[0].length; k++) {
                    C[i][j] += A[i][k] * B[j][k];
                }
            }
        }
        return C;
    }

    /** A + B (B may be null) + the row b added to every row (b may be null). */
    private static double[][] plus(double[][] A, double[][] B, double[] b) {
        double[][] C = new double[A.length][A[0].length];
        for (int i = 0; i < A.length; i++) {
            for (int j = 0; j < A[0].length; j++) {
                C[i][j] = A[i][j] + (B == null ? 0 : B[i][j]) + (b == null ? 0 : b[j]);
            }
        }
        return C;
    }

    private static double[][] tanh(double[][] Z) {
        double[][] Y = new double[Z.length][Z[0].length];
        for (int i = 0; i < Z.length; i++) {
            for (int j = 0; j < Z[0].length; j++) {
                Y[i][j] = Math.tanh(Z[i][j]);
            }
        }
        return Y;
    }

    /** dZ = dY ⊙ (1 − Y²), tanh's rule. */
    private static double[][] throughTanh(double[][] dY, double[][] Y) {
        double[][] dZ = new double[Y.length][Y[0].length];
        for (int i = 0; i < Y.length; i++) {
            for (int j = 0; j < Y[0].length; j++) {
                dZ[i][j] = dY[i][j] * (1 - Y[i][j] * Y[i][j]);
            }
        }
        return dZ;
    }

    private static double[][] sumRows(double[][] A) {
        double[][] s = new double[1][A[0].length];
        for (double[] row : A) {
            for (int j = 0; j < row.length; j++) {
                s[0][j] += row[j];
            }
        }
        return s;
    }

    private static double[] add(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            c[j] = a[j] + b[j];
        }
        return c;
    }
}
