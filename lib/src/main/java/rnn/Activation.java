package rnn;

/**
 * The activation of a basic cell, TF's {@code BasicRNNCell(activation=...)}: tanh (the default) or ReLU, the
 * chapter's choice for its deep RNN and its time series. Each knows its derivative from its output Y = f(Z), which
 * is what backpropagation through time keeps.
 */
public enum Activation {
    /** f(z) = tanh(z), f'(z) = 1 − Y². */
    TANH {
        @Override
        public float apply(float z) {
            return (float) StrictMath.tanh(z); // StrictMath: the same bits on every JVM, so printed tensors repeat
        }

        @Override
        public float derivativeFromOutput(float y) {
            return 1 - y * y;
        }
    },
    /** f(z) = max(0, z), f'(z) = 1 where Y > 0, else 0. */
    RELU {
        @Override
        public float apply(float z) {
            return Math.max(0f, z);
        }

        @Override
        public float derivativeFromOutput(float y) {
            return y > 0 ? 1f : 0f;
        }
    };

    public abstract float apply(float z);

    /** f'(z) written with y = f(z). */
    public abstract float derivativeFromOutput(float y);

    /** The activation named {@code name} ("tanh" or "relu", any case), or an error that lists them. */
    public static Activation named(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name == null ? "" : name.trim())) return a;
        }
        throw new IllegalArgumentException("activation must be tanh or relu but was given '" + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
