package rnn;

/**
 * The logistic function σ(z) = 1 / (1 + e^(−z)) of the gated cells' gates ({@link LSTMCell}, {@link GRUCell}),
 * computed in double with {@link StrictMath#exp} and rounded to float: the same bits on every JVM, so the gates a
 * notebook prints repeat on every machine. (The fast path writes it from a float tanh instead.)
 */
public final class Sigmoid {
    private Sigmoid() {
    }

    public static float sigmoid(float z) {
        return (float) (1 / (1 + StrictMath.exp(-(double) z)));
    }
}
