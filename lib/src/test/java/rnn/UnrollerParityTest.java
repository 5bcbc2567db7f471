package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The seed's three ways of unrolling one layer through two steps give the same numbers. */
class UnrollerParityTest {
    private static final Tensor3 X_BATCH = Tensor3.of(new float[][][] {
        {{0, 1, 2}, {9, 8, 7}}, {{3, 4, 5}, {0, 0, 0}}, {{6, 7, 8}, {6, 5, 4}}, {{9, 0, 1}, {3, 2, 1}}});

    private final RecurrentCell cell = new RecurrentCell(3, 5, new Init(42));

    @Test
    void dynamicEqualsStaticEqualsTheHandBuiltUnroll() {
        TwoSteps byHand = new BasicRNN(cell.Wx(), cell.Wy(), cell.b()).run(X_BATCH.step(0), X_BATCH.step(1));
        RnnOutput staticOut = new StaticRNN(2, cell).run(X_BATCH);
        RnnOutput dynamicOut = new DynamicRNN(2, cell).run(X_BATCH, new int[] {2, 2, 2, 2});
        RnnOutput dynamicNoLengths = new DynamicRNN(2, cell).run(X_BATCH);

        for (RnnOutput out : List.of(staticOut, dynamicOut, dynamicNoLengths)) {
            assertArrayEquals(new int[] {4, 2, 5}, out.outputs().shape());
            assertArrayEquals(byHand.Y0().data, out.outputs().step(0).data, 1e-6f);
            assertArrayEquals(byHand.Y1().data, out.outputs().step(1).data, 1e-6f);
            assertEquals(4, out.states().numRows);
            assertEquals(5, out.states().numCols);
            assertArrayEquals(byHand.Y1().data, out.states().data, 1e-6f);
        }
        // the numbers are not trivially equal: the layer responds to its inputs
        assertTrue(Math.abs(byHand.Y0().get(0, 0) - byHand.Y0().get(1, 0)) > 1e-3);
    }

    @Test
    void staticRnnOnUnstackedInputsChainsTheCell() {
        List<FMatrixRMaj> X_seqs = Tensor3.unstack(X_BATCH);
        List<FMatrixRMaj> output_seqs = StaticRNN.static_rnn(cell, X_seqs);
        assertEquals(2, output_seqs.size());
        FMatrixRMaj Y0 = cell.step(X_seqs.get(0), cell.zeroState(4).output());
        assertArrayEquals(Y0.data, output_seqs.get(0).data, 0f);
        assertArrayEquals(cell.step(X_seqs.get(1), Y0).data, output_seqs.get(1).data, 0f);
    }

    @Test
    void theSeedsConstructorsBuildTheSameCellFromTheSameSeed() {
        StaticRNN staticRnn = new StaticRNN(2, 3, 5, new Init(42));
        DynamicRNN dynamicRnn = new DynamicRNN(2, 3, 5, new Init(42));
        assertArrayEquals(cell.W().data, staticRnn.cell().parameters().get(0).data, 0f);
        assertArrayEquals(cell.W().data, dynamicRnn.cell().parameters().get(0).data, 0f);
        assertArrayEquals(staticRnn.run(X_BATCH).outputs().data(), dynamicRnn.run(X_BATCH).outputs().data(), 1e-6f);
    }

    @Test
    void staticRnnRefusesTheWrongShape() {
        StaticRNN model = new StaticRNN(2, cell);
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> model.run(new Tensor3(4, 3, 3)));
        assertTrue(steps.getMessage().contains("n_steps = 2") && steps.getMessage().contains("(4, 3, 3)"), steps.getMessage());
        IllegalArgumentException inputs = assertThrows(IllegalArgumentException.class, () -> model.run(new Tensor3(4, 2, 4)));
        assertTrue(inputs.getMessage().contains("n_inputs = 3") && inputs.getMessage().contains("(4, 2, 4)"), inputs.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StaticRNN.static_rnn(cell, List.of()));
        IllegalArgumentException n_steps = assertThrows(IllegalArgumentException.class, () -> new StaticRNN(0, cell));
        assertTrue(n_steps.getMessage().contains("0"), n_steps.getMessage());
    }
}
