package rnn.fast;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import rnn.linalg.Gemm;

/**
 * The split of a mini-batch across threads: a model splits each batch into {@link #count()} parts of rows
 * ({@link #from}), runs the forward pass and backpropagation through time of each part on its own thread
 * ({@link #run}), and adds the parts' gradients in part order ({@link #sumInto}), so the same thread count gives
 * the same numbers on every run.
 *
 * <p>The count is {@code RNN_THREADS} (or the system property {@code rnn.threads}) where set. Otherwise it is one
 * thread per core ({@link Runtime#availableProcessors()}), at most {@value #MOST_BY_DEFAULT}, where the matrix
 * products can be held to their caller's thread ({@link Gemm#runOnCallersThread}: the pure-Java kernel, the bundled
 * OpenBLAS, which it then sets to one thread of its own, or the system's OpenBLAS under
 * {@code OPENBLAS_NUM_THREADS=1}), and 1 where they cannot: a BLAS with threads of its own would fight the split for
 * the cores. The cap keeps each part of the seed's batch of 150 rows at 19 rows or more: with fewer rows a thread's
 * products lose much of their speed (the BLAS packs the whole weight matrix for every call, whatever the rows), so a
 * further core adds little (README, "Measured figures", has what was measured).
 */
public final class BatchSplit {
    /** The most threads used without {@code RNN_THREADS}: ⌈150 / 8⌉ = 19 rows a part in the seed's batch. */
    static final int MOST_BY_DEFAULT = 8;
    private static final int COUNT = chooseCount();
    /** count − 1 daemon threads; part 0 always runs on the caller's thread. */
    private static final ExecutorService POOL = COUNT > 1 ? Executors.newFixedThreadPool(COUNT - 1, task -> {
        Thread thread = new Thread(task, "rnn-worker");
        thread.setDaemon(true);
        return thread;
    }) : null;

    private BatchSplit() {
    }

    /** How many threads share a batch in this JVM. */
    public static int count() {
        return COUNT;
    }

    /**
     * Runs {@code part.accept(p)} for p = 0 … parts−1, part 0 on this thread, and returns only when every part has
     * ended, even if one failed or this thread was interrupted, so no part still writes to its buffers when the
     * next batch starts. The first failure is then rethrown (an Error as it is).
     */
    public static void run(int parts, IntConsumer part) {
        if (parts < 1 || parts > COUNT) {
            throw new IllegalArgumentException("parts must be in [1, " + COUNT + "] but is " + parts);
        }
        Future<?>[] others = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int index = p;
            others[p - 1] = POOL.submit(() -> part.accept(index));
        }
        Throwable failure = null;
        try {
            part.accept(0);
        } catch (Throwable t) {
            failure = t;
        }
        boolean interrupted = false;
        for (Future<?> other : others) {
            while (true) {
                try {
                    other.get();
                    break;
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // wait on: the part is still running; the flag is restored below
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new IllegalStateException("a part of the batch failed", failure);
    }

    /** The first row of part p when a batch of m rows is split into {@code parts} parts; part p ends where p + 1 starts. */
    public static int from(int p, int m, int parts) {
        return (int) ((long) m * p / parts);
    }

    /** The rows of the largest part of a batch of m rows split into {@code parts} parts. */
    public static int largestPart(int m, int parts) {
        return (m + parts - 1) / parts;
    }

    /** total ← part (the first part) or total + part (the others), over total's length: the parts' sum in part order. */
    public static void sumInto(float[] total, float[] part, boolean first) {
        if (first) {
            System.arraycopy(part, 0, total, 0, total.length);
        } else {
            for (int i = 0; i < total.length; i++) total[i] += part[i];
        }
    }

    private static int chooseCount() {
        return chooseCount(System.getProperty("rnn.threads", System.getenv("RNN_THREADS")),
                Runtime.getRuntime().availableProcessors(), Gemm::runOnCallersThread,
                warning -> System.err.println("rnn.fast.BatchSplit: " + warning));
    }

    /**
     * The thread count for a wanted setting (unset: the default described above); a bad setting is warned of.
     * {@code callersThreadOnly} is asked (and holds the products to their caller's thread) only when more than
     * one thread shares a batch.
     */
    static int chooseCount(String wanted, int cores, BooleanSupplier callersThreadOnly, Consumer<String> warn) {
        Integer asked = asked(wanted, warn);
        if (asked != null) {
            if (asked > 1) callersThreadOnly.getAsBoolean(); // where the products can be held to one thread, they are
            return asked;
        }
        int byDefault = Math.max(1, Math.min(cores, MOST_BY_DEFAULT));
        return byDefault > 1 && callersThreadOnly.getAsBoolean() ? byDefault : 1;
    }

    /** The count set by the user, or null when unset or not a count (warned of then). */
    private static Integer asked(String wanted, Consumer<String> warn) {
        if (wanted == null || wanted.isBlank()) {
            return null;
        }
        try {
            int count = Integer.parseInt(wanted.trim());
            if (count >= 1 && count <= 64) return count;
        } catch (NumberFormatException e) {
            // warned of below
        }
        warn.accept("RNN_THREADS / rnn.threads must be a whole number from 1 to 64, but is '" + wanted
                + "'; using the default");
        return null;
    }
}
