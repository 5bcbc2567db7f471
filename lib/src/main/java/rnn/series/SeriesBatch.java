package rnn.series;

import rnn.Tensor3;

/**
 * Windows of the time series: the inputs X, [batch, n_steps, 1], and the targets y, the same windows shifted one
 * step (one {@code resolution}) into the future, so that y(t) = X(t + 1) inside a window.
 */
public record SeriesBatch(Tensor3 X, Tensor3 y) {

    public SeriesBatch {
        if (X == null || y == null) throw new IllegalArgumentException("a batch needs X and y, got " + X + " and " + y);
        if (X.dim(0) != y.dim(0) || X.dim(1) != y.dim(1)) {
            throw new IllegalArgumentException("X " + X.shapeString() + " and y " + y.shapeString()
                    + " must have the same batch and n_steps");
        }
    }

    public int batch_size() {
        return X.dim(0);
    }

    public int n_steps() {
        return X.dim(1);
    }
}
