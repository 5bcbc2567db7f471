package rnn.runner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outputs of the cell being run, in the order they happen. Consecutive writes to one stream make one stream
 * output (as Jupyter front ends merge them); its bytes are decoded as UTF-8 at the end, so a character split across
 * two writes survives. A display with an id can be replaced in place later ({@code updateDisplay}).
 */
final class CellOutputs {

    private final List<Object> entries = new ArrayList<>();

    /** A display_data output that {@code updateDisplay(id, ...)} replaces. */
    private static final class Display {
        final String id;
        Map<String, Object> data;

        Display(String id, Map<String, Object> data) {
            this.id = id;
            this.data = data;
        }
    }

    private static final class StreamRun {
        final String name;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StreamRun(String name) {
            this.name = name;
        }
    }

    synchronized void write(String stream, byte[] buffer, int offset, int length) {
        if (length == 0) {
            return;
        }
        Object last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        StreamRun run;
        if (last instanceof StreamRun r && r.name.equals(stream)) {
            run = r;
        } else {
            run = new StreamRun(stream);
            entries.add(run);
        }
        run.bytes.write(buffer, offset, length);
    }

    synchronized void display(String id, Map<String, Object> data) {
        entries.add(new Display(id, data));
    }

    /** Replaces the data of the display {@code id} where it stands; false if this cell has no such display. */
    synchronized boolean update(String id, Map<String, Object> data) {
        boolean found = false;
        for (Object entry : entries) {
            if (entry instanceof Display display && display.id.equals(id)) {
                display.data = data;
                found = true;
            }
        }
        return found;
    }

    synchronized void result(int executionCount, Map<String, Object> data) {
        entries.add(new CellOutput.ExecuteResult(executionCount, data));
    }

    synchronized List<CellOutput> toList() {
        List<CellOutput> outputs = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (entry instanceof StreamRun run) {
                outputs.add(new CellOutput.Stream(run.name, run.bytes.toString(StandardCharsets.UTF_8)));
            } else if (entry instanceof Display display) {
                outputs.add(new CellOutput.DisplayData(display.data));
            } else {
                outputs.add((CellOutput) entry);
            }
        }
        return outputs;
    }
}
