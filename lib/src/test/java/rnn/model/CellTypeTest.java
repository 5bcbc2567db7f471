package rnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rnn.Activation;
import rnn.GRUCell;
import rnn.Init;
import rnn.LSTMCell;
import rnn.MultiRNNCell;
import rnn.RecurrentCell;

class CellTypeTest {
    @Test
    void namesInAnyCase() {
        assertEquals(CellType.LSTM, CellType.named(" Lstm "));
        assertEquals(CellType.BASIC, CellType.named("basic"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellType.named("rnn"));
        assertEquals("cell must be basic, lstm or gru but was given 'rnn'", e.getMessage());
    }

    @Test
    void stacksTheChaptersCells() {
        assertInstanceOf(RecurrentCell.class, CellType.BASIC.stack(28, 1, 5, Activation.RELU, new Init(1)));
        assertInstanceOf(GRUCell.class, CellType.GRU.stack(28, 1, 5, Activation.TANH, new Init(1)));
        MultiRNNCell lstm = assertInstanceOf(MultiRNNCell.class,
                CellType.LSTM.stack(28, 3, 5, Activation.TANH, new Init(1)));
        assertEquals(3, lstm.n_layers());
        assertEquals(28, lstm.cells().get(0).n_inputs());
        assertEquals(5, lstm.cells().get(2).n_inputs());
        lstm.cells().forEach(c -> assertInstanceOf(LSTMCell.class, c));
    }

    @Test
    void gatedStacksFeedTheTopLayerAndBasicOnesEveryLayer() {
        ImageRNN lstm = CellType.LSTM.imageRNN(28, 28, 3, 6, Activation.TANH, 10, new Init(2));
        assertEquals(DenseInput.TOP_LAYER, lstm.denseInput());
        assertEquals(6, lstm.statesWidth());
        ImageRNN basic = CellType.BASIC.imageRNN(28, 28, 3, 6, Activation.RELU, 10, new Init(2));
        assertEquals(DenseInput.ALL_LAYERS, basic.denseInput());
        assertEquals(18, basic.statesWidth());
        // one basic tanh layer is the seed's model, drawn from the same Init in the same order
        ImageRNN seeds = new ImageRNN(28, 28, 6, 10, new Init(2));
        ImageRNN one = CellType.BASIC.imageRNN(28, 28, 1, 6, Activation.TANH, 10, new Init(2));
        for (int p = 0; p < seeds.parameters().size(); p++) {
            assertTrue(java.util.Arrays.equals(seeds.parameters().get(p).data, one.parameters().get(p).data));
        }
    }

    @Test
    void refusesAnActivationForGatedCells() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellType.GRU.stack(28, 1, 5, Activation.RELU, new Init(1)));
        assertEquals("the activation of a gru cell is fixed (σ gates, tanh candidate) but was given relu",
                e.getMessage());
    }
}
