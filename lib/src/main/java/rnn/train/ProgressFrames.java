package rnn.train;

/** Where a {@link ProgressBar} draws: one line of text, each frame replacing the one before. */
interface ProgressFrames {

    /** Shows {@code frame} in place of the previous one. */
    void draw(String frame);

    /**
     * The epoch is over: the frames' place is left as the epoch's result lines should find it. {@code last_bar} is
     * the epoch's last bar frame (null if none was drawn), for frames that stay on show after the epoch.
     */
    void epochFinished(String last_bar);
}
