package rnn.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ejml.data.FMatrixRMaj;
import java.util.Set;
import org.junit.jupiter.api.Test;

import rnn.Init;
import rnn.Tensor3;
import rnn.model.Gradients;
import rnn.model.ImageRNN;

class BatchSplitTest {
    @Test
    void theTestsRunTheSplitInTwo() {
        assertEquals(2, BatchSplit.count(), "the pom sets rnn.threads = 2 for the tests");
    }

    @Test
    void everyPartRunsOnceAndPartZeroOnTheCallersThread() {
        int[] ran = new int[2];
        Set<String> threads = ConcurrentHashMap.newKeySet();
        BatchSplit.run(2, p -> {
            ran[p]++;
            threads.add(p + ":" + (Thread.currentThread().getName().equals("rnn-worker") ? "worker" : "caller"));
        });
        assertArrayEquals(new int[] {1, 1}, ran);
        assertEquals(Set.of("0:caller", "1:worker"), threads);
    }

    @Test
    void aFailingPartFailsTheRunAfterAllPartsEnd() {
        int[] ran = new int[2];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BatchSplit.run(2, p -> {
            ran[p]++;
            if (p == 1) throw new IllegalStateException("part 1 failed");
        }));
        assertEquals("part 1 failed", e.getMessage());
        assertArrayEquals(new int[] {1, 1}, ran);
    }

    @Test
    void aSplitBatchGivesTheMeanOfItsRowsLossAndGradients() {
        // the batch split in two parts (the tests' default) against the mean over its rows, one row at a time
        ImageRNN model = new ImageRNN(5, 3, 6, 4, new Init(7));
        Tensor3 X = new Tensor3(9, 5, 3);
        float[] values = new Init(8).randomNormal(1, 9 * 5 * 3).data;
        System.arraycopy(values, 0, X.data(), 0, values.length);
        int[] y = {0, 1, 2, 3, 0, 1, 2, 3, 0};
        Gradients split = model.gradients(X, y);
        double loss = 0;
        List<float[]> mean = List.of(new float[split.get("W").getNumElements()], new float[split.get("b").getNumElements()],
                new float[split.get("W_dense").getNumElements()], new float[split.get("b_dense").getNumElements()]);
        for (int i = 0; i < 9; i++) {
            Tensor3 row = new Tensor3(1, 5, 3);
            System.arraycopy(X.data(), i * 15, row.data(), 0, 15);
            Gradients one = model.gradients(row, new int[] {y[i]});
            loss += one.loss() / 9.0;
            List<FMatrixRMaj> parts = one.values();
            for (int g = 0; g < 4; g++) {
                for (int j = 0; j < mean.get(g).length; j++) mean.get(g)[j] += parts.get(g).data[j] / 9f;
            }
        }
        assertEquals(loss, split.loss(), 1e-6);
        List<FMatrixRMaj> whole = split.values();
        List<String> names = List.of("dW", "db", "dW_dense", "db_dense");
        for (int g = 0; g < 4; g++) {
            for (int j = 0; j < mean.get(g).length; j++) {
                assertEquals(mean.get(g)[j], whole.get(g).data[j], 1e-6, names.get(g) + "[" + j + "]");
            }
        }
    }

    @Test
    void anInterruptedCallerStillWaitsForEveryPart() throws InterruptedException {
        CountDownLatch partOneRunning = new CountDownLatch(1);
        AtomicBoolean partOneEnded = new AtomicBoolean();
        AtomicBoolean endedBeforeReturn = new AtomicBoolean();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            BatchSplit.run(2, p -> {
                if (p == 1) {
                    partOneRunning.countDown();
                    sleepQuietly(300);
                    partOneEnded.set(true);
                } else {
                    awaitQuietly(partOneRunning);
                    Thread.currentThread().interrupt(); // as a notebook's "interrupt kernel" would
                }
            });
            endedBeforeReturn.set(partOneEnded.get());
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        caller.join(10_000);
        assertTrue(endedBeforeReturn.get(), "run returned only after part 1 ended");
        assertTrue(flagKept.get(), "the interrupt is kept for the caller to see");
    }

    @Test
    void anErrorInPartZeroIsRethrownAsItIsAfterThePartsEnd() {
        AtomicBoolean partOneEnded = new AtomicBoolean();
        AssertionError e = assertThrows(AssertionError.class, () -> BatchSplit.run(2, p -> {
            if (p == 0) throw new AssertionError("part 0 broke");
            sleepQuietly(100);
            partOneEnded.set(true);
        }));
        assertEquals("part 0 broke", e.getMessage());
        assertTrue(partOneEnded.get());
    }

    @Test
    void badThreadSettingsAreWarnedOfAndTheDefaultUsed() {
        List<String> warnings = new ArrayList<>();
        assertEquals(2, BatchSplit.chooseCount(null, 2, () -> true, warnings::add));
        assertEquals(1, BatchSplit.chooseCount("", 2, () -> false, warnings::add));
        assertEquals(1, BatchSplit.chooseCount(null, 1, () -> true, warnings::add));
        assertEquals(3, BatchSplit.chooseCount(" 3 ", 2, () -> false, warnings::add));
        assertEquals(List.of(), warnings);
        assertEquals(2, BatchSplit.chooseCount("abc", 2, () -> true, warnings::add));
        assertEquals(1, BatchSplit.chooseCount("0", 2, () -> false, warnings::add));
        assertEquals(List.of("RNN_THREADS / rnn.threads must be a whole number from 1 to 64, but is 'abc'; using the default",
                "RNN_THREADS / rnn.threads must be a whole number from 1 to 64, but is '0'; using the default"), warnings);
    }

    @Test
    void byDefaultOneThreadPerCoreUpToTheCapWhereTheProductsKeepToTheirCallersThread() {
        List<String> none = new ArrayList<>();
        assertEquals(4, BatchSplit.chooseCount(null, 4, () -> true, none::add));
        assertEquals(BatchSplit.MOST_BY_DEFAULT, BatchSplit.chooseCount(null, 64, () -> true, none::add));
        // a BLAS with threads of its own (system OpenBLAS without OPENBLAS_NUM_THREADS=1): no split
        assertEquals(1, BatchSplit.chooseCount(null, 8, () -> false, none::add));
        // one core: the products are not asked to keep to one thread
        assertEquals(1, BatchSplit.chooseCount(null, 1, () -> {
            throw new AssertionError("one thread needs no hold on the BLAS's threads");
        }, none::add));
        // RNN_THREADS stands, and the BLAS is still held to one thread where it can be
        int[] asked = {0};
        assertEquals(16, BatchSplit.chooseCount("16", 2, () -> ++asked[0] > 0, none::add));
        assertEquals(1, asked[0]);
        assertEquals(List.of(), none);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
