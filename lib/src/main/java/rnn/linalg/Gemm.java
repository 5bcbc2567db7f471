package rnn.linalg;

/**
 * The matrix products of the training loop, on row-major {@code float[]} with offsets and
 * leading dimensions, as BLAS's {@code sgemm} takes them:
 * {@code C = beta·C + op(A)·op(B)}, where op(A) is m×k and op(B) is k×n.
 *
 * <p>A is stored m×k (or k×m when {@code transA}); B is stored k×n (or n×k when {@code transB});
 * C is m×n. {@code lda}, {@code ldb}, {@code ldc} are the row lengths of the stored arrays.
 */
public final class Gemm {
    private Gemm() {
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] A, int offA, int lda,
                            float[] B, int offB, int ldb,
                            float beta, float[] C, int offC, int ldc) {
        for (int i = 0; i < m; i++) {
            int c = offC + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(C, c, c + n, 0f);
            } else if (beta != 1f) {
                for (int j = 0; j < n; j++) C[c + j] *= beta;
            }
            for (int p = 0; p < k; p++) {
                float a = transA ? A[offA + p * lda + i] : A[offA + i * lda + p];
                if (a == 0f) continue;
                if (transB) {
                    for (int j = 0; j < n; j++) C[c + j] += a * B[offB + j * ldb + p];
                } else {
                    int b = offB + p * ldb;
                    for (int j = 0; j < n; j++) C[c + j] += a * B[b + j];
                }
            }
        }
    }
}
