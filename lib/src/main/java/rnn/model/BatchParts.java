package rnn.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import rnn.fast.BatchSplit;
import rnn.fast.ChunkedInference;

/**
 * The parts of a batch that a model runs side by side on the threads of {@link BatchSplit}, each on its own buffers
 * (a {@link Part}); parts are made on demand and made again, larger, when a batch outgrows them.
 *
 * @param <P> the model's part: its buffers and its share of the gradients
 */
final class BatchParts<P extends BatchParts.Part> {

    /** One thread's work space for a model: room for {@link #capacity()} sequences and a share of every gradient. */
    interface Part {
        int capacity();

        /** This part's share of the gradient of each parameter, in the model's parameter order. */
        float[][] shares();
    }

    /** Forward, loss and backward of rows [from, to) of a batch on one part; returns the rows' loss sum. */
    @FunctionalInterface
    interface Work<P> {
        double run(P part, int from, int to);
    }

    /** What is done with sequences [start, start + m) on one part during inference. */
    @FunctionalInterface
    interface Chunk<P> {
        void run(P part, int start, int m);
    }

    private final IntFunction<P> create;
    private final List<P> parts = new ArrayList<>();

    /** {@code create} makes a part with room for the given number of sequences. */
    BatchParts(IntFunction<P> create) {
        this.create = create;
    }

    /**
     * The batch's m rows split into {@link BatchSplit#count()} parts (at most m), each run by {@code work} on its own
     * thread; the parts' gradient shares are then summed, in part order, into {@code parameters}. Returns the sum of
     * the parts' loss sums.
     */
    double forwardBackward(int m, ParameterList parameters, Work<P> work) {
        int count = Math.min(BatchSplit.count(), m);
        List<P> ps = ready(count, BatchSplit.largestPart(m, count));
        double[] lossSums = new double[count];
        BatchSplit.run(count, p -> lossSums[p] = work.run(ps.get(p), BatchSplit.from(p, m, count),
                BatchSplit.from(p + 1, m, count)));
        double lossSum = 0;
        List<float[][]> shares = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            lossSum += lossSums[p];
            shares.add(ps.get(p).shares());
        }
        parameters.sumShares(shares);
        return lossSum;
    }

    /** Inference over {@code total} sequences in chunks ({@link ChunkedInference}), each chunk on its thread's part. */
    void inChunks(int total, Chunk<P> chunk) {
        if (total == 0) return;
        List<P> ps = ready(ChunkedInference.threads(total), ChunkedInference.chunkSize(total));
        ChunkedInference.run(total, (p, start, m) -> chunk.run(ps.get(p), start, m));
    }

    /** The first {@code count} parts, each with room for at least {@code rows} sequences. */
    private List<P> ready(int count, int rows) {
        while (parts.size() < count) parts.add(null);
        for (int p = 0; p < count; p++) {
            if (parts.get(p) == null || parts.get(p).capacity() < rows) parts.set(p, create.apply(rows));
        }
        return parts;
    }
}
