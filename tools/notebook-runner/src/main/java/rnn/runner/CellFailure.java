package rnn.runner;

/**
 * Why a cell failed, found while running it: the line of the cell (1-based), a one-line problem and the details
 * (diagnostic or stack trace). The runner adds the notebook and the cell.
 */
final class CellFailure extends Exception {

    final int line;
    final String problem;
    final String detail;

    CellFailure(int line, String problem, String detail) {
        super(problem, null, false, false);
        this.line = line;
        this.problem = problem;
        this.detail = detail;
    }
}
