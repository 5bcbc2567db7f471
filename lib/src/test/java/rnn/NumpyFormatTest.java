package rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The printed tensors of the seed, copied literally, and numpy 1.13's rules (the numpy that printed
 * the seed) for digits, scientific notation, wrapping and summarisation, on strings derived by hand
 * from its arrayprint; the float32 digits were checked with Python's own {@code '%.8f'}.
 */
class NumpyFormatTest {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d*(e[-+]\\d+)?");

    /** The numbers of a printed array, in order (the floats the seed's float32 tensor held). */
    private static float[] numbersOf(String printed) {
        List<Float> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(printed);
        while (m.find()) {
            found.add(Float.parseFloat(m.group()));
        }
        float[] values = new float[found.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = found.get(k);
        }
        return values;
    }

    /** np.arange(n, dtype=np.float32) */
    private static float[] arange(int n) {
        float[] values = new float[n];
        for (int k = 0; k < n; k++) {
            values[k] = k;
        }
        return values;
    }

    private static FMatrixRMaj matrix(int rows, int cols, float... values) {
        return new FMatrixRMaj(rows, cols, true, values);
    }

    @Test
    void theSeedsSingleNeuronY0() {
        FMatrixRMaj Y0_val = matrix(4, 1, -0.55767643f, 0.7142067f, 0.98433769f, 0.99762088f);
        assertEquals("[[-0.55767643]\n [ 0.7142067 ]\n [ 0.98433769]\n [ 0.99762088]]", NumpyFormat.format(Y0_val));
        FMatrixRMaj Wx = matrix(4, 1, 0.45043385f, 0.74536854f, -0.68741149f, 0.21806668f);
        assertEquals("[[ 0.45043385]\n [ 0.74536854]\n [-0.68741149]\n [ 0.21806668]]", NumpyFormat.format(Wx));
    }

    @Test
    void theSeedsBasicRnnY0AndY1() {
        String Y0_val = """
                [[-0.82335067  0.9679544  -0.87781847  0.15444483  0.47437516]
                 [-0.99492419  0.99998653 -0.99989074 -0.62147528  0.99839431]
                 [-0.99986637  1.         -0.99999982 -0.92323399  0.9999963 ]
                 [-0.89664513 -0.75321907  0.9998976  -0.99999988  0.99999988]]""";
        assertEquals(Y0_val, NumpyFormat.format(matrix(4, 5, numbersOf(Y0_val))));
        String Y1_val = """
                [[-0.95814323  1.         -0.99999988 -0.60029292  0.9999997 ]
                 [ 0.86120242  0.41333306 -0.38317758  0.97402877 -0.15842104]
                 [-0.91327202  0.99999303 -0.99999648  0.35196573  0.99996436]
                 [-0.99632466  0.89853793 -0.99984962 -0.99980336  0.9999882 ]]""";
        assertEquals(Y1_val, NumpyFormat.format(matrix(4, 5, numbersOf(Y1_val))));
        // row 3 of Y0 as the brief quotes it: 1.0 prints "1." padded to the column
        FMatrixRMaj row = matrix(1, 5, -0.99986637f, 1f, -0.99999982f, -0.92323399f, 0.9999963f);
        assertEquals("[[-0.99986637  1.         -0.99999982 -0.92323399  0.9999963 ]]", NumpyFormat.format(row));
    }

    @Test
    void theSeedsStaticOutputs() {
        String output_vals = """
                [[[-0.35060367  0.85217297  0.6135031   0.46224031 -0.80418861]
                  [-0.93800652  0.99982429  0.99781042 -0.99988985  0.99659526]]

                 [[-0.6539489   0.99790823  0.96494722 -0.80104691 -0.61586177]
                  [-0.90182787 -0.03686395  0.22155505 -0.3443155   0.51058269]]

                 [[-0.83310556  0.99997252  0.99734652 -0.99106479 -0.31516016]
                  [-0.96041662  0.99637145  0.9749549  -0.99955434  0.98075169]]

                 [[-0.96983677 -0.8127926   0.91314077 -0.99944443  0.99990416]
                  [-0.34946752  0.84921968  0.38088277 -0.9891333   0.75855315]]]""";
        assertEquals(output_vals, NumpyFormat.format(Tensor3.wrap(numbersOf(output_vals), 4, 2, 5)));
    }

