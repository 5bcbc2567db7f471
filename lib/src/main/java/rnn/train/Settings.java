package rnn.train;

/**
 * Whole-number settings read from the environment, as the MNIST notebook reads {@code RNN_EPOCHS} and
 * {@code RNN_TRAIN_LIMIT}: unset or blank gives the default; a value that is not a whole number at least the minimum
 * is refused with a message naming the variable, what it holds and what it must be.
 */
public final class Settings {
    private Settings() {
    }

    /**
     * The environment variable {@code name} as an int, or {@code fallback} where it is unset or blank.
     *
     * @throws IllegalArgumentException if it is set to anything but a whole number {@code >= min}
     */
    public static int intFromEnvironment(String name, int fallback, int min) {
        return intSetting(name, System.getenv(name), fallback, min);
    }

    /** {@link #intFromEnvironment} on a given value (null: unset). */
    static int intSetting(String name, String value, int fallback, int min) {
        if (value == null || value.isBlank()) return fallback;
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(notValid(name, value, min, fallback));
        }
        if (n < min || n > Integer.MAX_VALUE) throw new IllegalArgumentException(notValid(name, value, min, fallback));
        return (int) n;
    }

    private static String notValid(String name, String value, int min, int fallback) {
        return "the environment variable " + name + " is '" + value + "' but must be a whole number >= " + min
                + " (up to " + Integer.MAX_VALUE + "); unset it for the default, " + fallback;
    }
}
