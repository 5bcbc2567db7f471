package rnn.exercise;

import org.ejml.data.FMatrixRMaj;

import rnn.BasicRNN;
import rnn.RecurrentCell;
import rnn.TwoSteps;

/**
 * The exercises of notebook 1, a single recurrent neuron, judged against the notebook's own model and inputs:
 * <ul>
 *   <li>1.1 Y(1) of the fourth instance by hand, a number;</li>
 *   <li>1.2 a third time step, Y(2) for the whole batch with X(2) = X0_batch, a 4 × 1 matrix.</li>
 * </ul>
 */
public final class SingleNeuronExercises {
    /** A number by hand in double against the cell's float32: they agree to about 1e-7. */
    private static final double BY_HAND = 1e-5;
    private static final double SAME = 1e-6;

    private SingleNeuronExercises() {
    }

    public static Exercises of(BasicRNN model, FMatrixRMaj X0_batch, FMatrixRMaj X1_batch) {
        TwoSteps Y = model.run(X0_batch, X1_batch);
        RecurrentCell cell = RecurrentCell.fromWeights(model.Wx, model.Wy, model.b);
        return new Exercises(
                new Exercise<>("1.1", Number.class, "a number (a double)",
                        answer -> y1OfTheFourthInstance(answer.doubleValue(), model, X1_batch, Y)),
                new Exercise<>("1.2", FMatrixRMaj.class, "a matrix (an FMatrixRMaj)",
                        answer -> y2(answer, cell, X0_batch, Y)));
    }

    private static Verdict y1OfTheFourthInstance(double answer, BasicRNN model, FMatrixRMaj X1, TwoSteps Y) {
        int i = 3;
        double inputs = model.b.get(0, 0);
        for (int j = 0; j < X1.numCols; j++) {
            inputs += X1.get(i, j) * model.Wx.get(j, 0);
        }
        double z = inputs + Y.Y0().get(i, 0) * model.Wy.get(0, 0);
        if (Math.abs(answer - Math.tanh(z)) <= BY_HAND) {
            return Verdict.right("Y(1) = tanh(X(1)·Wx + Y(0)·Wy + b) for the fourth instance, as in Y1_val's row 3.");
        }
        if (Double.isNaN(answer) || Math.abs(answer) > 1) {
            return Verdict.notRightYet("tanh's outputs lie between −1 and 1, and yours is " + answer
                    + ": is the sum passed through tanh?");
        }
        if (Math.abs(answer - Math.tanh(inputs)) <= BY_HAND) {
            return Verdict.notRightYet("that is tanh(X(1)·Wx + b). Y(1) also takes the neuron's previous output:"
                    + " where does Y(0) come in?");
        }
        if (Math.abs(answer - Y.Y0().get(i, 0)) <= BY_HAND) {
            return Verdict.notRightYet("that is the fourth instance's output at t = 0. The exercise asks for t = 1.");
        }
        for (int other = 0; other < X1.numRows; other++) {
            if (other != i && Math.abs(answer - Y.Y1().get(other, 0)) <= BY_HAND) {
                return Verdict.notRightYet("that is Y(1) of instance " + (other + 1) + " (row " + other + "). Rows"
                        + " count from 0: which row is the fourth instance?");
            }
        }
        return Verdict.notRightYet("write out Y(1) = tanh(X(1)·Wx + Y(0)·Wy + b) for one row of X1_batch and of"
                + " Y0_val, term by term, with Wx, Wy and b of the model.");
    }

    private static Verdict y2(FMatrixRMaj answer, RecurrentCell cell, FMatrixRMaj X2, TwoSteps Y) {
        Verdict shape = Checks.wrongShape(answer, X2.numRows, cell.n_neurons(), "Y(2), m × n_neurons,");
        if (shape != null) {
            return shape;
        }
        if (Checks.close(answer, cell.step(X2, Y.Y1()), SAME)) {
            return Verdict.right("Y(2) = tanh(X(2)·Wx + Y(1)·Wy + b): the same Wx, Wy and b at every step. That is"
                    + " what lets one cell read a sequence of any length.");
        }
        if (Checks.close(answer, Y.Y0(), SAME)) {
            return Verdict.notRightYet("that is Y(0) again: with X(2) = X(0), Y(2) would equal Y(0) only if the"
                    + " neuron forgot its past. What does it remember from t = 1?");
        }
        if (Checks.close(answer, cell.step(X2, Y.Y0()), SAME)) {
            return Verdict.notRightYet("your Y(2) takes Y(0) as the previous output. Which output comes just before"
                    + " t = 2?");
        }
        if (Checks.close(answer, Y.Y1(), SAME)) {
            return Verdict.notRightYet("that is Y(1), the output at t = 1. Run the equation one step further.");
        }
        return Verdict.notRightYet("Y(2) follows the same equation as Y(1), one step later: tanh of X(2)·Wx, plus"
                + " the previous output times Wy, plus b.");
    }
}
