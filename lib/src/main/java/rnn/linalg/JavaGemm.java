package rnn.linalg;

import java.util.Arrays;

/**
 * Pure-Java {@code C = beta·C + op(A)·op(B)} on row-major arrays, the fallback where no native BLAS
 * loads. Transposed operands are first copied into a per-thread buffer, so the kernel only ever
 * runs {@code C += A·B} with rows of B and C contiguous; its inner loop runs over those rows so the
 * JIT can vectorise it, and it updates two rows of C from four rows of B at a time.
 */
final class JavaGemm {
    /** Rows of B per pass: a 256 × n panel of B stays in the core's L2 cache while rows of C stream by. */
    private static final int KC = 256;

    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private JavaGemm() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] A, int offA, int lda, float[] B, int offB, int ldb,
                     float beta, float[] C, int offC, int ldc) {
        scale(m, n, beta, C, offC, ldc);
        if (k == 0) return;
        float[][] scratch = SCRATCH.get();
        if (transA) {
            // A is stored k×m: copy out op(A) = Aᵀ as m×k.
            A = transposeInto(scratch, 0, A, offA, lda, k, m);
            offA = 0;
            lda = k;
        }
        if (transB) {
            // B is stored n×k: copy out op(B) = Bᵀ as k×n.
            B = transposeInto(scratch, 1, B, offB, ldb, n, k);
            offB = 0;
            ldb = n;
        }
        for (int p0 = 0; p0 < k; p0 += KC) {
            multAdd(m, n, Math.min(KC, k - p0), A, offA + p0, lda, B, offB + p0 * ldb, ldb, C, offC, ldc);
        }
    }

    private static void scale(int m, int n, float beta, float[] C, int offC, int ldc) {
        if (beta == 1f) return;
        for (int i = 0; i < m; i++) {
            int c = offC + i * ldc;
            if (beta == 0f) {
                Arrays.fill(C, c, c + n, 0f); // BLAS semantics: beta = 0 ignores what C held, NaN included
            } else {
                for (int j = 0; j < n; j++) C[c + j] *= beta;
            }
        }
    }

    /** Copies the rows × cols matrix at src (row stride ld) transposed into scratch[slot], cols × rows. */
    private static float[] transposeInto(float[][] scratch, int slot, float[] src, int off, int ld, int rows, int cols) {
        if (scratch[slot].length < rows * cols) scratch[slot] = new float[rows * cols];
        float[] dst = scratch[slot];
        for (int r = 0; r < rows; r++) {
            int s = off + r * ld;
            for (int c = 0; c < cols; c++) dst[c * rows + r] = src[s + c];
        }
        return dst;
    }

    /** C(m×n) += A(m×k)·B(k×n), all row-major with the given strides. */
    private static void multAdd(int m, int n, int k, float[] A, int offA, int lda,
                                float[] B, int offB, int ldb, float[] C, int offC, int ldc) {
        int i = 0;
        for (; i + 1 < m; i += 2) {
            int c0 = offC + i * ldc, c1 = c0 + ldc;
            int a0 = offA + i * lda, a1 = a0 + lda;
            int p = 0;
            for (; p + 3 < k; p += 4) {
                int b0 = offB + p * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
                float x00 = A[a0 + p], x01 = A[a0 + p + 1], x02 = A[a0 + p + 2], x03 = A[a0 + p + 3];
                float x10 = A[a1 + p], x11 = A[a1 + p + 1], x12 = A[a1 + p + 2], x13 = A[a1 + p + 3];
                for (int j = 0; j < n; j++) {
                    float y0 = B[b0 + j], y1 = B[b1 + j], y2 = B[b2 + j], y3 = B[b3 + j];
                    C[c0 + j] = Math.fma(x03, y3, Math.fma(x02, y2, Math.fma(x01, y1, Math.fma(x00, y0, C[c0 + j]))));
                    C[c1 + j] = Math.fma(x13, y3, Math.fma(x12, y2, Math.fma(x11, y1, Math.fma(x10, y0, C[c1 + j]))));
                }
            }
            for (; p < k; p++) {
                int b = offB + p * ldb;
                float x0 = A[a0 + p], x1 = A[a1 + p];
                for (int j = 0; j < n; j++) {
                    C[c0 + j] = Math.fma(x0, B[b + j], C[c0 + j]);
                    C[c1 + j] = Math.fma(x1, B[b + j], C[c1 + j]);
                }
            }
        }
        if (i < m) {
            int c = offC + i * ldc, a = offA + i * lda;
            for (int p = 0; p < k; p++) {
                int b = offB + p * ldb;
                float x = A[a + p];
                for (int j = 0; j < n; j++) C[c + j] = Math.fma(x, B[b + j], C[c + j]);
            }
        }
    }
}
