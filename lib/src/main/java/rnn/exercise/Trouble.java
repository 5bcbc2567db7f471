package rnn.exercise;

import org.ejml.data.FMatrixRMaj;

import rnn.Tensor3;

/** What went wrong in a student's code, or what kind of value an answer is, said in words for a check's hint. */
final class Trouble {
    private Trouble() {
    }

    /** A thrown exception as a sentence: what happened, the library's own message, and where to look. */
    static String inWords(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof IndexOutOfBoundsException) {
            return "an index outside a matrix or an array (" + message + "). Rows and columns count from 0, so a"
                    + " 4 × 5 matrix has rows 0 to 3 and columns 0 to 4.";
        }
        if (e instanceof NullPointerException) {
            return "a variable that holds null. Run the notebook's cells above this one in order, so that every"
                    + " variable your code uses is set.";
        }
        if (e instanceof IllegalArgumentException) {
            return "this message from the library: " + message;
        }
        if (e instanceof ArithmeticException) {
            return "an arithmetic error (" + message + ").";
        }
        if (e instanceof StackOverflowError) {
            return "a stack overflow: a method that calls itself without end.";
        }
        return "a " + e.getClass().getSimpleName() + (message.isEmpty() ? "." : ": " + message);
    }

    /** "a 4×5 FMatrixRMaj", "a Tensor3 of shape (4, 2, 5)", "a String"... */
    static String kindOf(Object value) {
        if (value instanceof FMatrixRMaj m) {
            return "a " + m.numRows + "×" + m.numCols + " FMatrixRMaj";
        }
        if (value instanceof Tensor3 t) {
            return "a Tensor3 of shape " + t.shapeString();
        }
        return "a " + value.getClass().getSimpleName();
    }
}
