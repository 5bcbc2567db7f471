package rnn.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.util.List;

import org.junit.jupiter.api.Test;

import rnn.Activation;
import rnn.Cell;
import rnn.GRUCell;
import rnn.Init;
import rnn.LSTMCell;
import rnn.RecurrentCell;
import rnn.model.CellType;

/**
 * CellType's sizes are the arrays the fast cells really allocate, read off their fields after a training step (in
 * rnn.fast rather than in CellTypeTest, to reach the package-private {@link FastCell} and {@link Buffers#layers}).
 */
class CellTypeSizesTest {
    private static final int N_STEPS = 5;
    private static final int CAPACITY = 7;
    private static final int N_INPUTS = 3;
    private static final int N_NEURONS = 4;

    @Test
    void aBasicCellKeepsThreeNPlusOneFloatsAStep() {
        assertCounted(new RecurrentCell(N_INPUTS, N_NEURONS, Activation.TANH, new Init(1)), CellType.BASIC, 3 * 4 + 1,
                0, (3 + 4 + 1) * 4);
    }

    @Test
    void anLSTMKeepsThirteenNPlusOneFloatsAStepAndNMoreASequence() {
        assertCounted(new LSTMCell(N_INPUTS, N_NEURONS, new Init(1)), CellType.LSTM, 13 * 4 + 1, 4, (3 + 4 + 1) * 16);
    }

    @Test
    void aGRUKeepsTenNPlusOneFloatsAStepAndNMoreASequence() {
        assertCounted(new GRUCell(N_INPUTS, N_NEURONS, new Init(1)), CellType.GRU, 10 * 4 + 1, 4, (3 + 4 + 1) * 12);
    }

    private static void assertCounted(Cell cell, CellType kind, long perStep, long perSequence, long parameters) {
        assertEquals(kind, CellType.of(cell));
        assertEquals(perStep, kind.floatsPerStep(N_NEURONS));
        assertEquals(perSequence, kind.floatsPerSequence(N_NEURONS));
        assertEquals(parameters, kind.parameters(N_INPUTS, N_NEURONS));
        assertEquals(parameters, cell.parameters().stream().mapToLong(p -> p.getNumElements()).sum());
        Buffers buffers = new Buffers(List.of(cell), N_STEPS, CAPACITY);
        FastCell fast = buffers.layers[0];
        float[] X = new float[CAPACITY * N_STEPS * N_INPUTS];
        float[][] grads = cell.parameters().stream().map(p -> new float[p.getNumElements()]).toArray(float[][]::new);
        fast.forward(X, 0, CAPACITY, null, 0, buffers.outputs[0]);
        fast.backward(X, 0, CAPACITY, null, 0, buffers.outputs[0], buffers.dOutputs[0], null, 0, grads, 0);
        long allocated = floatsIn(fast) + buffers.outputs[0].length + buffers.dOutputs[0].length;
        assertEquals((long) CAPACITY * (N_STEPS * perStep + perSequence), allocated);
    }

    /** The float[] fields of a fast cell and its superclasses (its one-row work arrays are in a Row, not counted). */
    private static long floatsIn(Object fast) {
        long floats = 0;
        for (Class<?> c = fast.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() != float[].class) continue;
                field.setAccessible(true);
                try {
                    float[] array = (float[]) field.get(fast);
                    if (array != null) floats += array.length;
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return floats;
    }
}
