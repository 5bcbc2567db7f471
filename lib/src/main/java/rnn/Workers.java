package rnn;

import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import rnn.linalg.Gemm;

/**
 * The threads that share a mini-batch: {@link ImageRNN} splits each batch into {@link #count()} parts of rows,
 * runs the forward pass and backpropagation through time of each part on its own thread, and adds the parts'
 * gradients in a fixed order, so the same thread count gives the same numbers on every run.
 *
 * <p>The count is {@code RNN_THREADS} (or the system property {@code rnn.threads}) where set. Otherwise it is 2
 * where the products run on the system's OpenBLAS held to one thread of its own ({@code OPENBLAS_NUM_THREADS=1},
 * as {@code ./build.sh} sets it) and there are at least 2 cores: there, two halves of a batch of 150 train an
 * epoch in 1.9 s against 3.2 s for the whole batch on one thread. Everywhere else it is 1: OpenBLAS's own
 * threads would fight the split for the cores (8.2 s), and the pure-Java kernel measured erratic on two threads
 * (4.0, 11.8 and 4.7 s in three runs, against 5.6 to 8.3 s on one) on the 2-core machines of
 * {@code ./build.sh bench}.
 */
public final class Workers {
    private static final int COUNT = chooseCount();
    /** count − 1 daemon threads; part 0 always runs on the caller's thread. */
    private static final ExecutorService POOL = COUNT > 1 ? Executors.newFixedThreadPool(COUNT - 1, task -> {
        Thread thread = new Thread(task, "rnn-worker");
        thread.setDaemon(true);
        return thread;
    }) : null;

    private Workers() {
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
    static void run(int parts, IntConsumer part) {
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

    private static int chooseCount() {
        boolean oneBlasThread = Gemm.backend() == Gemm.Backend.NATIVE && "1".equals(System.getenv("OPENBLAS_NUM_THREADS"));
        return chooseCount(System.getProperty("rnn.threads", System.getenv("RNN_THREADS")), oneBlasThread,
                Runtime.getRuntime().availableProcessors(), warning -> System.err.println("rnn.Workers: " + warning));
    }

    /** The thread count for a wanted setting (unset: the default described above); a bad setting is warned of. */
    static int chooseCount(String wanted, boolean oneBlasThread, int cores, java.util.function.Consumer<String> warn) {
        int byDefault = oneBlasThread && cores >= 2 ? 2 : 1;
        if (wanted == null || wanted.isBlank()) {
            return byDefault;
        }
        try {
            int count = Integer.parseInt(wanted.trim());
            if (count >= 1 && count <= 64) return count;
        } catch (NumberFormatException e) {
            // warned of below
        }
        warn.accept(String.format(Locale.ROOT,
                "RNN_THREADS / rnn.threads must be a whole number from 1 to 64, but is '%s'; using %d", wanted, byDefault));
        return byDefault;
    }
}
