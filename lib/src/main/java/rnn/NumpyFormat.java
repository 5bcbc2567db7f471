package rnn;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

import org.ejml.data.FMatrixRMaj;

/**
 * Lays out float32 arrays exactly as the seed's {@code print(...)} shows them. The seed was run on
 * numpy 1.13 (the layout numpy >= 1.14 keeps as {@code np.set_printoptions(legacy='1.13')}), which
 * formats each float32 as the double it converts to, with {@code '%.8f'}: that is why the seed shows
 * {@code -0.99492419} where the shortest float32 form would be {@code -0.9949242}.
 *
 * <p>numpy 1.13's rules, defaults precision 8, linewidth 75, threshold 1000, edgeitems 3:
 * <ul>
 * <li>positional: every element {@code '%#W.Pf'}, P = the most fractional digits any nonzero element
 *     needs (at most 8), W = digits of int(max |x|) + P + 2 (the 2: the point and a sign column, always);
 *     trailing zeros become spaces, so 1.0 prints "1." and 0.7142067 prints "0.7142067 ";</li>
 * <li>scientific {@code '%16.8e'} when a nonzero |x| &lt; 1e-4, max |x| &gt;= 1e8, or max/min of the
 *     nonzero |x| &gt; 1e3;</li>
 * <li>a row wraps before an element that would reach column 75, continuing under the first element;</li>
 * <li>more than 1000 elements print the first and last 3 items of each long axis around "...,".</li>
 * </ul>
 */
public final class NumpyFormat {
    private static final int PRECISION = 8;
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final String SUMMARY = "..., ";

    private NumpyFormat() {
    }

    /** A matrix as numpy prints a 2-D array: one row per line. */
    public static String format(FMatrixRMaj m) {
        return format(m.data, new int[] {m.numRows, m.numCols});
    }

    /** A [d0, d1, d2] tensor as numpy prints a 3-D array: 2-D blocks separated by a blank line. */
    public static String format(Tensor3 t) {
        return format(t.data(), t.shape());
    }

    /** A vector as numpy prints a 1-D array. */
    public static String format(float[] v) {
        return format(v, new int[] {v.length});
    }

    /** Prints a matrix as the seed's {@code print(Y0_val)} does. */
    public static void print(FMatrixRMaj m) {
        System.out.println(format(m));
    }

    /** Prints a 3-D tensor as the seed's {@code print(outputs_val)} does. */
    public static void print(Tensor3 t) {
        System.out.println(format(t));
    }

