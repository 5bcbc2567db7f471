package rnn.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A one-line progress bar redrawn while an epoch trains, e.g.
 * <pre>epoch 1/10 [=========>          ] 183/366 cost 0.512  12.1 s</pre>
 * where cost is the mean of the epoch's batch costs so far. The line is redrawn at most once per
 * update interval (and always at the last batch). While the model is measured on the test set after an epoch's
 * last batch, the line says so: <pre>epoch 1/10 evaluating on 10,000 test images</pre> On a stream
 * ({@link #forTerminal(int)}, the CLI's bar on stderr) each frame is drawn over the last with {@code \r} and erased
 * when the epoch finishes, so the seed's epoch lines print on a clean line; in a notebook ({@link #inNotebook}) the
 * frames are one output, updated in place, which keeps the epoch's last bar.
 */
public final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 20;
    /** How often a notebook's bar is redrawn: each frame is a message to the front end. */
    static final Duration NOTEBOOK_INTERVAL = Duration.ofMillis(500);

    private final int epochs;
    private final ProgressFrames frames;
    private final long interval_nanos;
    private long epoch_start;
    private long last_draw;
    private double cost_sum;
    /** The epoch's last bar frame, or null before its first. */
    private String last_bar;

    /**
     * @param epochs   how many epochs the training runs, for the "epoch 1/10" label
     * @param out      where to draw, each frame over the last with {@code \r}
     * @param interval the least time between two redraws
     */
    public ProgressBar(int epochs, PrintStream out, Duration interval) {
        this(epochs, new TerminalLine(out), interval);
    }

    private ProgressBar(int epochs, ProgressFrames frames, Duration interval) {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (interval.isNegative()) throw new IllegalArgumentException("interval must be >= 0, got " + interval);
        this.epochs = epochs;
        this.frames = frames;
        this.interval_nanos = interval.toNanos();
    }

    /**
     * The bar as one notebook output updated in place, redrawn every 0.5 s; it keeps the last frame. Pass the
     * kernel's display functions, which only the notebook can call:
     * <pre>ProgressBar.inNotebook(N_EPOCHS, o -&gt; display(o), (id, o) -&gt; updateDisplay(id, o))</pre>
     *
     * @param display       shows a frame as a new output and returns its display id (IJava's and JJava's
     *                      {@code display(Object)})
     * @param updateDisplay replaces the output of that id by a new frame ({@code updateDisplay(String, Object)})
     */
    public static ProgressBar inNotebook(int epochs, Function<Object, String> display,
            BiConsumer<String, Object> updateDisplay) {
        return new ProgressBar(epochs, new NotebookDisplay(display, updateDisplay), NOTEBOOK_INTERVAL);
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
        last_bar = null;
    }

    @Override
    public void batchFinished(int epoch, int batch, int total_batches, double cost) {
        cost_sum += cost;
        long now = System.nanoTime();
        if (batch == total_batches || now - last_draw >= interval_nanos) {
            last_draw = now;
            last_bar = line(epoch, batch, total_batches, cost_sum / batch, (now - epoch_start) / 1e9);
            frames.draw(last_bar);
        }
    }

    @Override
    public void evaluationStarted(int epoch, int test_size) {
        frames.draw(evaluating(epoch, test_size));
    }

    @Override
    public void epochFinished(EpochResult r) {
        erase();
    }

    /**
     * Ends the epoch's frames: on a terminal the line drawn, if any, is erased (at an epoch's end, or before an error
     * is printed where the bar was); a notebook's output shows the epoch's last bar again.
     */
    public void erase() {
        frames.epochFinished(last_bar);
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
}
