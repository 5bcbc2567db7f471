package rnn.linalg;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * BLAS {@code sgemm} reached through the JNI shim of {@code dev.ludovic.netlib:blas}, which reads the Java arrays
 * in place (no copies). The shim (Linux x86_64 and arm64 only) opens the OpenBLAS the jar carries
 * ({@link BundledBlas}) where that loaded, otherwise the system's {@code libblas.so.3} (OpenBLAS where
 * installed). The netlib jar is looked up at run time, so the helper jar still works without it.
 */
final class NativeBlas {
    /** {@code sgemmK(transa, transb, m, n, k, alpha, a, offa, lda, b, offb, ldb, beta, c, offc, ldc)}, column-major. */
    private static final MethodHandle SGEMM;
    /** Why the native library is not used, or null when it is. */
    private static final String UNAVAILABLE_BECAUSE;
    /** The library the shim opens: the bundled OpenBLAS's file, or null for the system's libblas.so.3. */
    private static final String LIBRARY;
    /** netlib's system property naming the file of the BLAS its shim opens. */
    private static final String LIBRARY_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";
    /** Kept strongly reachable so the level set on it below is not lost to garbage collection. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder");

    static {
        MethodHandle sgemm = null;
        String reason = null;
        String library = null;
        // the shim reads these when it loads; one set by the user is left as it is
        if (System.getProperty(LIBRARY_PROPERTY) == null && System.getProperty("dev.ludovic.netlib.blas.nativeLib") == null
                && BundledBlas.load()) {
            library = BundledBlas.libraryPath();
            System.setProperty(LIBRARY_PROPERTY, library);
        }
        Level level = NETLIB_LOG.getLevel();
        // netlib logs a warning for each pure-Java BLAS it cannot load; we never use those.
        NETLIB_LOG.setLevel(Level.OFF);
        try {
            Class<?> nativeBlas = Class.forName("dev.ludovic.netlib.blas.NativeBLAS");
            Object instance = nativeBlas.getMethod("getInstance").invoke(null);
            MethodType type = MethodType.methodType(void.class, String.class, String.class,
                    int.class, int.class, int.class, float.class, float[].class, int.class, int.class,
                    float[].class, int.class, int.class, float.class, float[].class, int.class, int.class);
            // The kernel behind BLAS.sgemm, without its bounds check: that check wants every stored row
            // complete (offset + ld·rows ≤ length), which rejects a strided view such as X(t) of
            // [m, n_steps, n_inputs]; Gemm.check below checks the exact bounds instead.
            Method kernel = instance.getClass().getDeclaredMethod("sgemmK", type.parameterArray());
            kernel.setAccessible(true);
            sgemm = MethodHandles.lookup().unreflect(kernel).bindTo(instance);
        } catch (ClassNotFoundException e) {
            reason = "dev.ludovic.netlib:blas is not on the class path";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            reason = "the native BLAS did not load: " + cause;
        } finally {
            NETLIB_LOG.setLevel(level);
        }
        SGEMM = sgemm;
        UNAVAILABLE_BECAUSE = reason;
        LIBRARY = sgemm == null ? null : library;
    }

    private NativeBlas() {
    }

    static boolean available() {
        return SGEMM != null;
    }

    /** True when the shim opened the bundled OpenBLAS, false when the system's libblas.so.3 (or nothing). */
    static boolean opensBundledLibrary() {
        return LIBRARY != null;
    }

    /** Null when the native BLAS is in use, otherwise why not. */
    static String unavailableBecause() {
        return UNAVAILABLE_BECAUSE;
    }

    /**
     * Row-major {@code C = beta·C + op(A)·op(B)}: BLAS is column-major, and a row-major matrix read
     * column-major is its transpose, so this computes {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] A, int offA, int lda, float[] B, int offB, int ldb,
                     float beta, float[] C, int offC, int ldc) {
        // native code must never read or write outside the arrays
        Gemm.check(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, C, offC, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0) {
            // C = beta·C; netlib's bounds check rejects an empty op(A) with an index of -1
            JavaGemm.gemm(transA, transB, m, n, 0, A, offA, lda, B, offB, ldb, beta, C, offC, ldc);
            return;
        }
        // typed locals: a conditional written straight into invokeExact would be typed Object there
        String opB = transB ? "T" : "N", opA = transA ? "T" : "N";
        try {
            SGEMM.invokeExact(opB, opA, n, m, k, 1f,
                    B, offB, ldb, A, offA, lda, beta, C, offC, ldc);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("native sgemm failed", e);
        }
    }
}
