package rnn.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar redrawn with {@code \r} while an epoch trains, e.g.
 * <pre>epoch 1/10 [=========>          ] 183/366 cost 0.512  12.1 s</pre>
 * where cost is the mean of the epoch's batch costs so far. The line is redrawn at most once per
 * update interval (and always at the last batch) and erased when the epoch finishes, so the
 * seed's epoch lines print on a clean line. While the model is measured on the test set after an epoch's last
 * batch, the line says so: <pre>epoch 1/10 evaluating on 10,000 test images</pre> {@link #forTerminal(int)} is the CLI's bar on stderr;
 * a notebook passes {@code System.out}.
 */
public final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 20;

    private final int epochs;
    private final PrintStream out;
    private final long interval_nanos;
    private long epoch_start;
    private long last_draw;
    private double cost_sum;
    private int width_drawn;

    /**
     * @param epochs   how many epochs the training runs, for the "epoch 1/10" label
     * @param out      where to draw
     * @param interval the least time between two redraws
     */
    public ProgressBar(int epochs, PrintStream out, Duration interval) {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (interval.isNegative()) throw new IllegalArgumentException("interval must be >= 0, got " + interval);
        this.epochs = epochs;
        this.out = out;
        this.interval_nanos = interval.toNanos();
    }

    /** A bar on stderr, redrawn every 0.2 s, when stderr is a terminal; otherwise a listener that draws nothing. */
    public static ProgressListener forTerminal(int epochs) {
        return stderrIsTerminal() ? new ProgressBar(epochs, System.err, Duration.ofMillis(200)) : ProgressListener.NONE;
    }

    /**
     * Whether file descriptor 2 is a terminal. Java 17 cannot ask isatty(2) directly: on Linux its
     * /proc link names the device (/dev/pts/N, /dev/ttyN); elsewhere System.console(), which asks the
     * same of standard input and output, is the nearest answer.
     */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.exists(fd2, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
            } catch (IOException | UnsupportedOperationException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }

    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }

    @Override
    public void epochStarted(int epoch, int total_batches) {
        epoch_start = System.nanoTime();
        last_draw = epoch_start;
        cost_sum = 0;
    }

    @Override
    public void batchFinished(int epoch, int batch, int total_batches, double cost) {
        cost_sum += cost;
        long now = System.nanoTime();
        if (batch == total_batches || now - last_draw >= interval_nanos) {
            last_draw = now;
            draw(line(epoch, batch, total_batches, cost_sum / batch, (now - epoch_start) / 1e9));
        }
    }

    @Override
    public void evaluationStarted(int epoch, int test_size) {
        draw(evaluating(epoch, test_size));
    }

    @Override
    public void epochFinished(EpochResult r) {
        erase();
    }

    /** Erases the line drawn, if any: at an epoch's end, or before an error is printed where the bar was. */
    public void erase() {
        if (width_drawn > 0) {
            out.print("\r" + " ".repeat(width_drawn) + "\r");
            out.flush();
            width_drawn = 0;
        }
    }

    /** The text of one frame, without the leading {@code \r}. */
    String line(int epoch, int batch, int total_batches, double mean_cost, double seconds) {
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d cost %.3f  %.1f s",
                epoch, epochs, bar(batch, total_batches), batch, total_batches, mean_cost, seconds);
    }

    /** The frame shown during the test evaluation. */
    String evaluating(int epoch, int test_size) {
        return String.format(Locale.ROOT, "epoch %d/%d evaluating on %,d test images", epoch, epochs, test_size);
    }

    /** {@code WIDTH} characters: '=' for the part done with a '>' at its head, spaces for the rest. */
    static String bar(int done, int total) {
        int filled = (int) ((long) done * WIDTH / total);
        if (filled == WIDTH) return "=".repeat(WIDTH);
        if (filled == 0) return " ".repeat(WIDTH);
        return "=".repeat(filled - 1) + ">" + " ".repeat(WIDTH - filled);
    }

    private void draw(String line) {
        // pad with spaces so a shorter line fully covers the previous one
        String padded = line.length() < width_drawn ? line + " ".repeat(width_drawn - line.length()) : line;
        out.print("\r" + padded);
        out.flush();
        width_drawn = padded.length();
    }
}