    private static String format(float[] data, int[] shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size == 0) {
            return "[]";
        }
        Layout layout = new Layout(data, shape, size > THRESHOLD);
        String s = layout.array(0, 0, " "); // the prefix " " skips the opening "["
        return s.substring(0, s.length() - 1); // without the final newline
    }

    /** numpy 1.13's _formatArray: brackets, separators, line wrapping and summarisation. */
    private static final class Layout {
        private final float[] data;
        private final int[] shape;
        private final int[] strides;
        private final boolean summarise;
        private final ElementFormat format;

        Layout(float[] data, int[] shape, boolean summarise) {
            this.data = data;
            this.shape = shape;
            this.summarise = summarise;
            this.strides = new int[shape.length];
            strides[shape.length - 1] = 1;
            for (int axis = shape.length - 2; axis >= 0; axis--) {
                strides[axis] = strides[axis + 1] * shape[axis + 1];
            }
            this.format = new ElementFormat(shownValues());
        }

        private boolean summarised(int axis) {
            return summarise && shape[axis] > 2 * EDGE_ITEMS;
        }

        /** The indices printed along an axis: all, or the first and last EDGE_ITEMS. */
        private int[] shownIndices(int axis) {
            int n = shape[axis];
            int[] shown = new int[summarised(axis) ? 2 * EDGE_ITEMS : n];
            int half = shown.length / 2;
            for (int k = 0; k < shown.length; k++) {
                shown[k] = summarised(axis) && k >= half ? n - shown.length + k : k;
            }
            return shown;
        }

        /** The printed values (all, or the summarised corners): they alone fix the format. */
        private float[] shownValues() {
            int count = 1;
            for (int axis = 0; axis < shape.length; axis++) {
                count *= shownIndices(axis).length;
            }
            float[] shown = new float[count];
            collect(0, 0, shown, new int[] {0});
            return shown;
        }

        private void collect(int axis, int offset, float[] into, int[] next) {
            for (int k : shownIndices(axis)) {
                int at = offset + k * strides[axis];
                if (axis == shape.length - 1) {
                    into[next[0]++] = data[at];
                } else {
                    collect(axis + 1, at, into, next);
                }
            }
        }

        /** The sub-array at offset along axes [axis, rank), each line after the first starting with prefix; ends in "\n". */
        String array(int axis, int offset, String prefix) {
            int[] shown = shownIndices(axis);
            int last = shown.length - 1;
            boolean summary = summarised(axis);
            if (axis == shape.length - 1) {
                StringBuilder s = new StringBuilder();
                StringBuilder line = new StringBuilder(prefix);
                for (int k = 0; k <= last; k++) {
                    if (summary && k == EDGE_ITEMS) {
                        extendLine(s, line, SUMMARY, prefix);
                    }
                    String word = format.format(data[offset + shown[k] * strides[axis]]);
                    extendLine(s, line, k < last ? word + " " : word, prefix);
                }
                s.append(line).append("]\n");
                return "[" + s.substring(prefix.length());
            }
            // one newline between rows, two between 2-D blocks, ...
            String rowEnd = "\n".repeat(shape.length - 1 - axis);
            StringBuilder s = new StringBuilder("[");
            for (int k = 0; k <= last; k++) {
                if (summary && k == EDGE_ITEMS) {
                    s.append(prefix).append(SUMMARY).append('\n');
                }
                if (k > 0) {
                    s.append(prefix);
                }
                s.append(array(axis + 1, offset + shown[k] * strides[axis], " " + prefix));
                rstrip(s);
                s.append(k < last ? rowEnd : "]\n");
            }
            return s.toString();
        }

        /** numpy 1.13's _extendLine: start a new line when the word would reach LINE_WIDTH. */
        private static void extendLine(StringBuilder s, StringBuilder line, String word, String prefix) {
            if (strippedLength(line) + strippedLength(word) >= LINE_WIDTH) {
                rstrip(line);
                s.append(line).append('\n');
                line.setLength(0);
                line.append(prefix);
            }
            line.append(word);
        }

        private static int strippedLength(CharSequence text) {
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        private static void rstrip(StringBuilder text) {
            text.setLength(strippedLength(text));
        }
    }

    /** numpy 1.13's FloatFormat: one notation, one precision and one width for all elements of an array. */
    private static final class ElementFormat {
        private final boolean scientific;
        private final int precision;
        private final int width;

        ElementFormat(float[] values) {
            float maxAbs = 0f;
            float minAbs = 0f;
            boolean anyNonZero = false;
            boolean anySpecial = false;
            int digitsNeeded = 0;
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    anySpecial = true;
                } else if (v != 0f) {
                    float a = Math.abs(v);
                    maxAbs = anyNonZero ? Math.max(maxAbs, a) : a;
                    minAbs = anyNonZero ? Math.min(minAbs, a) : a;
                    anyNonZero = true;
                    digitsNeeded = Math.max(digitsNeeded, fractionalDigits(a));
                }
            }
            scientific = anyNonZero && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000f);
            if (scientific) {
                precision = PRECISION;
                width = 8 + PRECISION; // '%16.8e': sign, d, ".", 8 digits, "e+dd", one more space
            } else {
                precision = digitsNeeded;
                int w = Long.toString((long) maxAbs).length() + precision + 2;
                // "nan", and "-inf" with its sign
                width = anySpecial ? Math.max(w, 4) : w;
            }
        }

        /** The fractional digits '%.8f' shows of |x| once its trailing zeros are dropped. */
        private static int fractionalDigits(float a) {
            String fixed = new BigDecimal((double) a).setScale(PRECISION, RoundingMode.HALF_EVEN).toPlainString();
            int end = fixed.length();
            while (fixed.charAt(end - 1) == '0') {
                end--;
            }
            return end - 1 - fixed.indexOf('.');
        }

        String format(float v) {
            if (Float.isNaN(v)) {
                return padLeft("nan");
            }
            if (Float.isInfinite(v)) {
                return padLeft(v < 0 ? "-inf" : "inf");
            }
            String sign = Float.floatToRawIntBits(v) < 0 ? "-" : "";
            BigDecimal exact = new BigDecimal((double) Math.abs(v)); // float32 -> double is exact
            if (scientific) {
                return padLeft(sign + scientificDigits(exact));
            }
            // '%#W.Pf', then trailing zeros turned into spaces
            String fixed = padLeft(sign + exact.setScale(precision, RoundingMode.HALF_EVEN).toPlainString()
                    + (precision == 0 ? "." : ""));
            int end = fixed.length();
            while (fixed.charAt(end - 1) == '0') {
                end--;
            }
            return fixed.substring(0, end) + " ".repeat(fixed.length() - end);
        }

        /** '%.8e' of a non-negative value: d.dddddddde±XX, correctly rounded. */
        private static String scientificDigits(BigDecimal exact) {
            if (exact.signum() == 0) {
                return "0." + "0".repeat(PRECISION) + "e+00";
            }
            BigDecimal rounded = exact.round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
            String digits = rounded.unscaledValue().toString();
            digits = digits + "0".repeat(PRECISION + 1 - digits.length());
            // rounded = unscaled × 10^-scale with precision() digits in unscaled: d.ddd × 10^exponent
            int exponent = rounded.precision() - rounded.scale() - 1;
            String e = Integer.toString(Math.abs(exponent));
            return digits.charAt(0) + "." + digits.substring(1) + "e" + (exponent < 0 ? "-" : "+")
                    + (e.length() < 2 ? "0" + e : e);
        }

        private String padLeft(String text) {
            return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
        }
    }

    /**
     * {@code str()} of a numpy float32 as the seed's numpy printed it: 6 significant digits
     * ({@code %.6g}, rounding the exact binary value) with a {@code .0} added to whole numbers:
     * 0.94666666f → "0.946667", 0.96f → "0.96", 1f → "1.0", 0.9265f → "0.9265".
     */
    public static String scalar(float value) {
        if (Float.isNaN(value)) return "nan";
        if (Float.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return (1 / value < 0) ? "-0.0" : "0.0";
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1; // the x in d.ddddd × 10^x
        if (exponent < -4 || exponent >= 6) {
            // %g's scientific form: mantissa without trailing zeros, exponent with a sign and >= 2 digits
            String mantissa = rounded.movePointLeft(exponent).toPlainString();
            return mantissa + (exponent < 0 ? "e-" : "e+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = rounded.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /**
     * {@code str()} of a numpy float32 as numpy 1.14 and later print it (the chapter's {@code MSE: 0.047849063}): the
     * fewest significant digits that read back as the same float32 (of those, the closest to it), positional with at
     * least one digit after the point for 1e-4 &lt;= |x| &lt; 1e16 (numpy 2 turns to scientific from 1e6 on), else
     * scientific with a two-digit exponent: 13.907029f → "13.907029", 2f → "2.0", 1.5e-5f → "1.5e-05".
     */
    public static String shortest(float value) {
        if (Float.isNaN(value)) return "nan";
        if (Float.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return (1 / value < 0) ? "-0.0" : "0.0";
        BigDecimal exact = new BigDecimal(value);
        BigDecimal digits = exact;
        for (int precision = 1; precision <= 9; precision++) { // 9 significant digits always identify a float32
            digits = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(digits.toString()) == value) break;
        }
        digits = digits.stripTrailingZeros();
        double magnitude = Math.abs((double) value); // compared in double, as numpy does: 1e-4f is just below 1e-4
        if (magnitude >= 1e-4 && magnitude < 1e16) {
            String plain = digits.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        int exponent = digits.precision() - digits.scale() - 1; // the x in d.ddd × 10^x
        String mantissa = digits.movePointLeft(exponent).toPlainString();
        return mantissa + (exponent < 0 ? "e-" : "e+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }
}
