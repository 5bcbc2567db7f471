package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** tf.nn.dynamic_rnn with sequence_length: zero outputs and a carried state past each instance's length. */
class DynamicRNNTest {
    private static final float[][][] X_BATCH = {
        {{0, 1, 2}, {9, 8, 7}}, {{3, 4, 5}, {0, 0, 0}}, {{6, 7, 8}, {6, 5, 4}}, {{9, 0, 1}, {3, 2, 1}}};

    private final DynamicRNN model = new DynamicRNN(2, 3, 5, new Init(42));

    private static float[] row(Tensor3 outputs, int i, int t) {
        float[] r = new float[outputs.dim(2)];
        for (int j = 0; j < r.length; j++) {
            r[j] = outputs.get(i, t, j);
        }
        return r;
    }

    private static float[] row(FMatrixRMaj m, int i) {
        float[] r = new float[m.numCols];
        System.arraycopy(m.data, i * m.numCols, r, 0, r.length);
        return r;
    }

    @Test
    void theSeedsLengthsZeroThePaddedStepAndCarryTheState() {
        RnnOutput out = model.run(Tensor3.of(X_BATCH), new int[] {2, 1, 2, 2});
        // instance 1 stops after t = 0: its t = 1 outputs are exactly 0, its state is its t = 0 output
        assertArrayEquals(new float[5], row(out.outputs(), 1, 1), 0f);
        assertArrayEquals(row(out.outputs(), 1, 0), row(out.states(), 1), 0f);
        for (int i : new int[] {0, 2, 3}) {
            assertArrayEquals(row(out.outputs(), i, 1), row(out.states(), i), 0f);
        }
        // t = 0 is the same cell step as without lengths
        RnnOutput full = model.run(Tensor3.of(X_BATCH));
        assertArrayEquals(full.outputs().step(0).data, out.outputs().step(0).data, 0f);
        assertArrayEquals(row(full.outputs(), 2, 1), row(out.outputs(), 2, 1), 0f);
        FMatrixRMaj Y0 = model.cell().step(Tensor3.of(X_BATCH).step(0), model.cell().zeroState(4)).output();
        assertArrayEquals(Y0.data, out.outputs().step(0).data, 1e-6f);
        assertNotEquals(0f, out.outputs().get(1, 0, 0));
    }

    @Test
    void aZeroLengthGivesZeroOutputsAndAZeroState() {
        RnnOutput out = model.run(Tensor3.of(X_BATCH), new int[] {0, 2, 1, 0});
        for (int t = 0; t < 2; t++) {
            assertArrayEquals(new float[5], row(out.outputs(), 0, t), 0f);
            assertArrayEquals(new float[5], row(out.outputs(), 3, t), 0f);
        }
        assertArrayEquals(new float[5], row(out.states(), 0), 0f);
        assertArrayEquals(new float[5], row(out.states(), 3), 0f);
        assertArrayEquals(row(out.outputs(), 1, 1), row(out.states(), 1), 0f);
        assertArrayEquals(row(out.outputs(), 2, 0), row(out.states(), 2), 0f);
    }

    @Test
    void whatLiesPastTheLengthChangesNothing() {
        int[] sequence_length = {2, 1, 2, 0};
        Tensor3 X = Tensor3.of(X_BATCH);
        Tensor3 garbage = Tensor3.of(X_BATCH);
        for (int j = 0; j < 3; j++) {
            garbage.set(1, 1, j, 1000f + j);      // instance 1 past its length 1
            garbage.set(3, 0, j, -50f * (j + 1)); // instance 3 has length 0
            garbage.set(3, 1, j, 7f);
        }
        RnnOutput clean = model.run(X, sequence_length);
        RnnOutput dirty = model.run(garbage, sequence_length);
        assertArrayEquals(clean.outputs().data(), dirty.outputs().data(), 0f);
        assertArrayEquals(clean.states().data, dirty.states().data, 0f);
    }

    @Test
    void theStaticFormTakesAnyNumberOfSteps() {
        Tensor3 three = new Tensor3(2, 3, 3);
        three.set(0, 0, 0, 1f);
        three.set(1, 2, 1, -1f);
        RnnOutput out = DynamicRNN.dynamic_rnn(model.cell(), three, new int[] {3, 2});
        assertArrayEquals(new int[] {2, 3, 5}, out.outputs().shape());
        assertArrayEquals(row(out.outputs(), 0, 2), row(out.states(), 0), 0f);
        assertArrayEquals(row(out.outputs(), 1, 1), row(out.states(), 1), 0f);
        assertArrayEquals(new float[5], row(out.outputs(), 1, 2), 0f);
        RnnOutput noLengths = DynamicRNN.dynamic_rnn(model.cell(), three, null);
        assertArrayEquals(row(noLengths.outputs(), 0, 2), row(noLengths.states(), 0), 0f);
        // with all lengths = n_steps a zero input keeps producing tanh(b) = 0 from a zero state
        assertArrayEquals(new float[5], row(noLengths.outputs(), 1, 1), 0f);
    }

    @Test
    void badLengthsAreRefusedNamingTheInstanceAndTheValue() {
        Tensor3 X = Tensor3.of(X_BATCH);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> model.run(X, new int[] {2, -1, 2, 2}));
        assertEquals("sequence_length[1] = -1 is outside the allowed range [0, 2] (n_steps = 2)", negative.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> model.run(X, new int[] {2, 1, 2, 3}));
        assertTrue(tooLong.getMessage().contains("sequence_length[3] = 3") && tooLong.getMessage().contains("[0, 2]"),
                tooLong.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> model.run(X, new int[] {2, 1, 2}));
        assertTrue(count.getMessage().contains("3 entries") && count.getMessage().contains("4 instances"), count.getMessage());
    }

    @Test
    void wrongShapesAreRefusedNamingTheShape() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> model.run(new Tensor3(4, 5, 3)));
        assertTrue(steps.getMessage().contains("n_steps = 2") && steps.getMessage().contains("(4, 5, 3)"), steps.getMessage());
        IllegalArgumentException inputs = assertThrows(IllegalArgumentException.class,
                () -> model.run(new Tensor3(4, 2, 28), new int[] {2, 2, 2, 2}));
        assertTrue(inputs.getMessage().contains("n_inputs = 3") && inputs.getMessage().contains("28 input features"),
                inputs.getMessage());
        IllegalArgumentException staticForm = assertThrows(IllegalArgumentException.class,
                () -> DynamicRNN.dynamic_rnn(model.cell(), new Tensor3(1, 4, 2), null));
        assertTrue(staticForm.getMessage().contains("(1, 4, 2)"), staticForm.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DynamicRNN(-1, model.cell()));
    }
}
