package rnn.exercise;

import java.util.Locale;

import rnn.Tensor3;
import rnn.model.TimeSeriesRNN;
import rnn.series.NaiveForecast;
import rnn.series.SeriesBatch;

/**
 * The exercises of notebook 8, the time series, judged against the notebook's own trained model and test instance:
 * <ul>
 *   <li>8.1 the naive forecast's MSE on the test instance, computed by hand: a number;</li>
 *   <li>8.2 the model's prediction at the last step of the test instance, computed from its parts (the cell's
 *       kernel and bias, ReLU, the dense layer): a number.</li>
 * </ul>
 */
public final class TimeSeriesExercises {
    /** 8.1: float32 rounding of a mean of 20 squares. */
    private static final double SAME_MSE = 1e-5;
    /** 8.2: a forward pass on the page against the fast path's, in float. */
    private static final double SAME_PREDICTION = 1e-4;

    private TimeSeriesExercises() {
    }

    public static Exercises of(TimeSeriesRNN model, SeriesBatch test) {
        return new Exercises(
                new Exercise<>("8.1", Number.class, "a number, the mean squared error",
                        answer -> naiveMse(answer.doubleValue(), model, test)),
                new Exercise<>("8.2", Number.class, "a number, the predicted next value",
                        answer -> lastPrediction(answer.doubleValue(), model, test)));
    }

    private static Verdict naiveMse(double answer, TimeSeriesRNN model, SeriesBatch test) {
        double right = NaiveForecast.mse(test);
        int n = test.X().data().length;
        if (Math.abs(answer - right) <= SAME_MSE * right) {
            return Verdict.right(String.format(Locale.ROOT, "%.6f: repeating the last value misses by the series'"
                    + " change over one step, 0.1 in time. The trained RNN's MSE on the same window is %.6f.", right,
                    model.loss(test.X(), test.y())));
        }
        if (Math.abs(answer - right * n) <= SAME_MSE * right * n) {
            return Verdict.notRightYet("that is the sum of the squared errors; the mean divides it by their number, "
                    + n + ".");
        }
        if (Math.abs(answer - Math.sqrt(right)) <= SAME_MSE) {
            return Verdict.notRightYet("that is the root of the mean squared error (RMSE); leave out the square root.");
        }
        if (Math.abs(answer - model.loss(test.X(), test.y())) <= SAME_MSE) {
            return Verdict.notRightYet("that is the RNN's MSE. The naive forecast predicts y(t) = x(t), no model at"
                    + " all.");
        }
        return Verdict.notRightYet("the naive forecast of y(t) is x(t): average (y(t) − x(t))² over the " + n
                + " steps of test.X() and test.y() (get(0, t, 0)).");
    }

    private static Verdict lastPrediction(double answer, TimeSeriesRNN model, SeriesBatch test) {
        int last = model.n_steps() - 1;
        Tensor3 predicted = model.predict(test.X());
        double right = predicted.get(0, last, 0);
        if (Math.abs(answer - right) <= SAME_PREDICTION) {
            return Verdict.right(String.format(Locale.ROOT, "%.6f, the model's y_pred[0, -1, 0], against the true"
                    + " next value %.6f. It is the only prediction the generating loop uses: the one after the last"
                    + " value it read.", right, test.y().get(0, last, 0)));
        }
        if (Math.abs(answer - test.y().get(0, last, 0)) <= SAME_PREDICTION) {
            return Verdict.notRightYet("that is the true next value, the target. Compute what the model predicts.");
        }
        if (Math.abs(answer - test.X().get(0, last, 0)) <= SAME_PREDICTION) {
            return Verdict.notRightYet("that is the last input, the naive forecast. Run it through the model.");
        }
        for (int t = 0; t < last; t++) {
            if (Math.abs(answer - predicted.get(0, t, 0)) <= SAME_PREDICTION) {
                return Verdict.notRightYet("that is the prediction at step " + t + ". Run the cell over all "
                        + model.n_steps() + " inputs, then the dense layer on the last state.");
            }
        }
        return Verdict.notRightYet("start from Y = 0 (1 × 100); for each of the " + model.n_steps() + " inputs,"
                + " Y = ReLU([x(t) Y]·W + b) with model.cell().W() and b(); then y = Y·W_dense + b_dense with"
                + " model.dense(). ReLU keeps the positive part of each element, Math.max(0, z).");
    }
}
