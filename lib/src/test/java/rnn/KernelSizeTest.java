package rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A cell whose kernel no Java array can hold is refused by name, not with EJML's "Matrix size exceeds ...". */
class KernelSizeTest {

    @Test
    void anLSTMsFourGatesReachTheLimitAtAQuarterOfTheNeurons() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LSTMCell(28, 25_000, new Init(1)));
        assertEquals("an LSTM cell's W of (28 + 25000) × 4·25000 would have 2,502,800,000 entries, more than the"
                + " 2,147,483,647 a Java array can hold; use a smaller n_neurons", e.getMessage());
    }

    @Test
    void aGRUsWidestKernelIsW_ru() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GRUCell(28, 33_000, new Init(1)));
        assertEquals("a GRU cell's W_ru of (28 + 33000) × 2·33000 would have 2,179,848,000 entries, more than the"
                + " 2,147,483,647 a Java array can hold; use a smaller n_neurons", e.getMessage());
    }

    @Test
    void aBasicCell() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RecurrentCell(28, 50_000, new Init(1)));
        assertEquals("a cell's W of (28 + 50000) × 50000 would have 2,501,400,000 entries, more than the"
                + " 2,147,483,647 a Java array can hold; use a smaller n_neurons", e.getMessage());
    }
}
