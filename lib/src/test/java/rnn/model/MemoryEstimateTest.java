package rnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

import rnn.Activation;
import rnn.GRUCell;
import rnn.Init;
import rnn.LSTMCell;
import rnn.MultiRNNCell;
import rnn.fast.BatchSplit;

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

    @Test
    void anLSTMLayerCountsItsGatesAndBpttArrays() {
        MemoryEstimate lstm = MemoryEstimate.forTraining(28, 28, List.of(new MemoryEstimate.Layer(CellType.LSTM, 150)),
                DenseInput.TOP_LAYER, 10, 150, 10_000, MNIST_HELD, 2);
        // W (28 + 150) × 4·150, b 4·150, W_dense 150 × 10, b_dense 10
        assertEquals(179L * 600 + 1510, lstm.parameters());
        // 28 steps × (13·150 + 1) floats, dc 150 a sequence, the head 2·150 + 2·10; 2 threads × 500 sequences
        assertEquals(4L * 2 * 500 * (28 * 1951 + 150 + 320), lstm.bufferBytes());
        assertEquals(4.3 * mnist(150, 150, 2).bufferBytes(), lstm.bufferBytes(), 0.1 * mnist(150, 150, 2).bufferBytes());
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> lstm.check(480L << 20, SMALLER, LARGER));
        assertEquals("this training needs about 502 MiB of Java heap but this JVM may use at most 480 MiB (108,910"
                + " parameters with their gradients and Adam's moments 3 MiB, work buffers of 2 threads for 500"
                + " sequences 211 MiB, data 225 MiB, the rest of the program 64 MiB); start it with a larger heap, e.g."
                + " java -Xmx1g -jar rnn-notebooks.jar train ..., or use a smaller --neurons or --batch-size",
                e.getMessage());
    }

    @Test
    void aGRUsWidestMatrixIsW_ru() {
        MemoryEstimate gru = MemoryEstimate.forTraining(28, 28, List.of(new MemoryEstimate.Layer(CellType.GRU, 33_000)),
                DenseInput.TOP_LAYER, 10, 150, 10_000, MNIST_HELD, 2);
        assertEquals(33_028L * 66_000, gru.largestArray());
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> gru.checkArrays("--neurons"));
        assertEquals("W_ru ((28 + 33000) × 2·33000) would have 2,179,848,000 entries, more than the 2,147,483,647 a"
                + " Java array can hold; use a smaller --neurons", e.getMessage());
    }

    @Test
    void aBuiltStackOfLSTMAndGRULayersIsCountedLayerByLayer() {
        Init init = new Init(1);
        ImageRNN model = new ImageRNN(28, MultiRNNCell.of(new LSTMCell(28, 50, init), new GRUCell(50, 40, init)), 10,
                DenseInput.ALL_LAYERS, init);
        MemoryEstimate built = MemoryEstimate.forTraining(model, 150, 10_000, MNIST_HELD);
        MemoryEstimate planned = MemoryEstimate.forTraining(28, 28, List.of(new MemoryEstimate.Layer(CellType.LSTM, 50),
                new MemoryEstimate.Layer(CellType.GRU, 40)), DenseInput.ALL_LAYERS, 10, 150, 10_000, MNIST_HELD,
                BatchSplit.count());
        // LSTM (28 + 50 + 1)·200, GRU (50 + 40 + 1)·120, W_dense (50 + 40) × 10, b_dense 10
        assertEquals(79L * 200 + 91 * 120 + 900 + 10, built.parameters());
        assertEquals(planned.parameters(), built.parameters());
        assertEquals(planned.totalBytes(), built.totalBytes());
        // per sequence: 28·(13·50 + 1) + 50, 28·(10·40 + 1) + 40, the head 2·90 + 2·10
        assertEquals(4L * BatchSplit.count() * 500
                * (28 * 651 + 50 + 28 * 401 + 40 + 200), built.bufferBytes());
    }

    @Test
    void theTimeSeriesModelCountsEveryStepsOutputs() {
        TimeSeriesRNN model = new TimeSeriesRNN(20, 1, 100, 1, Activation.RELU, new Init(42));
        MemoryEstimate chapter = MemoryEstimate.forTraining(model, 50);
        // W (1 + 100) × 100, b 100, W_dense 100 × 1, b_dense 1
        assertEquals(10_301, chapter.parameters());
        assertEquals(MemoryEstimate.forTimeSeries(20, 1, 100, 1, 50, BatchSplit.count()).totalBytes(),
                chapter.totalBytes());
        MemoryEstimate twoThreads = MemoryEstimate.forTimeSeries(20, 1, 100, 1, 50, 2);
        // 2 threads × 25 windows × (20 · (3·100 + 1) + 2·20 outputs and their gradient)
        assertEquals(4L * 2 * 25 * (20 * 301 + 40), twoThreads.bufferBytes());
        // X, y, the outputs of the loss's evaluation and the 21 times (doubles) of each of 50 windows
        assertEquals(4L * 50 * (20 * 3 + 42), twoThreads.dataBytes());
        MemoryEstimate wide = MemoryEstimate.forTimeSeries(20, 1, 30_000, 1, 50, 2);
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> wide.check(4 * GiB, "--neurons or --batch-size", "java %1$s -jar rnn-notebooks.jar time-series"));
        assertTrue(e.getMessage().startsWith("this training needs about 20.5 GiB of Java heap but this JVM may use at"
                + " most 4.0 GiB (900,090,001 parameters"), e.getMessage());
    }
}