    @Test
    void theSeedsDynamicOutputsWithTheZeroPaddedRowAndItsStates() {
        String outputs_val = """
                [[[-0.37425023  0.74163836 -0.83193213 -0.77348614  0.73784202]
                  [ 0.03848177 -0.35700297 -0.77217108 -0.61098522  0.99779701]]

                 [[-0.36137825  0.78198385 -0.97801197 -0.93518633  0.98954976]
                  [ 0.          0.          0.          0.          0.        ]]

                 [[-0.34836701  0.81669199 -0.99730986 -0.98258781  0.99963427]
                  [-0.10163038 -0.43126816  0.2514632  -0.0913566   0.92772639]]

                 [[ 0.99900454 -0.99995887  0.85338706  0.9904601  -0.89884502]
                  [ 0.68933213 -0.73745525 -0.86696005 -0.27243653  0.93952006]]]""";
        Tensor3 outputs = Tensor3.wrap(numbersOf(outputs_val), 4, 2, 5);
        assertEquals(0f, outputs.get(1, 1, 4));
        assertEquals(outputs_val, NumpyFormat.format(outputs));
        assertEquals(outputs_val, outputs.toString());
        String states_val = """
                [[ 0.03848177 -0.35700297 -0.77217108 -0.61098522  0.99779701]
                 [-0.36137825  0.78198385 -0.97801197 -0.93518633  0.98954976]
                 [-0.10163038 -0.43126816  0.2514632  -0.0913566   0.92772639]
                 [ 0.68933213 -0.73745525 -0.86696005 -0.27243653  0.93952006]]""";
        assertEquals(states_val, NumpyFormat.format(matrix(4, 5, numbersOf(states_val))));
    }

    @Test
    void eachFloat32PrintsAsItsDoubleWithEightDecimalsAndTrailingZerosBlanked() {
        // float32 0.3 is 0.30000001192...: '%.8f' shows 0.30000001 (the seed's -0.99492419, not -0.9949242)
        assertEquals("[ 0.1         0.2         0.30000001]", NumpyFormat.format(new float[] {0.1f, 0.2f, 0.3f}));
        // 0.012345678f needs more than 8 decimals: rounded to 8
        assertEquals("[ 0.01234568  0.5       ]", NumpyFormat.format(new float[] {0.012345678f, 0.5f}));
        // P = the most decimals any element needs; the width holds int(max |x|), the point and a sign column
        assertEquals("[ 123.5     0.25]", NumpyFormat.format(new float[] {123.5f, 0.25f}));
        assertEquals("[ 0.5   0.25]", NumpyFormat.format(new float[] {0.5f, 0.25f}));
        assertEquals("[-0.  1.]", NumpyFormat.format(new float[] {-0f, 1f}));
        assertEquals("[ 0.  0.]", NumpyFormat.format(new float[2]));
        assertEquals("[]", NumpyFormat.format(new float[0]));
        assertEquals("[]", NumpyFormat.format(new FMatrixRMaj(0, 3)));
    }

    @Test
    void scientificNotationForTinyHugeOrWidelySpreadValues() {
        // a nonzero |x| < 1e-4: '%16.8e' for every element; float32 1e-5 is 9.99999974...e-06
        assertEquals("[[  9.99999975e-06   1.00000000e+00]\n [ -2.50000000e+02   0.00000000e+00]]",
                NumpyFormat.format(matrix(2, 2, 1e-5f, 1f, -250f, 0f)));
        // max/min > 1e3 among the nonzero |x|
        assertEquals("[  1.00000005e-03   2.00000000e+00]", NumpyFormat.format(new float[] {0.001f, 2f}));
        assertEquals("[  1.00000005e-03   1.50000000e+00]", NumpyFormat.format(new float[] {0.001f, 1.5f}));
        // max |x| >= 1e8; float32(123456789) is 123456792
        assertEquals("[  1.00000000e+08]", NumpyFormat.format(new float[] {1e8f}));
        assertEquals("[  1.23456792e+08]", NumpyFormat.format(new float[] {123456789f}));
        // a ratio of exactly 1000 (100f / 0.1f is 1000f in float32 too) stays positional
        assertEquals("[   0.5  500. ]", NumpyFormat.format(new float[] {0.5f, 500f}));
        assertEquals("[   0.1  100. ]", NumpyFormat.format(new float[] {0.1f, 100f}));
    }

