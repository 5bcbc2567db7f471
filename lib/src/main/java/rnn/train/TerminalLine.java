package rnn.train;

import java.io.PrintStream;

/**
 * Frames on a terminal (or a stream a front end treats like one): each printed after a {@code \r} over the one
 * before, padded so a shorter frame covers a longer one, and erased when the epoch finishes so the epoch's result
 * lines print on a clean line.
 */
final class TerminalLine implements ProgressFrames {
    private final PrintStream out;
    private int width_drawn;

    TerminalLine(PrintStream out) {
        this.out = out;
    }

    @Override
    public void draw(String frame) {
        String padded = frame.length() < width_drawn ? frame + " ".repeat(width_drawn - frame.length()) : frame;
        out.print("\r" + padded);
        out.flush();
        width_drawn = padded.length();
    }

    @Override
    public void epochFinished(String last_bar) {
        if (width_drawn > 0) {
            out.print("\r" + " ".repeat(width_drawn) + "\r");
            out.flush();
            width_drawn = 0;
        }
    }
}
