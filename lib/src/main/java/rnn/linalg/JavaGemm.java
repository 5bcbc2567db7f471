package rnn.linalg;

import java.util.Arrays;

/**
 * Pure-Java {@code C = beta·C + op(A)·op(B)} on row-major arrays, the fallback where no native BLAS
 * loads.
 *
 * <p>Written for what HotSpot's C2 (JDK 17) vectorises: a loop over j whose array accesses all use the
 * same index, {@code x[j]}. An access at another offset ({@code C[c + j]} beside {@code B[b + j]}) makes it
 * give up and run scalar code, 3 to 4 times slower. So each row of op(B) is copied into its own array,
 * two rows of C at a time into two scratch rows, and the kernel updates those two rows from four rows of
 * op(B) per pass, blocked over {@value #KC} rows of op(B) so the block stays in the core's L2 cache.
 * The buffers are per thread and grow to the largest call, so steady use allocates nothing.
 */
final class JavaGemm {
    /** Rows of op(B) per block. */
    private static final int KC = 256;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** Columns of the product that trains the kernel's loop profile: the seed's n_neurons. */
    static final int WARM_UP_COLUMNS = 150;
    /** Calls of the warm-up product: enough for C2 to compile the kernel from its profile alone. */
    static final int WARM_UP_CALLS = 30_000;
    /** Set once {@link #warmUp} has run; read on every call. */
    private static volatile boolean warmedUp;

    private JavaGemm() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] A, int offA, int lda, float[] B, int offB, int ldb,
                     float beta, float[] C, int offC, int ldc) {
        if (!warmedUp) warmUp();
        product(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, C, offC, ldc);
    }

    private static void product(boolean transA, boolean transB, int m, int n, int k,
                                float[] A, int offA, int lda, float[] B, int offB, int ldb,
                                float beta, float[] C, int offC, int ldc) {
        scale(m, n, beta, C, offC, ldc);
        if (k == 0 || m == 0 || n == 0) return;
        Scratch s = SCRATCH.get();
        s.reserve(Math.min(KC, k), n);
        // op(A)[i][p] is A[offA + i·rowA + p·colA]
        int rowA = transA ? 1 : lda, colA = transA ? lda : 1;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            for (int p = 0; p < kc; p++) {
                float[] row = s.b[p];
                if (transB) {
                    for (int j = 0; j < n; j++) row[j] = B[offB + j * ldb + p0 + p];
                } else {
                    System.arraycopy(B, offB + (p0 + p) * ldb, row, 0, n);
                }
            }
            int a = offA + p0 * colA;
            int i = 0;
            for (; i + 1 < m; i += 2) {
                int c = offC + i * ldc;
                System.arraycopy(C, c, s.c0, 0, n);
                System.arraycopy(C, c + ldc, s.c1, 0, n);
                twoRows(n, kc, A, a + i * rowA, a + (i + 1) * rowA, colA, s.b, s.c0, s.c1);
                System.arraycopy(s.c0, 0, C, c, n);
                System.arraycopy(s.c1, 0, C, c + ldc, n);
            }
            if (i < m) {
                int c = offC + i * ldc;
                System.arraycopy(C, c, s.c0, 0, n);
                oneRow(n, kc, A, a + i * rowA, colA, s.b, s.c0);
                System.arraycopy(s.c0, 0, C, c, n);
            }
        }
    }

    /**
     * Runs the kernel on wide products ({@value #WARM_UP_COLUMNS} columns of C) {@value #WARM_UP_CALLS} times,
     * before the first product of this JVM, through every branch: both transposes, an odd row, k = 0, a remainder of k after the
     * four-row passes, more than one block of {@value #KC}, each kind of beta. C2 unrolls and vectorises the loop
     * over j after the trip counts it has profiled, and it recompiles a method whose compiled code meets a branch
     * its profile never saw, from the profile as it is then. Without this warm-up, whichever products a JVM met
     * first (the teaching examples' few neurons, the dense layer's 10 classes) could leave a kernel several times
     * slower on the wide products, recompiled at moments that varied from run to run. (It runs on the first call,
     * not in the class's initialiser: C2 code compiled while a class is being initialised is thrown away when the
     * initialisation ends.)
     */
    private static synchronized void warmUp() {
        if (warmedUp) return;
        int n = WARM_UP_COLUMNS, most = KC + 6;
        float[] A = new float[3 * most], B = new float[most * n], C = new float[3 * n];
        float[] betas = {0f, 1f, 0.5f};
        for (int call = 0; call < WARM_UP_CALLS; call++) {
            boolean transA = (call & 1) != 0, transB = (call & 2) != 0;
            int m = (call & 4) != 0 ? 3 : 2, k = call % 1000 == 0 ? most : call % 1000 == 1 ? 0 : 6;
            product(transA, transB, m, n, k, A, 0, transA ? m : k, B, 0, transB ? k : n, betas[call % 3], C, 0, n);
        }
        warmedUp = true;
    }

    /** c0 += Σ_p A[a0 + p·colA]·b[p], c1 likewise from a1: two rows of C += A·B, four rows of B at a time. */
    private static void twoRows(int n, int k, float[] A, int a0, int a1, int colA, float[][] b, float[] c0, float[] c1) {
        int p = 0;
        for (; p + 3 < k; p += 4) {
            float[] b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
            float x0 = A[a0 + p * colA], x1 = A[a0 + (p + 1) * colA], x2 = A[a0 + (p + 2) * colA], x3 = A[a0 + (p + 3) * colA];
            float z0 = A[a1 + p * colA], z1 = A[a1 + (p + 1) * colA], z2 = A[a1 + (p + 2) * colA], z3 = A[a1 + (p + 3) * colA];
            for (int j = 0; j < n; j++) {
                float y0 = b0[j], y1 = b1[j], y2 = b2[j], y3 = b3[j];
                c0[j] = c0[j] + x0 * y0 + x1 * y1 + x2 * y2 + x3 * y3;
                c1[j] = c1[j] + z0 * y0 + z1 * y1 + z2 * y2 + z3 * y3;
            }
        }
        for (; p < k; p++) {
            float[] bp = b[p];
            float x = A[a0 + p * colA], z = A[a1 + p * colA];
            for (int j = 0; j < n; j++) {
                c0[j] += x * bp[j];
                c1[j] += z * bp[j];
            }
        }
    }

    private static void oneRow(int n, int k, float[] A, int a0, int colA, float[][] b, float[] c0) {
        for (int p = 0; p < k; p++) {
            float[] bp = b[p];
            float x = A[a0 + p * colA];
            for (int j = 0; j < n; j++) c0[j] += x * bp[j];
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

    /** One thread's rows of op(B) and two rows of C, grown as needed. */
    private static final class Scratch {
        float[][] b = new float[0][];
        float[] c0 = new float[0];
        float[] c1 = new float[0];

        void reserve(int rows, int n) {
            if (c0.length < n) {
                c0 = new float[n];
                c1 = new float[n];
                for (int p = 0; p < b.length; p++) b[p] = new float[n];
            }
            if (b.length < rows) {
                int old = b.length;
                b = Arrays.copyOf(b, rows);
                for (int p = old; p < rows; p++) b[p] = new float[c0.length];
            }
        }
    }
}
