package rnn.runner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import rnn.display.KernelDisplay;

/**
 * The functions IJava and JJava put in a notebook's namespace, as the NotebookRunner provides them: the runner
 * defines {@code display}, {@code render} and {@code lineMagic} in JShell to call these.
 */
public final class KernelFunctions {

    /** What runs a line magic for the notebook being run: its name (without %) and its arguments. */
    interface LineMagics {
        void run(String name, List<String> args);
    }

    private static volatile CellOutputs current;
    private static volatile LineMagics magics;
    /** The outputs of this notebook's cells that showed a display, by display id. */
    private static final Map<String, CellOutputs> displays = new ConcurrentHashMap<>();

    private KernelFunctions() {
    }

    /** Directs display output to the cell being run and magics to its notebook's session (nulls: no cell). */
    static void runningCell(CellOutputs outputs, LineMagics lineMagics) {
        current = outputs;
        magics = lineMagics;
    }

    /** A new notebook: the displays of the last one can no longer be updated. */
    static void newNotebook() {
        displays.clear();
    }

    /**
     * {@code lineMagic("classpath", List.of("a.jar"))}: what the line {@code %classpath a.jar} does, as the kernels
     * let code call it. The runner runs only the classpath magic; it returns null, as the kernels' does.
     */
    public static <T> T lineMagic(String name, List<String> args) {
        LineMagics session = magics;
        if (session == null) {
            throw new IllegalStateException("lineMagic() works inside a notebook cell run by NotebookRunner, "
                    + "but no cell is running");
        }
        session.run(name, args);
        return null;
    }

    /** Shows {@code value} as a display_data output; returns its display id, like the kernels. */
    public static String display(Object value, String... mimeTypes) {
        CellOutputs outputs = current;
        if (outputs == null) {
            throw new IllegalStateException("display() works inside a notebook cell run by NotebookRunner, "
                    + "but no cell is running");
        }
        String id = UUID.randomUUID().toString();
        outputs.display(id, bundle(value, mimeTypes));
        displays.put(id, outputs);
        return id;
    }

    /**
     * Replaces the output that {@code display} showed with id {@code id}, where it stands, by {@code value}, as
     * the kernels' {@code updateDisplay} does: in the running cell or an earlier one. As in the kernels, an update
     * while no cell runs (from a thread that outlived its cell) is dropped, and so is one of an unknown id (the
     * front end ignores it).
     */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        CellOutputs shown = id == null ? null : displays.get(id);
        if (current == null || shown == null) {
            return;
        }
        shown.update(id, bundle(value, mimeTypes));
    }

    /** The MIME bundle of {@code value}; as a cell's last value it becomes the execute_result. */
    public static RenderedData render(Object value, String... mimeTypes) {
        return new RenderedData(bundle(value, mimeTypes));
    }

    /**
     * The bundle the kernels' renderer makes: ours for the types KernelDisplay renders, else text/plain only; with
     * {@code mimeTypes}, only those (text/plain is always kept). A character sequence asked for as given types is
     * that text under each of them, as in IJava: {@code display("<b>x</b>", "text/html")} shows bold HTML.
     */
    static Map<String, Object> bundle(Object value, String... mimeTypes) {
        if (value instanceof RenderedData rendered) {
            return rendered.data();
        }
        Map<String, Object> rich = KernelDisplay.bundle(value);
        Map<String, Object> bundle = new LinkedHashMap<>();
        if (rich == null && value instanceof CharSequence text && mimeTypes != null) {
            for (String mime : mimeTypes) {
                bundle.put(mime, text.toString());
            }
        }
        if (rich != null) {
            List<String> wanted = mimeTypes == null ? List.of() : List.of(mimeTypes);
            rich.forEach((mime, data) -> {
                if (wanted.isEmpty() || wanted.contains(mime)) {
                    bundle.put(mime, data);
                }
            });
        }
        bundle.putIfAbsent(KernelDisplay.TEXT_PLAIN, String.valueOf(value));
        return bundle;
    }
}