    @Test
    void longRowsWrapBeforeColumn75() {
        // 1-D, words "%4.0f" + " ": the 16th would end at column 75, so 15 a line, continuing under the first
        float[] arange30 = arange(30);
        assertEquals("[  0.   1.   2.   3.   4.   5.   6.   7.   8.   9.  10.  11.  12.  13.  14.\n"
                + "  15.  16.  17.  18.  19.  20.  21.  22.  23.  24.  25.  26.  27.  28.  29.]", NumpyFormat.format(arange30));
        // 2-D, elements of width 11: the 7th of a row would reach column 84, so it wraps, indented by two
        FMatrixRMaj wide = matrix(2, 7,
                -0.12345678f, 0.45678912f, -0.56789123f, 0.67891234f, -0.78912345f, 0.3f, 0.4f,
                0.4f, 0.3f, -0.78912345f, 0.67891234f, -0.56789123f, 0.45678912f, -0.12345678f);
        assertEquals("[[-0.12345678  0.45678911 -0.56789124  0.67891234 -0.78912348  0.30000001\n"
                + "   0.40000001]\n"
                + " [ 0.40000001  0.30000001 -0.78912348  0.67891234 -0.56789124  0.45678911\n"
                + "  -0.12345678]]", NumpyFormat.format(wide));
    }

    @Test
    void moreThanAThousandElementsAreSummarised() {
        float[] arange2000 = arange(2000);
        // only the shown items fix the format: 0..2 and 1997..1999, ratio 1999 > 1e3 -> scientific
        assertEquals("[  0.00000000e+00   1.00000000e+00   2.00000000e+00 ...,   1.99700000e+03\n"
                + "   1.99800000e+03   1.99900000e+03]", NumpyFormat.format(arange2000));
        assertEquals("[[  0.00000000e+00   1.00000000e+00]\n [  2.00000000e+00   3.00000000e+00]\n"
                + " [  4.00000000e+00   5.00000000e+00]\n ..., \n [  1.99400000e+03   1.99500000e+03]\n"
                + " [  1.99600000e+03   1.99700000e+03]\n [  1.99800000e+03   1.99900000e+03]]",
                NumpyFormat.format(new FMatrixRMaj(1000, 2, true, arange2000)));
        // exactly 1000 elements are printed whole
        String whole = NumpyFormat.format(new float[1000]);
        assertEquals(1000, whole.split("0\\.", -1).length - 1);
        assertEquals(-1, whole.indexOf("..."));
    }

    @Test
    void nanAndInfinityTakeTheWidthOfANumber() {
        assertEquals("[ nan  1.5]", NumpyFormat.format(new float[] {Float.NaN, 1.5f}));
        assertEquals("[-inf  0.5]", NumpyFormat.format(new float[] {Float.NEGATIVE_INFINITY, 0.5f}));
        assertEquals("[ nan  inf]", NumpyFormat.format(new float[] {Float.NaN, Float.POSITIVE_INFINITY}));
    }

    /** Expected strings printed by numpy 2.4 ({@code str(np.float32(x))}) for these float32 values. */
    @Test
    void shortestIsNumpysFloat32Str() {
        String[][] cases = {
            {"0x1.73077ap-2", "0.3623332"}, {"0x1.c447f8p+5", "56.53514"}, {"0x1.589208p-8", "0.0052577276"},
            {"0x1.baeea2p+5", "55.36652"}, {"0x1.28db6p-5", "0.03623742"}, {"0x1.0be4bep-3", "0.13080738"},
            {"0x1.b8368cp+3", "13.756659"}, {"0x1.c75c5cp-4", "0.111172065"}, {"0x1.1e9338p-1", "0.55971694"},
            {"0x1.6807p-10", "0.0013733953"}, {"0x1.76c0dcp+2", "5.855521"}, {"0x1.f65c98p-2", "0.4905876"},
            {"0x1.99999ap-4", "0.1"}, {"0x1.0p+1", "2.0"}, {"0x1.564c34p-5", "0.041784383"},
            {"0x1.bd0662p+3", "13.907029"}, {"0x1.4f8b58p-17", "1e-05"}, {"0x1.f75104p-17", "1.5e-05"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], NumpyFormat.shortest(Float.parseFloat(c[0])), c[0]);
        }
        assertEquals("-0.5", NumpyFormat.shortest(-0.5f));
        assertEquals("1e-04", NumpyFormat.shortest(1e-4f)); // 1e-4f is just below 1e-4
    }
}
