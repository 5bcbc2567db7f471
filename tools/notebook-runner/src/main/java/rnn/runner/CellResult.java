package rnn.runner;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one code cell produced.
 *
 * @param cellIndex      index of the cell in the notebook's "cells" array (markdown cells count)
 * @param executionCount the cell's execution count, 1 for the first code cell run, or 0 for an empty cell
 * @param source         the cell's source
 * @param outputs        its outputs, in order
 */
public record CellResult(int cellIndex, int executionCount, String source, List<CellOutput> outputs) {

    public CellResult {
        outputs = List.copyOf(outputs);
    }

    /** Everything printed to System.out, concatenated. */
    public String stdout() {
        return streamText("stdout");
    }

    /** Everything printed to System.err, concatenated. */
    public String stderr() {
        return streamText("stderr");
    }

    private String streamText(String name) {
        return outputs.stream()
                .filter(o -> o instanceof CellOutput.Stream s && s.name().equals(name))
                .map(o -> ((CellOutput.Stream) o).text())
                .collect(Collectors.joining());
    }

    /** The text/plain of the cell's execute_result, or null if the cell has no value. */
    public String result() {
        return outputs.stream()
                .filter(o -> o instanceof CellOutput.ExecuteResult)
                .map(o -> (String) ((CellOutput.ExecuteResult) o).data().get("text/plain"))
                .findFirst().orElse(null);
    }

    /** The MIME bundles the cell displayed, in order. */
    public List<Map<String, Object>> displays() {
        return outputs.stream()
                .filter(o -> o instanceof CellOutput.DisplayData)
                .map(o -> ((CellOutput.DisplayData) o).data())
                .toList();
    }
}
