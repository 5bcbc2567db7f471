package rnn.runner;

import java.util.Map;

/** One output of a code cell, as nbformat 4 stores it. */
public sealed interface CellOutput permits CellOutput.Stream, CellOutput.ExecuteResult, CellOutput.DisplayData {

    /** Text a cell printed: {@code name} is "stdout" or "stderr"; {@code text} exactly as printed ("\r" kept). */
    record Stream(String name, String text) implements CellOutput {
    }

    /** The value of the cell's last expression, e.g. {@code {"text/plain": "42"}}. */
    record ExecuteResult(int executionCount, Map<String, String> data) implements CellOutput {
    }

    /** What {@code display(...)} showed: a MIME bundle. */
    record DisplayData(Map<String, String> data) implements CellOutput {
    }
}
