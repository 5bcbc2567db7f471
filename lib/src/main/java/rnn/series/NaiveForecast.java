package rnn.series;

import rnn.MeanSquaredError;
import rnn.Tensor3;

/**
 * The baseline an RNN has to beat: the next value equals the last one, ŷ(t) = X(t). Its mean squared error on a
 * batch is what a model that learnt nothing about the series' shape would score.
 */
public final class NaiveForecast {
    private NaiveForecast() {
    }

    /** ŷ = X: at every step, the forecast of the next value is the value just seen (a copy of X). */
    public static Tensor3 predict(Tensor3 X) {
        return Tensor3.wrap(X.data().clone(), X.dim(0), X.dim(1), X.dim(2));
    }

    /** The mean squared error of the naive forecast against the batch's targets. */
    public static float mse(SeriesBatch batch) {
        return MeanSquaredError.loss(predict(batch.X()), batch.y());
    }
}
