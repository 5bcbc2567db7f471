package rnn;

import org.ejml.data.FMatrixRMaj;
import rnn.linalg.Gemm;

/**
 * TF's {@code fully_connected(X, n_out, activation_fn=None)}: {@code logits = X·W + b}, with W (n_in × n_out)
 * drawn Glorot-uniform (TF's Xavier default) and b (1 × n_out) zero.
 *
 * <p>The {@code float[]} methods are the training loop's: they work on m row-major rows and allocate nothing.
 */
public final class Dense {
    private final FMatrixRMaj W;
    private final FMatrixRMaj b;

    public Dense(int n_in, int n_out, Init init) {
        if (n_in <= 0 || n_out <= 0) {
            throw new IllegalArgumentException("Dense needs n_in > 0 and n_out > 0, got n_in = " + n_in + ", n_out = " + n_out);
        }
        this.W = init.glorotUniform(n_in, n_out);
        this.b = Init.zeros(1, n_out);
    }

    /** The weights, n_in × n_out; live: changing them changes the layer. */
    public FMatrixRMaj W() {
        return W;
    }

    /** The bias, 1 × n_out; live. */
    public FMatrixRMaj b() {
        return b;
    }

    public int n_in() {
        return W.numRows;
    }

    public int n_out() {
        return W.numCols;
    }

    /** {@code X·W + b} for X of shape m × n_in. */
    public FMatrixRMaj forward(FMatrixRMaj X) {
        if (X.numCols != n_in()) {
            throw new IllegalArgumentException("X has " + X.numCols + " columns but the dense layer has n_in = " + n_in());
        }
        FMatrixRMaj logits = new FMatrixRMaj(X.numRows, n_out());
        forward(X.data, 0, X.numRows, logits.data);
        return logits;
    }

    /** {@code out = X·W + b}: X is m rows of n_in starting at {@code offX}, out receives m rows of n_out. */
    public void forward(float[] X, int offX, int m, float[] out) {
        int n_out = n_out();
        for (int i = 0; i < m; i++) System.arraycopy(b.data, 0, out, i * n_out, n_out);
        Gemm.gemm(false, false, m, n_out, n_in(), X, offX, n_in(), W.data, 0, n_out, 1f, out, 0, n_out);
    }

    /**
     * The gradients of {@code out = X·W + b} given dL/dout (m × n_out):
     * {@code dW = Xᵀ·dOut}, {@code db = Σ rows dOut}, {@code dX = dOut·Wᵀ}. dW and db are overwritten.
     */
    public void backward(float[] X, int m, float[] dOut, float[] dW, float[] db, float[] dX) {
        int n_in = n_in();
        int n_out = n_out();
        Gemm.gemm(true, false, n_in, n_out, m, X, 0, n_in, dOut, 0, n_out, 0f, dW, 0, n_out);
        java.util.Arrays.fill(db, 0, n_out, 0f);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n_out; j++) db[j] += dOut[i * n_out + j];
        }
        Gemm.gemm(false, true, m, n_in, n_out, dOut, 0, n_out, W.data, 0, n_out, 0f, dX, 0, n_in);
    }
}
