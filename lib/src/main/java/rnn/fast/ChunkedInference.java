package rnn.fast;

/**
 * Inference over many sequences (the 10,000 test images) in chunks of at most {@link #CHUNK} sequences, the chunks
 * shared among the threads of {@link BatchSplit}: each thread's buffers then need room for one chunk only (about
 * 10 MB a thread for the MNIST model) instead of the whole data set.
 */
public final class ChunkedInference {
    /** How many sequences one thread unrolls at once. */
    public static final int CHUNK = 500;

    /** What is done with one chunk: sequences [start, start + m) on the buffers of thread {@code part}. */
    @FunctionalInterface
    public interface Chunk {
        void run(int part, int start, int m);
    }

    private ChunkedInference() {
    }

    /** How many threads share {@code total} sequences. */
    public static int threads(int total) {
        return Math.max(1, Math.min(BatchSplit.count(), total));
    }

    /** The chunk size for {@code total} sequences: at most {@link #CHUNK}, and no more than one thread's share. */
    public static int chunkSize(int total) {
        return Math.max(1, Math.min(CHUNK, BatchSplit.largestPart(total, threads(total))));
    }

    /** Runs {@code chunk} over [0, total) in chunks of {@link #chunkSize}, chunk c on thread c mod threads. */
    public static void run(int total, Chunk chunk) {
        if (total == 0) return;
        int threads = threads(total);
        int size = chunkSize(total);
        int chunks = BatchSplit.largestPart(total, size); // ⌈total / size⌉
        BatchSplit.run(threads, p -> {
            for (int c = p; c < chunks; c += threads) {
                int start = c * size;
                chunk.run(p, start, Math.min(size, total - start));
            }
        });
    }
}
