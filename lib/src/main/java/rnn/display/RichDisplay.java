package rnn.display;

import java.util.Map;

/**
 * An object the notebooks show as rich output: {@code application/vnd.plotly.v1+json} where it is an interactive
 * chart, {@code text/html} and {@code image/svg+xml} (its picture), and {@code text/plain}
 * ({@link Object#toString()}) for plain-text front ends.
 */
public interface RichDisplay {

    /** HTML for JupyterLab and the classic Notebook; must show a picture where scripts don't run. */
    String html();

    /** A standalone SVG document. */
    String svg();

    /**
     * The interactive figure as plotly's figure JSON ({@code {data, layout, config}} as plain maps, lists, numbers
     * and strings), or null for a picture only.
     */
    default Map<String, Object> plotly() {
        return null;
    }
}
