package rnn.runner;

import java.util.Map;

/** One output of a code cell, as nbformat 4 stores it. */
public sealed interface CellOutput permits CellOutput.Stream, CellOutput.ExecuteResult, CellOutput.DisplayData {

    /** Text a cell printed: {@code name} is "stdout" or "stderr"; {@code text} exactly as printed ("\r" kept). */
    record Stream(String name, String text) implements CellOutput {
    }

    /**
     * The value of the cell's last expression, e.g. {@code {"text/plain": "42"}}: a MIME bundle, whose values are
     * strings, or JSON-ready maps and lists for JSON types such as {@code application/vnd.plotly.v1+json}.
     */
    record ExecuteResult(int executionCount, Map<String, Object> data) implements CellOutput {
    }

    /** What {@code display(...)} showed: a MIME bundle, as in {@link ExecuteResult}. */
    record DisplayData(Map<String, Object> data) implements CellOutput {
    }
}
