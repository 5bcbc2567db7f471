package rnn;

/**
 * Finding NaN and infinite values before they spread: a NaN pixel would otherwise be classified as 0 and a NaN
 * gradient would be written into the weights for good. Each check is one pass over the array that the JIT can
 * vectorise (the largest exponent field, an int max); only when that shows a non-finite value is the array
 * walked again to name the first one.
 */
public final class Finite {
    /** The exponent bits of a float32: all ones for ±∞ and NaN, and only for them. */
    private static final int EXPONENT = 0x7f800000;

    private Finite() {
    }

    /** The index of the first NaN or infinite value among {@code data[from, to)}, or −1 where all are finite. */
    public static int firstNonFinite(float[] data, int from, int to) {
        int largestExponent = 0;
        for (int i = from; i < to; i++) {
            largestExponent = Math.max(largestExponent, Float.floatToRawIntBits(data[i]) & EXPONENT);
        }
        if (largestExponent != EXPONENT) return -1;
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(data[i])) return i;
        }
        throw new AssertionError("unreachable: an exponent of all ones is ±∞ or NaN");
    }

    /** "NaN", "+∞" or "−∞", as a message names a value that is not finite. */
    public static String name(float x) {
        if (Float.isNaN(x)) return "NaN";
        if (x == Float.POSITIVE_INFINITY) return "+∞";
        if (x == Float.NEGATIVE_INFINITY) return "−∞";
        return Float.toString(x);
    }

    /**
     * Refuses an input tensor X of shape [batch, n_steps, n_inputs] holding a NaN or an infinite value, naming it:
     * {@code "ImageRNN expects finite inputs but X[3, 12, 7] is NaN (instance 3, step 12, input 7)"}.
     */
    public static void checkInput(Tensor3 X, String who) {
        float[] data = X.data();
        int at = firstNonFinite(data, 0, data.length);
        if (at < 0) return;
        int[] i = position(at, X.dim(1), X.dim(2));
        throw new IllegalArgumentException(who + " expects finite inputs but X[" + i[0] + ", " + i[1] + ", " + i[2]
                + "] is " + name(data[at]) + " (instance " + i[0] + ", step " + i[1] + ", input " + i[2] + ")");
    }

    /**
     * Refuses images of n_steps rows of n_inputs pixels, one after the other, holding a NaN or an infinite value:
     * {@code "expected finite pixels but image 12 is NaN at row 3, column 7"}.
     */
    public static void checkImages(float[] images, int n_steps, int n_inputs) {
        int at = firstNonFinite(images, 0, images.length);
        if (at < 0) return;
        int[] i = position(at, n_steps, n_inputs);
        throw new IllegalArgumentException("expected finite pixels but image " + i[0] + " is " + name(images[at])
                + " at row " + i[1] + ", column " + i[2]);
    }

    /** (i, t, j) of the row-major index {@code at} of a [*, d1, d2] array. */
    private static int[] position(int at, int d1, int d2) {
        return new int[] {at / (d1 * d2), at / d2 % d1, at % d2};
    }
}
