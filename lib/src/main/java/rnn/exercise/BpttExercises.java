package rnn.exercise;

import java.util.Locale;

import rnn.BasicRNN;

/**
 * The exercises of notebook 6, backpropagation through time, judged against the notebook's own two-step layer, its
 * inputs and its measured gradient norms:
 * <ul>
 *   <li>6.1 db of the two-step layer for the loss of the last step alone, L = ½‖Y(1)‖²: a 1 × n_neurons
 *       double[][];</li>
 *   <li>6.2 the factor by which ‖dY(t)‖ shrinks per step, on average, from t = 27 back to t = 0 with ρ(Wy) = 0.5,
 *       measured from the notebook's norms: a number.</li>
 * </ul>
 */
public final class BpttExercises {
    /** 6.1: relative error under which a gradient is right (the page computes in double). */
    private static final double SAME = 1e-6;
    /** 6.2: a measured factor is right within this relative error; the prediction ρ is off by a few per cent. */
    private static final double MEASURED = 0.005;

    private BpttExercises() {
    }

    /**
     * @param layer    notebook 2's layer, whose Wx, Wy and b the two-step loss uses
     * @param X0       the inputs at t = 0, batch × n_inputs
     * @param X1       the inputs at t = 1
     * @param dY_norms ‖dY(t)‖ for t = 0 … n_steps − 1 of the run with spectral radius {@code rho}
     * @param rho      the spectral radius of that run's Wy
     */
    public static Exercises of(BasicRNN layer, double[][] X0, double[][] X1, double[] dY_norms, double rho) {
        TwoStepGradients g = new TwoStepGradients(layer, X0, X1);
        double[] norms = dY_norms.clone();
        return new Exercises(
                new Exercise<>("6.1", double[][].class, "a double[][] of one row, 1 × n_neurons",
                        answer -> lastStepBias(answer, g)),
                new Exercise<>("6.2", Number.class, "a number, the factor per step",
                        answer -> factorPerStep(answer.doubleValue(), norms, rho)));
    }

    private static Verdict lastStepBias(double[][] answer, TwoStepGradients g) {
        int n = g.dbLastStep()[0].length;
        if (answer.length != 1 || answer[0] == null || answer[0].length != n) {
            return Verdict.notRightYet("db has the shape of b, 1 × " + n + ", but yours is " + answer.length + " × "
                    + (answer.length == 0 || answer[0] == null ? 0 : answer[0].length) + ".");
        }
        if (TwoStepGradients.relativeError(answer, g.dbLastStep()) <= SAME) {
            return Verdict.right(String.format(Locale.ROOT, "‖db‖ = %.6f, against %.6f for the page's loss of both"
                    + " steps. Y(0) is no longer in the loss, yet it still gets gradient, through Y(1) and Wy: that"
                    + " path is all that reaches step 0, and it is the one that vanishes over many steps.",
                    TwoStepGradients.norm(answer), TwoStepGradients.norm(g.dbBothSteps())));
        }
        if (TwoStepGradients.relativeError(answer, g.dbBothSteps()) <= SAME) {
            return Verdict.notRightYet("that is db of the page's loss, ½‖Y(0)‖² + ½‖Y(1)‖². With ½‖Y(1)‖² alone, what"
                    + " is dY(0)?");
        }
        if (TwoStepGradients.relativeError(answer, g.dbStepOneOnly()) <= SAME) {
            return Verdict.notRightYet("that is step 1's share, the sum of the rows of dZ(1). b is used at step 0 too,"
                    + " and Y(0) still feeds Y(1) through Wy: dY(0) = dZ(1)·Wyᵀ.");
        }
        return Verdict.notRightYet("go back from the last step: dY(1) = Y(1), dZ(1) = dY(1) ⊙ (1 − Y(1)²), dY(0) ="
                + " dZ(1)·Wyᵀ (nothing from the loss itself now), dZ(0) = dY(0) ⊙ (1 − Y(0)²), and db sums the rows"
                + " of dZ(0) and of dZ(1). Use the layer's Wy, toDouble(layer.Wy): the page's Wy now holds another"
                + " model's.");
    }

    private static Verdict factorPerStep(double answer, double[] norms, double rho) {
        int T = norms.length - 1;
        double measured = Math.pow(norms[0] / norms[T], 1.0 / T);
        if (Math.abs(answer - measured) <= MEASURED * measured) {
            return Verdict.right(String.format(Locale.ROOT, "%.3f per step, measured; ρ(Wy) = %s predicts %s. Each"
                    + " step back also multiplies by 1 − Y(t)², at most 1, so the gradient fades a little faster than"
                    + " ρ alone says. Over %d steps: a factor of %.1e.", measured, rho, rho, T, norms[0] / norms[T]));
        }
        if (Math.abs(answer - rho) <= 1e-9) {
            return Verdict.notRightYet("that is the prediction from the spectral radius. Now measure it: from the"
                    + " norms of the run, the factor f with ‖dY(0)‖ = f^" + T + " · ‖dY(" + T + ")‖.");
        }
        if (Math.abs(answer * measured - 1) <= MEASURED) {
            return Verdict.notRightYet("that is the inverse: the gradient shrinks going back, so the factor is below 1.");
        }
        if (Math.abs(answer - norms[0] / norms[T]) <= MEASURED * norms[0] / norms[T]) {
            return Verdict.notRightYet("that is the factor over all " + T + " steps; take its " + T + "-th root"
                    + " (Math.pow(x, 1.0 / " + T + ")) for one step.");
        }
        return Verdict.notRightYet("from t = " + T + " back to t = 0 the gradient goes through " + T + " steps:"
                + " ‖dY(0)‖ = f^" + T + " · ‖dY(" + T + ")‖. Solve for f with the run's dY_norms().");
    }
}
