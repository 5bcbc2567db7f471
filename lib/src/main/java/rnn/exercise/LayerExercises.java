package rnn.exercise;

import org.ejml.data.FMatrixRMaj;

import rnn.BasicRNN;
import rnn.Ops;
import rnn.TwoSteps;

/**
 * The exercises of notebook 2, a layer of recurrent neurons, judged against the notebook's own layer and inputs:
 * <ul>
 *   <li>2.1 how many of the 40 outputs Y(0), Y(1) are saturated, |y| > 0.99: a count;</li>
 *   <li>2.2 a scale s for the inputs that cures the saturation (at most 4 of 40 outputs saturated) without
 *       silencing the layer (mean |y| at least 0.2): a number.</li>
 * </ul>
 */
public final class LayerExercises {
    /** 2.2: a cure leaves at most a tenth of the 40 outputs saturated... */
    static final int MOST_SATURATED = 4;
    /** ...and the outputs still far enough from 0 to carry the inputs: mean |y| at least this. */
    static final double LEAST_MEAN_ABS = 0.2;

    private LayerExercises() {
    }

    public static Exercises of(BasicRNN model, FMatrixRMaj X0_batch, FMatrixRMaj X1_batch) {
        TwoSteps Y = model.run(X0_batch, X1_batch);
        return new Exercises(
                new Exercise<>("2.1", Number.class, "a count (an int)", answer -> saturatedCount(answer, Y)),
                new Exercise<>("2.2", Number.class, "a number, the scale s (a float or a double)",
                        answer -> inputScale(answer.doubleValue(), model, X0_batch, X1_batch, Y)));
    }

    private static Verdict saturatedCount(Number answer, TwoSteps Y) {
        return Checks.saturatedCount(answer,
                new int[] {Checks.saturated(Y.Y0().data), Checks.saturated(Y.Y1().data)},
                Y.Y0().data.length + Y.Y1().data.length, "Y0_val and Y1_val (the .data array of an FMatrixRMaj"
                        + " holds its elements)",
                "A saturated tanh has slope 1 − y² below 0.02: those neurons barely respond to a change of their"
                        + " inputs, and would barely learn.");
    }

    private static Verdict inputScale(double s, BasicRNN model, FMatrixRMaj X0, FMatrixRMaj X1, TwoSteps raw) {
        if (!(s > 0) || Double.isInfinite(s)) {
            return Verdict.notRightYet("a scale here is a positive number, and yours is " + s + ".");
        }
        TwoSteps Y = model.run(Ops.scale((float) s, X0), Ops.scale((float) s, X1));
        int before = Checks.saturated(raw.Y0().data, raw.Y1().data);
        int after = Checks.saturated(Y.Y0().data, Y.Y1().data);
        double mean = (Checks.meanAbs(Y.Y0().data) + Checks.meanAbs(Y.Y1().data)) / 2;
        String measured = String.format(java.util.Locale.ROOT, "With s = %s, %d of 40 outputs are saturated"
                + " (%d before) and the mean |y| is %.2f.", s, after, before, mean);
        if (after > MOST_SATURATED) {
            return Verdict.notRightYet(measured + " Aim for at most " + MOST_SATURATED + ": how large can X·Wx get"
                    + " with inputs up to 9 and weights of about ±1?");
        }
        if (mean < LEAST_MEAN_ABS) {
            return Verdict.notRightYet(measured + " Nothing saturates, but the outputs are all close to 0, so the"
                    + " layer barely tells its inputs apart: keep the mean |y| at " + LEAST_MEAN_ABS + " or more.");
        }
        return Verdict.right(measured + " Scaling the inputs to about [0, 1] is one cure; the MNIST notebook's pixels"
                + " come in [0, 1] for the same reason. Narrower weights (Glorot) are the other half: notebook 3.");
    }
}
