package rnn.linalg;

import java.util.Locale;

/**
 * The matrix products of the training loop, on row-major {@code float[]} with offsets and
 * leading dimensions, as BLAS's {@code sgemm} takes them:
 * {@code C = beta·C + op(A)·op(B)}, where op(A) is m×k and op(B) is k×n.
 *
 * <p>A is stored m×k (or k×m when {@code transA}); B is stored k×n (or n×k when {@code transB});
 * C is m×n. {@code lda}, {@code ldb}, {@code ldc} are the row lengths of the stored arrays.
 *
 * <p>Where the system BLAS loads (OpenBLAS through {@code dev.ludovic.netlib:blas}) the product runs
 * there; otherwise on {@link JavaGemm}, a pure-Java kernel. The choice is made once, when this class
 * is initialised; the system property {@code rnn.gemm} (or the environment variable
 * {@code RNN_GEMM}) set to {@code java} forces the pure-Java kernel, {@code native} asks for the
 * native one (with a warning on stderr, and the pure-Java kernel, where it does not load).
 */
public final class Gemm {
    /** Where {@link #gemm} runs. */
    public enum Backend { NATIVE, JAVA }

    private static final Backend BACKEND = choose();

    private Gemm() {
    }

    /** Where the products run in this JVM. */
    public static Backend backend() {
        return BACKEND;
    }

    /** One line for a notebook or a benchmark: where the products run, and why. */
    public static String describe() {
        if (BACKEND == Backend.NATIVE) return "native BLAS (libblas.so.3 through dev.ludovic.netlib JNI)";
        String why = NativeBlas.unavailableBecause();
        return "pure-Java kernel (" + (why == null ? "forced by rnn.gemm=java" : why) + ")";
    }

    private static Backend choose() {
        return choose(System.getProperty("rnn.gemm", System.getenv("RNN_GEMM")), NativeBlas.available(),
                warning -> System.err.println("rnn.linalg.Gemm: " + warning));
    }

    /**
     * The backend for a wanted setting (java, native, auto or unset) when the native BLAS does or does not load.
     * A setting that cannot be honoured is said through {@code warn} and the products still run: a notebook must
     * not lose its matrix products over a typo in an environment variable.
     */
    static Backend choose(String wanted, boolean nativeAvailable, java.util.function.Consumer<String> warn) {
        String setting = wanted == null ? "" : wanted.trim().toLowerCase(Locale.ROOT);
        switch (setting) {
            case "java":
                return Backend.JAVA;
            case "native":
                if (nativeAvailable) return Backend.NATIVE;
                warn.accept("rnn.gemm / RNN_GEMM asks for native BLAS, but " + NativeBlas.unavailableBecause()
                        + "; using the pure-Java kernel");
                return Backend.JAVA;
            case "":
            case "auto":
                return nativeAvailable ? Backend.NATIVE : Backend.JAVA;
            default:
                warn.accept("rnn.gemm / RNN_GEMM must be java, native or auto, but is '" + wanted + "'; using auto");
                return nativeAvailable ? Backend.NATIVE : Backend.JAVA;
        }
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] A, int offA, int lda,
                            float[] B, int offB, int ldb,
                            float beta, float[] C, int offC, int ldc) {
        check(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, C, offC, ldc);
        if (m == 0 || n == 0) return;
        if (BACKEND == Backend.NATIVE) {
            NativeBlas.gemm(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, C, offC, ldc);
        } else {
            JavaGemm.gemm(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, C, offC, ldc);
        }
    }

    /**
     * The same product on the pure-Java kernel whatever the backend, so it gives the same bits on every
     * machine: the teaching API computes with it, and the notebooks print the same digits everywhere.
     */
    public static void portable(boolean transA, boolean transB, int m, int n, int k,
                                float[] A, int offA, int lda,
                                float[] B, int offB, int ldb,
                                float beta, float[] C, int offC, int ldc) {
        check(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, C, offC, ldc);
        if (m == 0 || n == 0) return;
        JavaGemm.gemm(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, C, offC, ldc);
    }

    /** Shapes and bounds, checked before any native code reads the arrays. */
    static void check(boolean transA, boolean transB, int m, int n, int k,
                      float[] A, int offA, int lda, float[] B, int offB, int ldb,
                      float[] C, int offC, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm sizes must be >= 0, but m = " + m + ", n = " + n + ", k = " + k);
        }
        // stored shapes: A is m×k (k×m when transA), B is k×n (n×k when transB), C is m×n
        checkOperand("A", A, offA, lda, transA ? k : m, transA ? m : k);
        checkOperand("B", B, offB, ldb, transB ? n : k, transB ? k : n);
        checkOperand("C", C, offC, ldc, m, n);
    }

    private static void checkOperand(String name, float[] X, int off, int ld, int rows, int cols) {
        if (X == null) throw new IllegalArgumentException(name + " is null");
        if (off < 0) throw new IllegalArgumentException(name + " offset must be >= 0 but is " + off);
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("ld" + name.toLowerCase(Locale.ROOT) + " must be >= "
                    + Math.max(1, cols) + " (the stored " + rows + "×" + cols + " " + name + "'s row length) but is " + ld);
        }
        if (rows == 0 || cols == 0) return;
        long last = off + (long) (rows - 1) * ld + cols - 1;
        if (last >= X.length) {
            throw new IllegalArgumentException("the stored " + rows + "×" + cols + " " + name + " at offset " + off
                    + " with row length " + ld + " needs " + (last + 1) + " floats but the array has " + X.length);
        }
    }
}
