package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void theTestsRunTheSplitInTwo() {
        assertEquals(2, Workers.count(), "the pom sets rnn.threads = 2 for the tests");
    }

    @Test
    void everyPartRunsOnceAndPartZeroOnTheCallersThread() {
        int[] ran = new int[2];
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Workers.run(2, p -> {
            ran[p]++;
            threads.add(p + ":" + (Thread.currentThread().getName().equals("rnn-worker") ? "worker" : "caller"));
        });
        assertArrayEquals(new int[] {1, 1}, ran);
        assertEquals(Set.of("0:caller", "1:worker"), threads);
    }

    @Test
    void aFailingPartFailsTheRunAfterAllPartsEnd() {
        int[] ran = new int[2];
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Workers.run(2, p -> {
            ran[p]++;
            if (p == 1) throw new IllegalStateException("part 1 failed");
        }));
        assertEquals("part 1 failed", e.getMessage());
        assertArrayEquals(new int[] {1, 1}, ran);
    }

    @Test
    void aSplitBatchGivesTheWholeBatchsLossAndGradients() {
        // the same model and batch, split in two (the tests' default) and run whole, row by row in one part
        ImageRNN model = new ImageRNN(5, 3, 6, 4, new Init(7));
        Tensor3 X = new Tensor3(9, 5, 3);
        Init noise = new Init(8);
        float[] values = noise.randomNormal(1, 9 * 5 * 3).data;
        System.arraycopy(values, 0, X.data(), 0, values.length);
        int[] y = {0, 1, 2, 3, 0, 1, 2, 3, 0};
        Gradients split = model.gradients(X, y);
        double loss = 0;
        float[] dW = new float[split.dW().getNumElements()];
        for (int i = 0; i < 9; i++) {
            Tensor3 row = new Tensor3(1, 5, 3);
            System.arraycopy(X.data(), i * 15, row.data(), 0, 15);
            Gradients one = model.gradients(row, new int[] {y[i]});
            loss += one.loss() / 9.0;
            for (int j = 0; j < dW.length; j++) dW[j] += one.dW().data[j] / 9f;
        }
        assertEquals(loss, split.loss(), 1e-6);
        for (int j = 0; j < dW.length; j++) {
            assertEquals(dW[j], split.dW().data[j], 1e-6, "dW[" + j + "]");
        }
        assertTrue(split.loss() > 0);
    }
}
