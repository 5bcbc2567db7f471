package rnn.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchTest {
    @Test
    void peakMemoryIsAtLeastWhatTheHeapHoldsNow() throws Exception {
        float[] held = new float[16 << 20]; // 64 MiB, touched so it is resident
        for (int i = 0; i < held.length; i += 1024) held[i] = i;
        double peak = Bench.peakMemoryMiB();
        assertTrue(peak >= 64 && peak < 24 * 1024, "peak memory " + peak + " MiB");
        assertEquals(held.length - 1024f, held[held.length - 1024], 0f);
    }

    @Test
    void badArgumentsSayWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bench.main(new String[]{"--frobnicate"}));
        assertEquals("unknown argument '--frobnicate'; expected --data DIR, --epochs N, --seed S, --cell C,"
                + " --layers N, --neurons H or --activation F", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bench.main(new String[]{"--data"}));
        assertEquals("--data needs a value", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bench.main(new String[]{"--cell", "rnn"}));
        assertEquals("cell must be basic, lstm or gru but was given 'rnn'", e.getMessage());
    }
}
