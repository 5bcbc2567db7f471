package rnn.runner;

import java.nio.file.Path;

/**
 * A notebook cell failed: a compile error, an exception thrown by the cell, incomplete code or an unsupported
 * magic. The message names the notebook, the cell, the line and its source, then the problem and its details.
 */
public final class NotebookCellException extends RuntimeException {

    private final Path notebook;
    private final int cellIndex;
    private final int line;
    private final String sourceLine;
    private final String problem;
    private final CellResult partial;

    NotebookCellException(Path notebook, CellResult partial, int line, String problem, String detail) {
        super(message(notebook, partial, line, problem, detail));
        this.notebook = notebook;
        this.cellIndex = partial.cellIndex();
        this.line = line;
        this.sourceLine = sourceLine(partial.source(), line);
        this.problem = problem;
        this.partial = partial;
    }

    private static String message(Path notebook, CellResult cell, int line, String problem, String detail) {
        StringBuilder text = new StringBuilder()
                .append(notebook).append(": cell[").append(cell.cellIndex()).append("] (In [")
                .append(cell.executionCount()).append("]), line ").append(line).append(": ").append(problem)
                .append("\n    ").append(sourceLine(cell.source(), line).strip());
        if (detail != null && !detail.isBlank()) {
            text.append('\n').append(detail.stripTrailing());
        }
        return text.toString();
    }

    private static String sourceLine(String source, int line) {
        String[] lines = source.split("\r\n|\r|\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    public Path notebook() {
        return notebook;
    }

    /** Index of the failing cell in the notebook's "cells" array. */
    public int cellIndex() {
        return cellIndex;
    }

    /** Line of the cell (1-based) where it failed. */
    public int line() {
        return line;
    }

    public String sourceLine() {
        return sourceLine;
    }

    /** The problem in one line, e.g. "compile error: cannot find symbol" or "java.lang.ArithmeticException: / by zero". */
    public String problem() {
        return problem;
    }

    /** What the failing cell printed and displayed before it failed. */
    public CellResult partial() {
        return partial;
    }
}
