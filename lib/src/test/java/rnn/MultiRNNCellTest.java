package rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/** TF's MultiRNNCell: a stack of cells stepped bottom to top, unrolled by dynamic_rnn with sequence_length. */
class MultiRNNCellTest {

    /** Two layers of one ReLU neuron: Y₀(t) = relu(2·x(t) + 0.5·Y₀(t−1)), Y₁(t) = relu(Y₀(t) − Y₁(t−1) + 0.5). */
    private static MultiRNNCell tinyStack() {
        RecurrentCell bottom = RecurrentCell.fromKernel(new FMatrixRMaj(new float[][] {{2f}, {0.5f}}),
                new FMatrixRMaj(new float[][] {{0f}})).withActivation(Activation.RELU);
        RecurrentCell top = RecurrentCell.fromKernel(new FMatrixRMaj(new float[][] {{1f}, {-1f}}),
                new FMatrixRMaj(new float[][] {{0.5f}})).withActivation(Activation.RELU);
        return MultiRNNCell.of(bottom, top);
    }

    @Test
    void aTinyStackByHand() {
        // x = (1, 2): t = 0: Y₀ = relu(2) = 2, Y₁ = relu(2 − 0 + 0.5) = 2.5
        //             t = 1: Y₀ = relu(4 + 1) = 5, Y₁ = relu(5 − 2.5 + 0.5) = 3
        Tensor3 X = Tensor3.of(new float[][][] {{{1f}, {2f}}, {{1f}, {2f}}});
        RnnOutput out = DynamicRNN.dynamic_rnn(tinyStack(), X, new int[] {2, 1});
        assertArrayEquals(new float[] {2.5f, 3f, 2.5f, 0f}, out.outputs().data(), 0f);
        // the state: every layer's, bottom first; instance 1 stopped after t = 0 in both layers
        assertEquals(2, out.finalState().parts().size());
        assertArrayEquals(new float[] {5f, 2f}, out.finalState().parts().get(0).data, 0f);
        assertArrayEquals(new float[] {3f, 2.5f}, out.finalState().parts().get(1).data, 0f);
        assertArrayEquals(new float[] {3f, 2.5f}, out.states().data, 0f); // TF's states[-1]: the top layer's
        assertArrayEquals(new float[] {5f, 3f, 2f, 2.5f},
                tinyStack().outputsConcatenated(out.finalState()).data, 0f); // tf.concat(axis=1, values=states)
    }

    private static Tensor3 gaussian(int batch, int steps, int inputs, long seed) {
        Random random = new Random(seed);
        Tensor3 X = new Tensor3(batch, steps, inputs);
        for (int k = 0; k < X.data().length; k++) X.data()[k] = (float) random.nextGaussian();
        return X;
    }

    @Test
    void dynamicRnnOverTheStackIsDynamicRnnLayerOnLayer() {
        Init init = new Init(5);
        MultiRNNCell stack = MultiRNNCell.of(new RecurrentCell(3, 5, Activation.TANH, init),
                new RecurrentCell(5, 4, Activation.RELU, init), new RecurrentCell(4, 6, Activation.RELU, init));
        Tensor3 X = gaussian(4, 5, 3, 9);
        int[] lengths = {5, 2, 0, 3};
        RnnOutput out = new DynamicRNN(5, stack).run(X, lengths);
        Tensor3 input = X;
        for (int l = 0; l < 3; l++) {
            RnnOutput layer = DynamicRNN.dynamic_rnn(stack.cells().get(l), input, lengths);
            assertArrayEquals(layer.states().data, out.finalState().parts().get(l).data, 0f, "layer " + l);
            input = layer.outputs();
        }
        assertArrayEquals(input.data(), out.outputs().data(), 0f);
        // instance 2 has length 0: the zero state in every layer
        FMatrixRMaj concatenated = stack.outputsConcatenated(out.finalState());
        assertEquals(15, concatenated.numCols);
        for (int j = 0; j < 15; j++) assertEquals(0f, concatenated.get(2, j));
        assertTrue(concatenated.get(0, 0) != 0f);
    }

    @Test
    void staticRnnUnrollsTheStackAsDynamicRnnDoesWithoutLengths() {
        MultiRNNCell stack = MultiRNNCell.basic(2, 3, 4, Activation.RELU, new Init(8));
        Tensor3 X = gaussian(3, 4, 2, 1);
        RnnOutput statik = new StaticRNN(4, stack).run(X);
        RnnOutput dynamic = new DynamicRNN(4, stack).run(X);
        assertArrayEquals(dynamic.outputs().data(), statik.outputs().data(), 0f);
        for (int p = 0; p < 3; p++) {
            assertArrayEquals(dynamic.finalState().parts().get(p).data, statik.finalState().parts().get(p).data, 0f);
        }
    }

    @Test
    void theChaptersStackNamesEveryLayersParameters() {
        MultiRNNCell stack = MultiRNNCell.basic(28, 3, 100, Activation.RELU, new Init(42));
        assertEquals(List.of("W_0", "b_0", "W_1", "b_1", "W_2", "b_2"), stack.parameterNames());
        assertEquals(128, stack.parameters().get(0).numRows); // [Wx; Wy] of layer 0: 28 + 100 rows
        assertEquals(200, stack.parameters().get(2).numRows); // layer 1 reads layer 0's 100 outputs
        assertEquals(28, stack.n_inputs());
        assertEquals(100, stack.n_neurons());
        assertEquals(3, stack.zeroState(7).parts().size());
        // the layers are drawn from init bottom first, as TF creates cell_0, cell_1, cell_2
        Init init = new Init(42);
        assertArrayEquals(init.glorotUniform(128, 100).data, stack.parameters().get(0).data, 0f);
        assertArrayEquals(init.glorotUniform(200, 100).data, stack.parameters().get(2).data, 0f);
    }

    @Test
    void layersThatDoNotFitAreRefused() {
        Init init = new Init(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiRNNCell.of(new RecurrentCell(3, 5, init), new RecurrentCell(4, 2, init)));
        assertEquals("layer 1 reads the outputs of layer 0, so it needs n_inputs = 5, but its n_inputs is 4",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MultiRNNCell(List.of()));
        assertThrows(IllegalArgumentException.class, () -> MultiRNNCell.basic(2, 0, 4, Activation.TANH, init));
        MultiRNNCell stack = MultiRNNCell.basic(2, 2, 3, Activation.TANH, init);
        assertThrows(IllegalArgumentException.class, () -> stack.layerStates(CellState.of(new FMatrixRMaj(1, 3))));
    }
}
