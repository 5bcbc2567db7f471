package rnn.linalg;

import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * OpenBLAS as the jar carries it: the BLAS-only build of JavaCPP's presets ({@code org.bytedeco:openblas}), with
 * its native libraries for Linux (x86_64, arm64), macOS (x86_64, arm64) and Windows (x86_64) inside the jar,
 * unpacked by JavaCPP's {@link Loader} into its cache folder ({@code ~/.javacpp/cache}) on first use.
 *
 * <p>Two ways in. Where {@code dev.ludovic.netlib}'s JNI shim exists (Linux x86_64 and arm64), {@link NativeBlas}
 * opens this library ({@link #libraryPath}) and reads the Java arrays in place. Elsewhere {@link #gemm} calls
 * the presets' {@code cblas_sgemm}, which takes native memory: a {@code float[]} there would be copied whole on
 * every call (JNI's {@code Get<Type>ArrayElements}), offsets and all, so this class copies only the stored
 * operands into native buffers of its own thread and the result back.
 *
 * <p>{@link #setThreads} sets the library's own thread count, which it otherwise takes from
 * {@code OPENBLAS_NUM_THREADS} or the machine's cores.
 */
final class BundledBlas {
    private static final int ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;

    /** Null when the library loaded, otherwise why not. */
    private static String unavailableBecause = "not loaded yet";
    /** The file of libopenblas that was loaded, or null. */
    private static String libraryPath;
    private static boolean loadTried;

    private static final ThreadLocal<Staging> STAGING = ThreadLocal.withInitial(Staging::new);

    private BundledBlas() {
    }

    /** Loads the library once; true when it is in this JVM. */
    static synchronized boolean load() {
        if (loadTried) return libraryPath != null;
        loadTried = true;
        try {
            Loader.load(openblas_nolapack.class);
            Map<String, String> loaded = Loader.getLoadedLibraries();
            String path = null;
            for (Map.Entry<String, String> e : loaded.entrySet()) {
                // the presets load libopenblas under the name openblas_nolapack@.0 (libopenblas.dll on Windows)
                if (e.getKey().startsWith("openblas") || e.getKey().startsWith("libopenblas")) path = e.getValue();
            }
            if (path == null) {
                unavailableBecause = "JavaCPP loaded no libopenblas (loaded: " + loaded.keySet() + ")";
                return false;
            }
            libraryPath = path;
            unavailableBecause = null;
            return true;
        } catch (RuntimeException | LinkageError e) {
            // UnsatisfiedLinkError where the jar has no library for this platform, NoClassDefFoundError without JavaCPP
            unavailableBecause = "JavaCPP could not load it on " + Loader.getPlatform() + ": " + e;
            return false;
        }
    }

    /** Null when the library is loaded, otherwise why not. */
    static synchronized String unavailableBecause() {
        return unavailableBecause;
    }

    /** The libopenblas file that was loaded, or null. */
    static synchronized String libraryPath() {
        return libraryPath;
    }

    /** The library's own thread count for each product (OpenBLAS's {@code openblas_set_num_threads}). */
    static void setThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 but is " + threads);
        if (!load()) throw new IllegalStateException("the bundled OpenBLAS is not loaded: " + unavailableBecause());
        openblas_nolapack.blas_set_num_threads(threads);
    }

    /** The library's own thread count. */
    static int threads() {
        if (!load()) throw new IllegalStateException("the bundled OpenBLAS is not loaded: " + unavailableBecause());
        return openblas_nolapack.blas_get_num_threads();
    }

    /** Row-major {@code C = beta·C + op(A)·op(B)} through {@code cblas_sgemm} on copies of the stored operands. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] A, int offA, int lda, float[] B, int offB, int ldb,
                     float beta, float[] C, int offC, int ldc) {
        Gemm.check(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, C, offC, ldc);
        if (m == 0 || n == 0) return;
        if (!load()) throw new IllegalStateException("the bundled OpenBLAS is not loaded: " + unavailableBecause());
        Staging s = STAGING.get();
        // stored shapes: A is m×k (k×m when transA), B is k×n (n×k when transB); copied with rows packed
        int rowsA = transA ? k : m, colsA = transA ? m : k, rowsB = transB ? n : k, colsB = transB ? k : n;
        s.a = put(s.a, A, offA, lda, rowsA, colsA);
        s.b = put(s.b, B, offB, ldb, rowsB, colsB);
        s.c = beta == 0f ? reserve(s.c, (long) m * n) : put(s.c, C, offC, ldc, m, n);
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                1f, s.a, Math.max(1, colsA), s.b, Math.max(1, colsB), beta, s.c, n);
        if (ldc == n) {
            s.c.get(C, offC, m * n);
        } else {
            for (int i = 0; i < m; i++) s.c.position((long) i * n).get(C, offC + i * ldc, n);
            s.c.position(0);
        }
    }

    /** buffer (grown if needed) holding the stored rows×cols matrix of X at off with row length ld, rows packed. */
    private static FloatPointer put(FloatPointer buffer, float[] X, int off, int ld, int rows, int cols) {
        FloatPointer p = reserve(buffer, (long) rows * cols);
        if (rows == 0 || cols == 0) return p;
        if (ld == cols) {
            p.put(X, off, rows * cols);
        } else {
            for (int r = 0; r < rows; r++) p.position((long) r * cols).put(X, off + r * ld, cols);
            p.position(0);
        }
        return p;
    }

    private static FloatPointer reserve(FloatPointer buffer, long size) {
        if (buffer.capacity() >= Math.max(1, size)) return buffer;
        buffer.close();
        return new FloatPointer(Math.max(1, size));
    }

    /** One thread's native copies of A, B and C, grown to the largest call. */
    private static final class Staging {
        FloatPointer a = new FloatPointer(1), b = new FloatPointer(1), c = new FloatPointer(1);
    }
}
