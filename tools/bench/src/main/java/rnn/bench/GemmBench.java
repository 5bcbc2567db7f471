package rnn.bench;

import java.util.Locale;
import java.util.Random;
import rnn.linalg.Gemm;

/**
 * GFLOP/s of {@link Gemm#gemm} on the products of one MNIST training step (batch 150, n_inputs 28,
 * n_neurons 150, 28 steps), on whichever backend this JVM chose; run it again with
 * {@code -Drnn.gemm=java} for the pure-Java kernel.
 * usage: {@code java -cp rnn-notebooks.jar:bench.jar rnn.bench.GemmBench [seconds per shape, default 1]}
 */
public final class GemmBench {
    private GemmBench() {
    }

    /** transA, transB, m, n, k and what the training step uses the product for. */
    private record Shape(boolean transA, boolean transB, int m, int n, int k, String use) {
    }

    private static final Shape[] SHAPES = {
            new Shape(false, false, 150, 150, 150, "Y(t-1)·Wy, one step"),
            new Shape(false, false, 150, 150, 178, "[X(t) Y(t-1)]·W, one step (the concatenated form; for comparison)"),
            new Shape(false, false, 4200, 150, 28, "X·Wx, all 28 steps at once"),
            new Shape(true, false, 150, 150, 150, "dWy += Y(t-1)ᵀ·dZ(t)"),
            new Shape(false, true, 150, 150, 150, "dY(t-1) = dZ(t)·Wyᵀ"),
            new Shape(true, false, 28, 150, 4200, "dWx += Xᵀ·dZ, all 28 steps at once"),
            new Shape(true, false, 28, 150, 150, "dWx += X(t)ᵀ·dZ(t), one step (per-step form; for comparison)"),
    };

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        System.out.println("gemm=" + Gemm.describe() + "; backend=" + Gemm.backend() + ", one calling thread");
        Random random = new Random(1);
        for (Shape s : SHAPES) {
            float[] A = random(random, s.m * s.k), B = random(random, s.k * s.n), C = new float[s.m * s.n];
            int lda = s.transA ? s.m : s.k, ldb = s.transB ? s.k : s.n;
            double flops = 2.0 * s.m * s.n * s.k;
            long calls = 0;
            long start = System.nanoTime(), warmEnd = start + (long) (0.3 * seconds * 1e9);
            while (System.nanoTime() < warmEnd) {
                Gemm.gemm(s.transA, s.transB, s.m, s.n, s.k, A, 0, lda, B, 0, ldb, 0f, C, 0, s.n);
            }
            start = System.nanoTime();
            long end = start + (long) (seconds * 1e9), now;
            do {
                Gemm.gemm(s.transA, s.transB, s.m, s.n, s.k, A, 0, lda, B, 0, ldb, 0f, C, 0, s.n);
                calls++;
            } while ((now = System.nanoTime()) < end);
            double gflops = flops * calls / ((now - start) / 1e9) / 1e9;
            System.out.printf(Locale.ROOT, "%-2s%-2s %4d×%3d×%4d  %6.1f GFLOP/s  %s%n", s.transA ? "T" : "N",
                    s.transB ? "T" : "N", s.m, s.n, s.k, gflops, s.use);
        }
    }

    private static float[] random(Random random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = random.nextFloat() - 0.5f;
        return x;
    }
}
