package rnn.train;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Frames as one notebook output updated in place: the first frame is shown with the kernel's
 * {@code display(Object)}, which returns the output's display id, and every later frame replaces it with
 * {@code updateDisplay(id, Object)}. The last frame stays when training ends. IJava and JJava define both
 * functions in the notebook's namespace, where the jar cannot call them: the notebook passes them in as lambdas,
 * {@code o -> display(o)} and {@code (id, o) -> updateDisplay(id, o)}.
 */
final class NotebookDisplay implements ProgressFrames {
    private final Function<Object, String> display;
    private final BiConsumer<String, Object> updateDisplay;
    private String id;
    private String shown;

    NotebookDisplay(Function<Object, String> display, BiConsumer<String, Object> updateDisplay) {
        if (display == null || updateDisplay == null) {
            throw new IllegalArgumentException("expected the notebook's display and updateDisplay, e.g. "
                    + "o -> display(o) and (id, o) -> updateDisplay(id, o), got "
                    + (display == null ? "display = null" : "updateDisplay = null"));
        }
        this.display = display;
        this.updateDisplay = updateDisplay;
    }

    @Override
    public void draw(String frame) {
        if (id == null) {
            id = display.apply(frame);
            if (id == null) {
                throw new IllegalStateException("display(...) returned no display id: expected the kernel's "
                        + "display(Object), which returns the id of the output it shows");
            }
        } else {
            updateDisplay.accept(id, frame);
        }
        shown = frame;
    }

    @Override
    public void epochFinished(String last_bar) {
        // the output keeps the epoch's last bar, not "evaluating ...", until the next epoch draws over it
        if (last_bar != null && !last_bar.equals(shown)) {
            draw(last_bar);
        }
    }
}
