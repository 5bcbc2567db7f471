package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link Main#run} as the command line runs it, keeping what it printed on stdout and stderr: the fixture of the
 * command line's tests.
 */
final class CommandLineRun {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** How the usage printed after a usage error starts. */
    private final String usage;

    CommandLineRun(String usage) {
        this.usage = usage;
    }

    /** The exit code of {@code java -jar rnn-notebooks.jar args...}; what it prints is added to {@link #out}, {@link #err}. */
    int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far. */
    void reset() {
        out.reset();
        err.reset();
    }

    /**
     * The run exits with 2, prints nothing on stdout and "error: expected_message" then the usage on stderr; the
     * outputs are then {@link #reset}.
     */
    void assertUsageError(String expected_message, String... args) {
        assertEquals(2, run(args));
        assertTrue(err().startsWith("error: " + expected_message + "\n" + usage), err());
        assertEquals("", out());
        reset();
    }
}
