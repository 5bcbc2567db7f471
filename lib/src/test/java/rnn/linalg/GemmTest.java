package rnn.linalg;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GemmTest {
    /** Any of the three implementations, same argument list as {@link Gemm#gemm}. */
    interface Sgemm {
        void run(boolean transA, boolean transB, int m, int n, int k, float[] A, int offA, int lda,
                 float[] B, int offB, int ldb, float beta, float[] C, int offC, int ldc);
    }

    private static final float PAD = 1234.5f;

    /** The definition, in double: C[i][j] = beta·C[i][j] + Σ_p op(A)[i][p]·op(B)[p][j]. */
    private static void reference(boolean transA, boolean transB, int m, int n, int k, float[] A, int offA, int lda,
                                  float[] B, int offB, int ldb, float beta, float[] C, int offC, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double a = transA ? A[offA + p * lda + i] : A[offA + i * lda + p];
                    double b = transB ? B[offB + j * ldb + p] : B[offB + p * ldb + j];
                    s += a * b;
                }
                int c = offC + i * ldc + j;
                C[c] = (float) ((beta == 0f ? 0 : beta * (double) C[c]) + s);
            }
        }
    }

    /** A stored rows×cols matrix of values in [-1, 1) at offset off with row length ld, PAD everywhere else. */
    private static float[] stored(Random random, int off, int rows, int cols, int ld) {
        float[] x = new float[off + rows * ld + 3];
        java.util.Arrays.fill(x, PAD);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) x[off + r * ld + c] = 2 * random.nextFloat() - 1;
        }
        return x;
    }

    /** Runs impl and the reference on the same operands; returns max |impl − reference| over all of C's array. */
    private static double maxError(Sgemm impl, boolean transA, boolean transB, int m, int n, int k,
                                   int offA, int padA, int offB, int padB, int offC, int padC, float beta, long seed) {
        Random random = new Random(seed);
        // BLAS's rule: a leading dimension is at least 1, even for an empty operand
        int lda = Math.max(1, transA ? m : k) + padA, ldb = Math.max(1, transB ? k : n) + padB, ldc = Math.max(1, n) + padC;
        float[] A = stored(random, offA, transA ? k : m, transA ? m : k, lda);
        float[] B = stored(random, offB, transB ? n : k, transB ? k : n, ldb);
        float[] C = stored(random, offC, m, n, ldc);
        if (beta == 0f && m > 0 && n > 0) C[offC] = Float.NaN; // beta = 0 must not read C
        float[] expected = C.clone();
        reference(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, expected, offC, ldc);
        float[] A0 = A.clone(), B0 = B.clone();
        impl.run(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, C, offC, ldc);
        assertTrue(java.util.Arrays.equals(A0, A) && java.util.Arrays.equals(B0, B), "A and B must not change");
        double max = 0;
        for (int i = 0; i < C.length; i++) max = Math.max(max, Math.abs(C[i] - expected[i])); // padding too: must stay PAD
        return max;
    }

    private static void checkAll(Sgemm impl) {
        int[][] shapes = {{1, 1, 1}, {7, 5, 3}, {13, 17, 11}, {2, 150, 1}, {33, 9, 64}, {150, 150, 178},
                {31, 150, 257}, {5, 3, 0}};
        float[] betas = {0f, 1f, 0.5f, -2f};
        long seed = 1;
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) != 0, transB = (t & 2) != 0;
                for (float beta : betas) {
                    for (int layout = 0; layout < 2; layout++) {
                        int off = layout * 5, pad = layout * 3;
                        double err = maxError(impl, transA, transB, s[0], s[1], s[2], off, pad, off + 2, pad + 1,
                                off + 1, pad, beta, seed++);
                        double tol = 2e-6 * (s[2] + 4);
                        assertTrue(err <= tol, String.format("m=%d n=%d k=%d transA=%b transB=%b beta=%s offsets=%d: "
                                + "max abs error %.3g > %.3g", s[0], s[1], s[2], transA, transB, beta, off, err, tol));
                    }
                }
            }
        }
    }

    @Test
    void javaKernelMatchesTheDefinition() {
        checkAll(JavaGemm::gemm);
    }

    @Test
    void nativeBlasMatchesTheDefinition() {
        Assumptions.assumeTrue(NativeBlas.available(), () -> "no native BLAS: " + NativeBlas.unavailableBecause());
        checkAll(NativeBlas::gemm);
    }

    @Test
    void bundledOpenBlasThroughJavaCppMatchesTheDefinition() {
        Assumptions.assumeTrue(BundledBlas.load(), () -> "no bundled OpenBLAS: " + BundledBlas.unavailableBecause());
        checkAll(BundledBlas::gemm);
    }

    @Test
    void theBundledOpenBlasServesWhereTheJarCarriesIt() {
        String platform = org.bytedeco.javacpp.Loader.getPlatform();
        String wanted = System.getProperty("rnn.gemm", System.getenv("RNN_GEMM"));
        Assumptions.assumeTrue(java.util.Set.of("linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64",
                "windows-x86_64").contains(platform) && !"java".equalsIgnoreCase(wanted), platform + ", rnn.gemm " + wanted);
        assertTrue(BundledBlas.load(), BundledBlas.unavailableBecause());
        assertEquals(Gemm.Backend.NATIVE, Gemm.backend());
        assertTrue(Gemm.describe().startsWith("native: the bundled OpenBLAS"), Gemm.describe());
        // on Linux, netlib's shim reads the arrays in place
        assertEquals(platform.startsWith("linux"), NativeBlas.opensBundledLibrary(), Gemm.describe());
    }

    @Test
    void bundledOpenBlasGivesJavaGemmsNumbersOnRandomShapes() {
        Assumptions.assumeTrue(BundledBlas.load(), () -> "no bundled OpenBLAS: " + BundledBlas.unavailableBecause());
        java.util.List<Sgemm> bundled = new java.util.ArrayList<>(java.util.List.of(BundledBlas::gemm));
        if (NativeBlas.opensBundledLibrary()) bundled.add(NativeBlas::gemm); // the same library, arrays in place
        Random random = new Random(12);
        for (int trial = 0; trial < 60; trial++) {
            int m = random.nextInt(160), n = random.nextInt(160), k = random.nextInt(300);
            boolean transA = random.nextBoolean(), transB = random.nextBoolean();
            float beta = new float[]{0f, 1f, 0.5f}[random.nextInt(3)];
            int offA = random.nextInt(8), offB = random.nextInt(8), offC = random.nextInt(8);
            int lda = Math.max(1, transA ? m : k) + random.nextInt(6), ldb = Math.max(1, transB ? k : n) + random.nextInt(6);
            int ldc = Math.max(1, n) + random.nextInt(6);
            float[] A = stored(random, offA, transA ? k : m, transA ? m : k, lda);
            float[] B = stored(random, offB, transB ? n : k, transB ? k : n, ldb);
            float[] C = stored(random, offC, m, n, ldc);
            float[] expected = C.clone();
            JavaGemm.gemm(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, expected, offC, ldc);
            for (Sgemm impl : bundled) {
                float[] got = C.clone();
                impl.run(transA, transB, m, n, k, A, offA, lda, B, offB, ldb, beta, got, offC, ldc);
                double max = 0;
                for (int i = 0; i < got.length; i++) max = Math.max(max, Math.abs(got[i] - expected[i]));
                double tol = 4e-6 * (k + 4);
                String what = String.format("m=%d n=%d k=%d transA=%b transB=%b beta=%s offsets %d %d %d, ld %d %d %d",
                        m, n, k, transA, transB, beta, offA, offB, offC, lda, ldb, ldc);
                assertTrue(max <= tol, what + ": max |bundled − JavaGemm| " + max + " > " + tol);
            }
        }
    }

    @Test
    void facadeMatchesTheDefinition() {
        checkAll(Gemm::gemm);
    }

    @Test
    void hotShapesOfTheMnistModel() {
        // the input projection of 28 steps at once, [150·28 × 28]·[28 × 150], and dWx = Xᵀ·dZ, [28 × 4200]·[4200 × 150]
        for (Sgemm impl : new Sgemm[]{JavaGemm::gemm, Gemm::gemm}) {
            assertTrue(maxError(impl, false, false, 4200, 150, 28, 0, 0, 0, 0, 0, 0, 0f, 7) < 1e-4);
            assertTrue(maxError(impl, true, false, 28, 150, 4200, 0, 0, 0, 0, 0, 0, 1f, 8) < 2e-3);
        }
    }

    @Test
    void stridedViewThatEndsAtTheArraysEnd() {
        // X(t) of X = [m = 5, n_steps = 4, n_inputs = 3] at the last step: rows 12 apart, from offset 9, whose last
        // element is the array's last; BLAS wrappers that want whole rows (offset + ld·m ≤ length) reject it.
        Random random = new Random(3);
        float[] X = new float[5 * 4 * 3], Wx = new float[3 * 2];
        for (int i = 0; i < X.length; i++) X[i] = random.nextFloat();
        for (int i = 0; i < Wx.length; i++) Wx[i] = random.nextFloat();
        float[] expected = new float[5 * 2];
        reference(false, false, 5, 2, 3, X, 9, 12, Wx, 0, 2, 0f, expected, 0, 2);
        for (Sgemm impl : new Sgemm[]{JavaGemm::gemm, Gemm::gemm}) {
            float[] Y = new float[5 * 2];
            impl.run(false, false, 5, 2, 3, X, 9, 12, Wx, 0, 2, 0f, Y, 0, 2);
            for (int i = 0; i < Y.length; i++) assertEquals(expected[i], Y[i], 1e-6f, "element " + i);
        }
    }

    @Test
    void smallProductByHand() {
        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50]; with transB, B is read as [5 7; 6 8]: [17 23; 39 53]
        float[] A = {1, 2, 3, 4}, B = {5, 6, 7, 8}, C = new float[4];
        Gemm.gemm(false, false, 2, 2, 2, A, 0, 2, B, 0, 2, 0f, C, 0, 2);
        assertEquals(java.util.List.of(19f, 22f, 43f, 50f), java.util.List.of(C[0], C[1], C[2], C[3]));
        Gemm.gemm(false, true, 2, 2, 2, A, 0, 2, B, 0, 2, 0f, C, 0, 2);
        assertEquals(java.util.List.of(17f, 23f, 39f, 53f), java.util.List.of(C[0], C[1], C[2], C[3]));
        // beta = 1 accumulates: C + Aᵀ·B = [17 23; 39 53] + [26 30; 38 44]
        Gemm.gemm(true, false, 2, 2, 2, A, 0, 2, B, 0, 2, 1f, C, 0, 2);
        assertEquals(java.util.List.of(43f, 53f, 77f, 97f), java.util.List.of(C[0], C[1], C[2], C[3]));
    }

    @Test
    void badShapesAreRejectedWithWhatWasExpected() {
        float[] A = new float[6], B = new float[6], C = new float[4];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 2, 2, 3, A, 0, 2, B, 0, 2, 0f, C, 0, 2));
        assertEquals("lda must be >= 3 (the stored 2×3 A's row length) but is 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, 2, 2, 3, A, 1, 3, B, 0, 2, 0f, C, 0, 2));
        assertEquals("the stored 2×3 A at offset 1 with row length 3 needs 7 floats but the array has 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(false, false, -1, 2, 3, A, 0, 3, B, 0, 2, 0f, C, 0, 2));
        assertEquals("gemm sizes must be >= 0, but m = -1, n = 2, k = 3", e.getMessage());
    }

    @Test
    void backendFollowsTheSystemProperty() {
        String wanted = System.getProperty("rnn.gemm", System.getenv("RNN_GEMM"));
        Gemm.Backend expected = "java".equalsIgnoreCase(wanted) || !(NativeBlas.available() || BundledBlas.load())
                ? Gemm.Backend.JAVA : Gemm.Backend.NATIVE;
        assertEquals(expected, Gemm.backend(), Gemm.describe());
    }

    @Test
    void aSettingThatCannotBeHonouredIsWarnedOfAndTheProductsStillRun() {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        assertEquals(Gemm.Backend.JAVA, Gemm.choose("java", () -> {
            throw new AssertionError("rnn.gemm = java must not load native libraries");
        }, warnings::add));
        assertEquals(Gemm.Backend.NATIVE, Gemm.choose(null, () -> true, warnings::add));
        assertEquals(Gemm.Backend.JAVA, Gemm.choose("auto", () -> false, warnings::add));
        assertEquals(Gemm.Backend.NATIVE, Gemm.choose(" Native ", () -> true, warnings::add));
        assertEquals(java.util.List.of(), warnings);
        assertEquals(Gemm.Backend.NATIVE, Gemm.choose("fast", () -> true, warnings::add));
        assertEquals(Gemm.Backend.JAVA, Gemm.choose("native", () -> false, warnings::add));
        assertEquals(2, warnings.size());
        assertEquals("rnn.gemm / RNN_GEMM must be java, native or auto, but is 'fast'; using auto", warnings.get(0));
        assertTrue(warnings.get(1).startsWith("rnn.gemm / RNN_GEMM asks for native BLAS, but "), warnings.get(1));
        assertTrue(warnings.get(1).endsWith("; using the pure-Java kernel"), warnings.get(1));
    }
}
