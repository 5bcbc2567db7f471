package rnn.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import tech.tablesaw.plotly.components.Figure;

/**
 * The scripts that turn a chart's SVG picture into an interactive plotly.js plot.
 *
 * <p>plotly.js (the basic bundle) is a class-path resource of the jar, {@value #RESOURCE}; the first chart of a
 * JVM session embeds it inline once, later charts only call {@code Plotly}. A jar built without it gives SVG-only
 * charts.
 */
public final class PlotlyScript {

    /** Where the build puts plotly-basic.min.js (npm plotly.js-basic-dist-min@2.35.3) inside the jar. */
    static final String RESOURCE = "rnn/plot/plotly-basic.min.js";

    private static final AtomicBoolean embeddedThisSession = new AtomicBoolean();
    private static volatile Optional<String> library;

    private PlotlyScript() {
    }

    /** plotly.js source, or empty when the jar was built without it. */
    static Optional<String> library() {
        Optional<String> loaded = library;
        if (loaded == null) {
            loaded = readResource();
            library = loaded;
        }
        return loaded;
    }

    /** The library loader for the first chart of this session, "" afterwards or when plotly.js is absent. */
    static String loaderOncePerSession() {
        if (library().isEmpty() || !embeddedThisSession.compareAndSet(false, true)) {
            return "";
        }
        return loader();
    }

    /**
     * A script defining {@code window.Plotly}. plotly's UMD wrapper calls {@code define()} when RequireJS is
     * present (the classic Notebook), which would hide Plotly from the page: define is hidden while it loads.
     */
    static String loader() {
        return library().map(js -> "<script type=\"text/javascript\">(function () {\n"
                + "var savedDefine = window.define;\n"
                + "try {\nwindow.define = undefined;\n"
                + js
                + "\n} finally {\nwindow.define = savedDefine;\n}\n})();</script>\n").orElse("");
    }

    /**
     * A script that, if plotly.js is loaded, replaces the content of div {@code divId} (the SVG picture) by the
     * figure; without Plotly it leaves the picture. "" when the jar has no plotly.js.
     */
    static String plot(String divId, Figure figure) {
        if (library().isEmpty()) {
            return "";
        }
        String script = figure.asJavascript(divId).strip();
        if (!script.startsWith("<script>") || !script.endsWith("</script>")) {
            throw new IllegalStateException("expected Figure.asJavascript to return one <script> element, got: "
                    + script.substring(0, Math.min(80, script.length())));
        }
        String body = script.substring("<script>".length(), script.length() - "</script>".length());
        return "<script type=\"text/javascript\">(function () {\n"
                + "var target = document.getElementById('" + divId + "');\n"
                + "if (!target || typeof window.Plotly === 'undefined') { return; }\n"
                + "target.innerHTML = '';\n"
                + body.strip()
                + "\n})();</script>\n";
    }

    /** Test hook: plotly.js source to use instead of the resource, empty as if absent (null: read the resource again). */
    static void useLibrary(Optional<String> js) {
        library = js;
    }

    /**
     * A new notebook session (a fresh kernel): the next chart embeds plotly.js again. The NotebookRunner calls
     * this before each notebook it runs in one JVM.
     */
    public static void newSession() {
        embeddedThisSession.set(false);
    }

    private static Optional<String> readResource() {
        ClassLoader loader = PlotlyScript.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
        }
    }
}
