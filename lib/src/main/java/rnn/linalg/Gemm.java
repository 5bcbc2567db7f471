package rnn.linalg;

import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The matrix products of the training loop, on row-major {@code float[]} with offsets and
 * leading dimensions, as BLAS's {@code sgemm} takes them:
 * {@code C = beta·C + op(A)·op(B)}, where op(A) is m×k and op(B) is k×n.
 *
 * <p>A is stored m×k (or k×m when {@code transA}); B is stored k×n (or n×k when {@code transB});
 * C is m×n. {@code lda}, {@code ldb}, {@code ldc} are the row lengths of the stored arrays.
 *
 * <p>The products run on native BLAS where one loads, in this order: the OpenBLAS the jar carries
 * ({@link BundledBlas}, for Linux x86_64/arm64, macOS x86_64/arm64 and Windows x86_64), reached without copies
 * through {@code dev.ludovic.netlib}'s JNI shim where that exists (Linux) and through JavaCPP's
 * {@code cblas_sgemm} on native copies elsewhere; then the system's {@code libblas.so.3} through the same shim;
 * otherwise {@link JavaGemm}, a pure-Java kernel. The choice is made once, when this class is initialised; the
 * system property {@code rnn.gemm} (or the environment variable {@code RNN_GEMM}) set to {@code java} forces the
 * pure-Java kernel (and loads no native library), {@code native} asks for a native one (with a warning on
 * stderr, and the pure-Java kernel, where none loads), {@code auto} or unset takes the order above.
 */
public final class Gemm {
    /** Where {@link #gemm} runs. */
    public enum Backend { NATIVE, JAVA }

    private static final Backend BACKEND = choose();
    /** With the native backend: whether the products go through netlib's shim (in place) or JavaCPP (copies). */
    private static final boolean IN_PLACE = BACKEND == Backend.NATIVE && NativeBlas.available();

    private Gemm() {
    }

    /** Where the products run in this JVM. */
    public static Backend backend() {
        return BACKEND;
    }

    /** One line for a notebook or a benchmark: where the products run, and why. */
    public static String describe() {
        if (BACKEND == Backend.JAVA) {
            String why = wantsJava() ? "forced by rnn.gemm / RNN_GEMM = java" : nativeUnavailableBecause();
            return "pure-Java kernel (" + why + ")";
        }
        if (!IN_PLACE) {
            return "native: the bundled OpenBLAS (JavaCPP presets, operands copied to native memory; "
                    + "netlib's shim: " + NativeBlas.unavailableBecause() + "), " + threads();
        }
        if (NativeBlas.opensBundledLibrary()) {
            return "native: the bundled OpenBLAS (JavaCPP presets) through dev.ludovic.netlib's JNI, " + threads();
        }
        return "native: the system's libblas.so.3 through dev.ludovic.netlib's JNI (the bundled OpenBLAS: "
                + BundledBlas.unavailableBecause() + "), OPENBLAS_NUM_THREADS="
                + Objects.requireNonNullElse(System.getenv("OPENBLAS_NUM_THREADS"), "unset");
    }

    private static String threads() {
        int threads = BundledBlas.threads();
        if (threads < 1) return "OpenBLAS's own threads (OPENBLAS_NUM_THREADS, else one per core)";
        return threads == 1 ? "1 thread per product" : threads + " threads per product";
    }

    /**
     * Makes every product run on its caller's thread alone, so that threads of the caller's own (a batch split
     * across cores) do not compete with the BLAS's: the bundled OpenBLAS is set to one thread. True where that
     * holds: the pure-Java kernel, the bundled OpenBLAS, and the system's OpenBLAS when the environment holds it
     * to one thread ({@code OPENBLAS_NUM_THREADS=1}, which cannot be changed from here).
     */
    public static boolean runOnCallersThread() {
        if (BACKEND == Backend.JAVA) return true;
        if (!IN_PLACE || NativeBlas.opensBundledLibrary()) {
            BundledBlas.setThreads(1);
            return true;
        }
        return "1".equals(System.getenv("OPENBLAS_NUM_THREADS"));
    }

    private static boolean wantsJava() {
        return "java".equals(setting(wanted()));
    }

    private static String wanted() {
        return System.getProperty("rnn.gemm", System.getenv("RNN_GEMM"));
    }

    private static String setting(String wanted) {
        return wanted == null ? "" : wanted.trim().toLowerCase(Locale.ROOT);
    }

    /** Loads the native libraries (first call only); true when one serves the products. */
    private static boolean nativeLoads() {
        return NativeBlas.available() || BundledBlas.load();
    }

    private static String nativeUnavailableBecause() {
        if (nativeLoads()) return null;
        return "bundled OpenBLAS: " + BundledBlas.unavailableBecause()
                + "; system BLAS: " + NativeBlas.unavailableBecause();
    }

    private static Backend choose() {
        return choose(wanted(), Gemm::nativeLoads, warning -> System.err.println("rnn.linalg.Gemm: " + warning));
    }

    /**
     * The backend for a wanted setting (java, native, auto or unset); {@code nativeLoads} is asked (and loads
     * the native libraries) only when the setting lets a native library serve. A setting that cannot be honoured
     * is said through {@code warn} and the products still run: a notebook must not lose its matrix products over
     * a typo in an environment variable.
     */
    static Backend choose(String wanted, BooleanSupplier nativeLoads, Consumer<String> warn) {
        switch (setting(wanted)) {
            case "java":
                return Backend.JAVA;
            case "native":
                if (nativeLoads.getAsBoolean()) return Backend.NATIVE;
                warn.accept("rnn.gemm / RNN_GEMM asks for native BLAS, but " + nativeUnavailableBecause()
                        + "; using the pure-Java kernel");
                return Backend.JAVA;
            case "":
            case "auto":
                return nativeLoads.getAsBoolean() ? Backend.NATIVE : Backend.JAVA;
            default:
                warn.accept("rnn.gemm / RNN_GEMM must be java, native or auto, but is '" + wanted + "'; using auto");
                return nativeLoads.getAsBoolean() ? Backend.NATIVE : Backend.JAVA;
        }
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] A, int offA, int lda,
                            float[] B, int offB, int ldb,
                            float beta, float[] C, int offC, int ldc) {
        check(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, C, offC, ldc);
        if (m == 0 || n == 0) return;
        if (IN_PLACE) {
            NativeBlas.gemm(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, C, offC, ldc);
        } else if (BACKEND == Backend.NATIVE) {
            BundledBlas.gemm(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, C, offC, ldc);
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
