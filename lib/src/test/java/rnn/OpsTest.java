package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static rnn.Ops.add;
import static rnn.Ops.concat;
import static rnn.Ops.largestDifference;
import static rnn.Ops.matmul;
import static rnn.Ops.minus;
import static rnn.Ops.scale;
import static rnn.Ops.tanh;
import static rnn.Ops.times;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class OpsTest {
    private static final FMatrixRMaj A = new FMatrixRMaj(new float[][] {{1, 2, 3}, {4, 5, 6}});
    private static final FMatrixRMaj B = new FMatrixRMaj(new float[][] {{1, 0}, {0, 1}, {2, -1}});

    @Test
    void matmulIsTheMatrixProduct() {
        // [1 2 3; 4 5 6]·[1 0; 0 1; 2 -1] = [1+0+6, 0+2-3; 4+0+12, 0+5-6]
        assertArrayEquals(new float[] {7, -1, 16, -1}, matmul(A, B).data);
        assertEquals(2, matmul(A, B).numRows);
        assertEquals(2, matmul(A, B).numCols);
    }

    @Test
    void addBroadcastsARowAndLeavesItsArgumentsAlone() {
        FMatrixRMaj b = new FMatrixRMaj(new float[][] {{10, 20, 30}});
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, add(A, b).data);
        assertArrayEquals(new float[] {22, 44, 66, 28, 50, 72}, add(A, A, b, b).data, 0f); // not only 2 terms
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, A.data); // unchanged
        assertArrayEquals(new float[] {-9, -18, -27, -6, -15, -24}, minus(A, b).data);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, minus(A, A).data);
    }

    @Test
    void elementWiseTimesScaleAndTanh() {
        assertArrayEquals(new float[] {1, 4, 9, 16, 25, 36}, times(A, A).data);
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, scale(0.5f, A).data);
        FMatrixRMaj z = new FMatrixRMaj(new float[][] {{0, 0.5f, -2, 20}});
        assertArrayEquals(new float[] {0f, 0.46211716f, -0.9640276f, 1f}, tanh(z).data, 1e-7f);
    }

    @Test
    void concatPutsColumnsSideBySide() {
        FMatrixRMaj c = concat(A, new FMatrixRMaj(new float[][] {{7}, {8}}));
        assertEquals(4, c.numCols);
        assertArrayEquals(new float[] {1, 2, 3, 7, 4, 5, 6, 8}, c.data);
    }

    @Test
    void theEquationOnThePageIsTheCellBitForBit() {
        Init init = new Init(3);
        FMatrixRMaj Wx = init.randomNormal(4, 1);
        FMatrixRMaj Wy = init.randomNormal(1, 1);
        FMatrixRMaj b = init.randomNormal(1, 1);
        FMatrixRMaj X0 = new FMatrixRMaj(new float[][] {{0, 1, 2, 0}, {3, 4, 5, 0}, {6, 7, 8, 0}, {9, 0, 1, 0}});
        FMatrixRMaj X1 = new FMatrixRMaj(new float[][] {{9, 8, 7, 0}, {0, 0, 0, 0}, {6, 5, 4, 0}, {3, 2, 1, 0}});
        TwoSteps packaged = new SingleRNN(Wx, Wy, b).run(X0, X1);

        FMatrixRMaj Y0 = tanh(add(matmul(X0, Wx), b));
        FMatrixRMaj Y1 = tanh(add(matmul(Y0, Wy), matmul(X1, Wx), b));
        assertEquals(0.0, largestDifference(Y0, packaged.Y0()));
        assertEquals(0.0, largestDifference(Y1, packaged.Y1())); // one neuron: the same sums in the same order
    }

    @Test
    void largestDifferenceOfMatricesAndTensors() {
        FMatrixRMaj C = A.copy();
        C.set(1, 2, 6.25f);
        assertEquals(0.25, largestDifference(A, C));
        Tensor3 x = new Tensor3(1, 2, 2);
        Tensor3 y = new Tensor3(1, 2, 2);
        y.set(0, 1, 0, -0.5f);
        assertEquals(0.5, largestDifference(x, y));
    }

    @Test
    void shapeErrorsSayWhatWasExpectedAndWhatWasGiven() {
        assertEquals("matmul(A, B) needs as many columns in A as rows in B, but A is 2×3 and B is 2×3",
                assertThrows(IllegalArgumentException.class, () -> matmul(A, A)).getMessage());
        assertEquals("add needs terms of one shape, or a 1 × 3 row for every row, but term 2 is 3×2 and the terms"
                        + " before it are 2×3",
                assertThrows(IllegalArgumentException.class, () -> add(A, B)).getMessage());
        assertEquals("concat(A, B) puts B's columns beside A's, so both need the same number of rows, but A is 2×3"
                        + " and B is 3×2",
                assertThrows(IllegalArgumentException.class, () -> concat(A, B)).getMessage());
        assertEquals("times(A, B) needs A and B of one shape, but A is 2×3 and B is 3×2",
                assertThrows(IllegalArgumentException.class, () -> times(A, B)).getMessage());
        assertEquals("tanh needs a matrix for A but was given null",
                assertThrows(IllegalArgumentException.class, () -> tanh(null)).getMessage());
    }
}
