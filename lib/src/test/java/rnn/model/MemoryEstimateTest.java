package rnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import rnn.Init;

class MemoryEstimateTest {
    private static final long GiB = 1L << 30;
    private static final long MNIST_HELD = (55_000L + 10_000) * 784; // the training and test sets' pixels
    private static final String SMALLER = "--neurons or --batch-size";
    private static final String LARGER = "java %1$s -jar rnn-notebooks.jar train ...";

    private static MemoryEstimate mnist(int n_neurons, int batch_size, int threads) {
        return MemoryEstimate.forTraining(28, 28, new int[] {n_neurons}, 10, batch_size, 10_000, MNIST_HELD, threads);
    }

    @Test
    void theSeedsRunCountedArrayByArray() {
        MemoryEstimate seed = mnist(150, 150, 2);
        // W (28 + 150) × 150, b 150, W_dense 150 × 10, b_dense 10
        assertEquals(178 * 150 + 150 + 1500 + 10, seed.parameters());
        assertEquals(28_360, seed.parameters());
        // θ, dL/dθ, m, v and each of the 2 threads' share of dL/dθ, 4 bytes each
        assertEquals(4L * 28_360 * 6, seed.parameterBytes());
        // 2 threads × 500 sequences (a test chunk; a batch part is 75) × (28 · (3·150 + 1) + 2·150 + 2·10) floats
        assertEquals(4L * 2 * 500 * (28 * 451 + 300 + 20), seed.bufferBytes());
        // the data sets, the test images' copy, one batch of 150
        assertEquals(4L * 784 * (65_000 + 10_000 + 150), seed.dataBytes());
        assertEquals(355_251_904L, seed.totalBytes());
        assertEquals("-Xmx1g", seed.suggestedHeap());
        seed.check(2 * GiB, SMALLER, LARGER); // fits
    }

    @Test
    void aWholeTrainingSetAsOneBatchNeedsMoreThanTwoGiB() {
        MemoryEstimate huge = mnist(150, 55_000, 2);
        assertEquals(4L * 2 * 27_500 * 12_948, huge.bufferBytes()); // each thread holds half the batch
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> huge.check(2 * GiB, SMALLER, LARGER));
        assertEquals("this training needs about 3.1 GiB of Java heap but this JVM may use at most 2.0 GiB (28,360"
                + " parameters with their gradients and Adam's moments 1 MiB, work buffers of 2 threads for 27,500"
                + " sequences 2.7 GiB, data 389 MiB, the rest of the program 64 MiB); start it with a larger heap, e.g."
                + " java -Xmx4g -jar rnn-notebooks.jar train ..., or use a smaller --neurons or --batch-size",
                e.getMessage());
        huge.check(4 * GiB, SMALLER, LARGER); // what the message suggests is enough
    }

    @Test
    void twentyThousandNeuronsNeedTensOfGiB() {
        MemoryEstimate wide = mnist(20_000, 150, 2);
        assertEquals(20_028L * 20_000 + 20_000 + 200_000 + 10, wide.parameters());
        assertEquals(4L * 400_780_010 * 6, wide.parameterBytes());
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> wide.check(6 * GiB, SMALLER, LARGER));
        assertTrue(e.getMessage().startsWith("this training needs about 15.6 GiB of Java heap but this JVM may use at"
                + " most 6.0 GiB (400,780,010 parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("e.g. java -Xmx20g -jar"), e.getMessage());
    }

    @Test
    void anArrayBeyondTwoToTheThirtyOneIsRefusedWhateverTheHeap() {
        MemoryEstimate tooWide = mnist(50_000, 150, 2);
        assertEquals(2_501_400_000L, tooWide.largestArray());
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> tooWide.check(Long.MAX_VALUE, SMALLER, LARGER));
        assertEquals("W ((28 + 50000) × 50000) would have 2,501,400,000 entries, more than the 2,147,483,647 a Java"
                + " array can hold; use a smaller --neurons or --batch-size", e.getMessage());
    }

    @Test
    void aBuiltModelIsCountedLikeItsSizes() {
        ImageRNN model = new ImageRNN(28, 28, 150, 10, new Init(1));
        MemoryEstimate built = MemoryEstimate.forTraining(model, 150, 10_000, MNIST_HELD);
        assertEquals(28_360, built.parameters());
        assertEquals(mnist(150, 150, rnn.fast.BatchSplit.count()).totalBytes(), built.totalBytes());
    }
}
