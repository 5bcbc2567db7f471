package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The chapter's two ways of giving an RNN one output per time step are the same computation: the cell wrapped in an
 * OutputProjectionWrapper (a projection at every step), and one dense layer over the outputs of all the steps
 * reshaped to [batch·n_steps, n_neurons].
 */
class OutputProjectionWrapperTest {
    private static final int m = 4;
    private static final int n_steps = 6;
    private static final int n_inputs = 1;
    private static final int n_neurons = 8;
    private static final int n_outputs = 1;

    private static Tensor3 series() {
        Random random = new Random(3);
        Tensor3 X = new Tensor3(m, n_steps, n_inputs);
        for (int k = 0; k < X.data().length; k++) X.data()[k] = (float) (3 * random.nextGaussian());
        return X;
    }

    @Test
    void theWrapperEqualsOneDenseLayerOverTheReshapedOutputs() {
        for (Activation activation : Activation.values()) {
            Init init = new Init(11);
            RecurrentCell cell = new RecurrentCell(n_inputs, n_neurons, activation, init);
            Dense dense = new Dense(n_neurons, n_outputs, init);
            for (int j = 0; j < n_neurons; j++) cell.b().data[j] = 0.1f * (j - 3); // a bias that matters
            dense.b().data[0] = 0.25f;
            Tensor3 X = series();

            // way 1: OutputProjectionWrapper(cell, output_size=1) unrolled by dynamic_rnn
            OutputProjectionWrapper wrapper = new OutputProjectionWrapper(cell, dense);
            Tensor3 wrapped = DynamicRNN.dynamic_rnn(wrapper, X, null).outputs();

            // way 2: rnn_outputs reshaped to [m·n_steps, n_neurons], one dense layer, reshaped back
            Tensor3 rnn_outputs = DynamicRNN.dynamic_rnn(cell, X, null).outputs();
            FMatrixRMaj stacked_rnn_outputs = FMatrixRMaj.wrap(m * n_steps, n_neurons, rnn_outputs.data());
            FMatrixRMaj stacked_outputs = dense.forward(stacked_rnn_outputs);
            Tensor3 outputs = Tensor3.wrap(stacked_outputs.data, m, n_steps, n_outputs);

            assertEquals("(4, 6, 1)", wrapped.shapeString());
            assertArrayEquals(outputs.data(), wrapped.data(), 1e-6f, activation.toString());
            float spread = 0;
            for (float v : outputs.data()) spread = Math.max(spread, Math.abs(v - 0.25f));
            assertTrue(spread > 0.1f, "the outputs depend on X: " + spread);
        }
    }

    @Test
    void theStateIsTheWrappedCellsStateAndTheProjectionNeverFeedsBack() {
        RecurrentCell cell = new RecurrentCell(n_inputs, n_neurons, new Init(2));
        OutputProjectionWrapper wrapper = new OutputProjectionWrapper(cell, 2, new Init(3));
        Tensor3 X = series();
        RnnOutput result = DynamicRNN.dynamic_rnn(wrapper, X, null);
        RnnOutput plain = DynamicRNN.dynamic_rnn(cell, X, null);
        CellState state = wrapper.wrappedState(result.finalState());
        assertEquals(1, state.parts().size());
        assertArrayEquals(plain.states().data, state.output().data, 0f);
        // the final output is the projection of the wrapped cell's final state
        assertArrayEquals(wrapper.projection().forward(plain.states()).data, result.states().data, 0f);
        assertEquals(2, wrapper.n_neurons());
        assertEquals(List.of("W", "b", "W_projection", "b_projection"), wrapper.parameterNames());
        assertSame(wrapper.projection().W(), wrapper.parameters().get(2));
    }

    @Test
    void aProjectionOfTheWrongWidthIsRefused() {
        RecurrentCell cell = new RecurrentCell(n_inputs, n_neurons, new Init(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OutputProjectionWrapper(cell, new Dense(5, 1, new Init(1))));
        assertEquals("the projection must take the cell's n_neurons = 8 inputs but takes n_in = 5", e.getMessage());
    }
}
