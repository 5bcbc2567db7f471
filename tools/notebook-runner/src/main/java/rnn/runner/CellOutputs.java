package rnn.runner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outputs of the cell being run, in the order they happen. Consecutive writes to one stream make one stream
 * output (as Jupyter front ends merge them); its bytes are decoded as UTF-8 at the end, so a character split across
 * two writes survives.
 */
final class CellOutputs {

    private final List<Object> entries = new ArrayList<>();

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

    synchronized void display(Map<String, Object> data) {
        entries.add(new CellOutput.DisplayData(data));
    }

    synchronized void result(int executionCount, Map<String, Object> data) {
        entries.add(new CellOutput.ExecuteResult(executionCount, data));
    }

    synchronized List<CellOutput> toList() {
        List<CellOutput> outputs = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (entry instanceof StreamRun run) {
                outputs.add(new CellOutput.Stream(run.name, run.bytes.toString(StandardCharsets.UTF_8)));
            } else {
                outputs.add((CellOutput) entry);
            }
        }
        return outputs;
    }
}
