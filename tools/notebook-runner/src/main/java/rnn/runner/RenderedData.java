package rnn.runner;

import java.util.Map;

/**
 * What {@code render(...)} returns in a notebook run by the NotebookRunner (the kernels return their DisplayData):
 * as a cell's last value it becomes the execute_result's MIME bundle.
 */
public record RenderedData(Map<String, Object> data) {

    public RenderedData {
        data = Map.copyOf(data);
    }

    @Override
    public String toString() {
        return String.valueOf(data.getOrDefault("text/plain", ""));
    }
}
