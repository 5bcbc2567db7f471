package rnn.display;

/**
 * An object the notebooks show as rich output: {@code text/html}, {@code image/svg+xml}, and {@code text/plain}
 * ({@link Object#toString()}) for plain-text front ends.
 */
public interface RichDisplay {

    /** HTML for JupyterLab and the classic Notebook; must still show a picture where scripts don't run. */
    String html();

    /** A standalone SVG document. */
    String svg();
}
