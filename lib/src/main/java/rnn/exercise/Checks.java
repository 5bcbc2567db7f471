package rnn.exercise;

import org.ejml.data.FMatrixRMaj;

import rnn.Ops;
import rnn.Tensor3;

/** What the notebooks' exercises share when they judge an answer. */
final class Checks {
    /** |y| above this counts as a saturated tanh output, where its slope 1 − y² is below 0.02. */
    static final double SATURATED = 0.99;

    private Checks() {
    }

    /** How many of the values have |y| > 0.99. */
    static int saturated(float[]... values) {
        int count = 0;
        for (float[] array : values) {
            for (float y : array) {
                count += Math.abs(y) > SATURATED ? 1 : 0;
            }
        }
        return count;
    }

    /** The mean of |y| over the values. */
    static double meanAbs(float[] values) {
        double sum = 0;
        for (float y : values) {
            sum += Math.abs(y);
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** null when {@code answer} is rows × cols, else the hint that says what it should be. */
    static Verdict wrongShape(FMatrixRMaj answer, int rows, int cols, String name) {
        if (answer.numRows == rows && answer.numCols == cols) {
            return null;
        }
        return Verdict.notRightYet(name + " should be " + rows + "×" + cols + ", but yours is " + answer.numRows
                + "×" + answer.numCols + ".");
    }

    /** null when {@code answer} has the shape, else the hint that says what it should be. */
    static Verdict wrongShape(Tensor3 answer, Tensor3 expected, String name) {
        if (answer.shapeString().equals(expected.shapeString())) {
            return null;
        }
        return Verdict.notRightYet(name + " should have shape " + expected.shapeString() + ", but yours has "
                + answer.shapeString() + ".");
    }

    /** Two matrices of one shape within {@code tolerance} of each other everywhere. */
    static boolean close(FMatrixRMaj a, FMatrixRMaj b, double tolerance) {
        return a.numRows == b.numRows && a.numCols == b.numCols && Ops.largestDifference(a, b) <= tolerance;
    }

    static boolean close(Tensor3 a, Tensor3 b, double tolerance) {
        return a.shapeString().equals(b.shapeString()) && Ops.largestDifference(a, b) <= tolerance;
    }

    /** null when {@code answer} is a whole number, else the hint. */
    static Verdict notACount(Number answer) {
        double value = answer.doubleValue();
        if (value == Math.rint(value) && value >= 0) {
            return null;
        }
        return Verdict.notRightYet("a count is a whole number, 0 or more; yours is " + answer + ".");
    }

    /**
     * The verdict on a count of saturated outputs: {@code perStep[t]} is how many of the {@code total} outputs
     * are saturated at step t, so the right count is their sum; {@code where} names the outputs for the hint.
     */
    static Verdict saturatedCount(Number answer, int[] perStep, int total, String where, String remark) {
        Verdict notACount = notACount(answer);
        if (notACount != null) {
            return notACount;
        }
        long count = Math.round(answer.doubleValue());
        int right = 0;
        for (int n : perStep) {
            right += n;
        }
        if (count == right) {
            return Verdict.right(remark);
        }
        for (int n : perStep) {
            if (count == n) {
                return Verdict.notRightYet("that is the count of one time step. Count over every step of " + where + ".");
            }
        }
        if (count == total - right) {
            return Verdict.notRightYet("that is the number of outputs that are not saturated. Which side of 0.99"
                    + " does |y| fall on?");
        }
        if (count > total) {
            return Verdict.notRightYet("there are only " + total + " outputs in " + where + ".");
        }
        return Verdict.notRightYet("count the outputs y with |y| > 0.99 (Math.abs) over all the elements of " + where
                + "; values near −1 count too.");
    }
}
