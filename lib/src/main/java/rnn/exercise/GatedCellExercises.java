package rnn.exercise;

import java.util.Locale;
import java.util.function.IntToDoubleFunction;

import org.ejml.data.FMatrixRMaj;

import rnn.GRUCell;
import rnn.Init;
import rnn.LSTMCell;
import rnn.RecurrentCell;

/**
 * The exercises of notebook 9, the LSTM and GRU cells, judged against the notebook's own gates:
 * <ul>
 *   <li>9.1 the output h(1) of the small batch's LSTM step, from the gates i, j, f, o of t = 1 and c(0):
 *       c(1) = f ⊙ c(0) + i ⊙ j, h(1) = o ⊙ tanh(c(1)); an FMatrixRMaj, batch × n_neurons;</li>
 *   <li>9.2 the number of trainable parameters of an LSTM cell with peepholes of {@link #NEURONS} neurons on
 *       {@link #INPUTS} inputs: a count;</li>
 *   <li>9.3 the share of ∂L/∂c(27) that the forget gates alone carry back to c(0), f(27) ⊙ … ⊙ f(1), averaged over
 *       the instances and the neurons of the trained LSTM's top layer: a number.</li>
 * </ul>
 */
public final class GatedCellExercises {
    /** 9.2: the cell whose parameters are counted, LSTMCell(num_units=64, use_peepholes=True) on a row of MNIST. */
    public static final int INPUTS = 28;
    public static final int NEURONS = 64;
    /** 9.1: the page's float operations against the class's; they agree to a few float roundings. */
    private static final double SAME = 1e-5;
    /** 9.3: relative error of a mean of thousands of products, summed in float or in double. */
    private static final double SAME_MEAN = 1e-3;

    private GatedCellExercises() {
    }

    /**
     * @param g0        the small batch's gates at t = 0, whose c(0) and h(0) the step t = 1 reads
     * @param g1        its gates at t = 1
     * @param top_gates the gates of the trained LSTM's top layer at each step t = 0 … n_steps − 1 of the probe batch
     */
    public static Exercises of(LSTMCell.Gates g0, LSTMCell.Gates g1, LSTMCell.Gates[] top_gates) {
        if (top_gates.length < 3) {
            throw new IllegalArgumentException("9.3 follows the gradient back over the steps of top_gates, so it"
                    + " needs at least 3 of them, but was given " + top_gates.length);
        }
        LSTMCell.Gates[] steps = top_gates.clone();
        LSTMCell.Gates before = copy(g0), step = copy(g1); // as printed, whatever the student's code does to g0, g1
        return new Exercises(
                new Exercise<>("9.1", FMatrixRMaj.class, "a matrix (an FMatrixRMaj), batch × n_neurons",
                        answer -> outputFromGates(answer, before, step)),
                new Exercise<>("9.2", Number.class, "a count (an int)", GatedCellExercises::parameterCount),
                new Exercise<>("9.3", Number.class, "a number, the mean of the products",
                        answer -> forgetPath(answer.doubleValue(), steps)));
    }

    private static Verdict outputFromGates(FMatrixRMaj answer, LSTMCell.Gates g0, LSTMCell.Gates g1) {
        Verdict shape = Checks.wrongShape(answer, g1.h().numRows, g1.h().numCols, "h(1)");
        if (shape != null) {
            return shape;
        }
        float[] c0 = g0.c().data, h0 = g0.h().data;
        float[] i = g1.i().data, j = g1.j().data, f = g1.f().data, o = g1.o().data, c1 = g1.c().data;
        if (Checks.close(answer, g1.h(), SAME)) {
            int beyondOne = 0;
            for (float c : c1) {
                beyondOne += Math.abs(c) > 1 ? 1 : 0;
            }
            return Verdict.right(String.format(Locale.ROOT, "%d of the %d elements of c(1) are beyond ±1, the largest"
                    + " |c(1)| is %.3f; the largest |h(1)| is %.3f. c is never squashed: f ⊙ c(t−1) + i ⊙ j can add"
                    + " up step after step, and tanh bounds only what leaves the cell through the output gate.",
                    beyondOne, c1.length, maxAbs(g1.c()), maxAbs(g1.h())));
        }
        if (Checks.close(answer, g1.c(), SAME)) {
            return Verdict.notRightYet("that is c(1), the long-term state. The output is h(1), computed from it.");
        }
        if (close(answer, e -> o[e] * Math.tanh(c0[e] + i[e] * j[e]))) {
            return Verdict.notRightYet("c(0) goes into c(1) through the forget gate: it is scaled by f(1) first.");
        }
        if (close(answer, e -> o[e] * Math.tanh(i[e] * j[e]))) {
            return Verdict.notRightYet("the old long-term state is missing from c(1): the cell keeps f ⊙ c(0) of it"
                    + " and adds i ⊙ j.");
        }
        if (close(answer, e -> o[e] * Math.tanh(i[e] * c0[e] + f[e] * j[e]))) {
            return Verdict.notRightYet("the gates are swapped: the forget gate scales the old state c(0), the input"
                    + " gate the candidate j.");
        }
        if (close(answer, e -> o[e] * Math.tanh(f[e] * h0[e] + i[e] * j[e]))) {
            return Verdict.notRightYet("that used h(0). The forget gate scales the long-term state of the step"
                    + " before, c(0) = g0.c().");
        }
        if (close(answer, e -> o[e] * Math.tanh(c0[e]))) {
            return Verdict.notRightYet("h(1) reads the new long-term state c(1), not c(0).");
        }
        if (close(answer, e -> Math.tanh(c1[e]))) {
            return Verdict.notRightYet("the output gate is missing: h(1) is tanh(c(1)) scaled by o(1), element by"
                    + " element.");
        }
        if (close(answer, e -> o[e] * c1[e])) {
            return Verdict.notRightYet("c(1) is squashed before the output gate scales it.");
        }
        if (close(answer, e -> o[e] / (1 + Math.exp(-c1[e])))) {
            return Verdict.notRightYet("that squashes c(1) with σ, which is for the gates (0 to 1). The state goes"
                    + " through tanh, which keeps its sign.");
        }
        return Verdict.notRightYet("element by element (Ops.times, Ops.add): c(1) = f ⊙ c(0) + i ⊙ j with g1.f(),"
                + " g1.i(), g1.j() and c(0) = g0.c(); then h(1) = o ⊙ tanh(c(1)) with g1.o() and Ops.tanh.");
    }

    private static Verdict parameterCount(Number answer) {
        Verdict notACount = Checks.notACount(answer);
        if (notACount != null) {
            return notACount;
        }
        long count = Math.round(answer.doubleValue());
        long right = count(new LSTMCell(INPUTS, NEURONS, true, new Init(0)).parameters());
        long gru = count(new GRUCell(INPUTS, NEURONS, new Init(0)).parameters());
        long basic = count(new RecurrentCell(INPUTS, NEURONS, new Init(0)).parameters());
        long block = (long) (INPUTS + NEURONS) * NEURONS + NEURONS;   // one gate: kernel columns and biases
        long peepholes = 3L * NEURONS;                                  // w_i, w_f, w_o
        if (count == right) {
            return Verdict.right(String.format(Locale.ROOT, "%,d: W is (%d + %d) × (4 · %d), %,d weights, b has %d"
                    + " biases, and the peepholes w_i, w_f, w_o %d each. A GRU of the same size has %,d (three"
                    + " blocks), a basic cell %,d. None of it depends on n_steps: every step shares the weights.",
                    right, INPUTS, NEURONS, NEURONS, (long) (INPUTS + NEURONS) * 4 * NEURONS, 4 * NEURONS, NEURONS,
                    gru, basic));
        }
        if (count == right - peepholes) {
            return Verdict.notRightYet("that is a cell without peepholes, a BasicLSTMCell. With use_peepholes=True"
                    + " three gates also look at the long-term state, each through weights of its own.");
        }
        if (count == right - peepholes + 3L * NEURONS * NEURONS) {
            return Verdict.notRightYet("a peephole multiplies c element by element (⊗): neuron k of a gate sees only"
                    + " c_k, so each peephole is a vector of n_neurons, not a matrix.");
        }
        if (count == right + NEURONS) {
            return Verdict.notRightYet(NEURONS + " too many: only the gates i, f and o have peepholes (the candidate"
                    + " j has none), and the forget bias 1.0 is a constant added in the step, not a parameter.");
        }
        if (count == right - 4L * NEURONS * NEURONS) {
            return Verdict.notRightYet("the recurrent weights are missing: the gates and the candidate read h(t−1)"
                    + " as well as X(t), so W has n_inputs + n_neurons rows.");
        }
        if (count == right - 4L * NEURONS) {
            return Verdict.notRightYet("the biases are missing: one per neuron for each of i, j, f and o.");
        }
        if (count == 3 * block + peepholes) {
            return Verdict.notRightYet("that counts three blocks of weights. The candidate j has a block of its own"
                    + " beside the three gates: four in all.");
        }
        if (count == gru) {
            return Verdict.notRightYet("that is a GRU of the same size, three blocks. The LSTM has four (i, j, f, o),"
                    + " and here peepholes.");
        }
        if (count == basic || count == basic + peepholes) {
            return Verdict.notRightYet("one block of weights is a basic cell's count; the LSTM has one block for"
                    + " each gate and one for the candidate.");
        }
        return Verdict.notRightYet("count block by block: each of i, j, f, o has a kernel of (n_inputs + n_neurons)"
                + " × n_neurons and n_neurons biases; then the peephole weights. Check your formula on the notebook's"
                + " small cell: 3 inputs and 5 neurons give W 8 × 20 and b 1 × 20.");
    }

    private static Verdict forgetPath(double answer, LSTMCell.Gates[] gates) {
        int last = gates.length - 1;
        double right = meanProduct(gates, 1, last, Gate.F);
        if (Math.abs(answer - right) <= SAME_MEAN * right) {
            double[] kept = products(gates, 1, last, Gate.F);
            double smallest = Double.POSITIVE_INFINITY, largest = 0;
            for (double p : kept) {
                smallest = Math.min(smallest, p);
                largest = Math.max(largest, p);
            }
            double fresh = 1 / (1 + Math.exp(-LSTMCell.FORGET_BIAS)); // a new cell's f = σ(0 + forget_bias)
            return Verdict.right(String.format(Locale.ROOT, "%.3g on average, through %d forget gates with no weight"
                    + " matrix and no tanh′ between them. Over the %,d (instance, neuron) pairs the products range from"
                    + " %.2g to %.2g; forget gates all at a new cell's σ(1) = %.3f would give %.2g. Where a neuron's"
                    + " gates stay near 1, its gradient reaches the first rows of the image almost whole.", right, last,
                    kept.length, smallest, largest, fresh, Math.pow(fresh, last)));
        }
        if (close(answer, meanProduct(gates, 0, last, Gate.F))) {
            return Verdict.notRightYet("that includes f(0), which scales c(−1) = 0: from c(" + last + ") back to"
                    + " c(0) the gradient passes f(" + last + ") down to f(1).");
        }
        if (close(answer, meanProduct(gates, 1, last - 1, Gate.F)) || close(answer, meanProduct(gates, 2, last, Gate.F))
                || close(answer, meanProduct(gates, 0, last - 1, Gate.F))) {
            return Verdict.notRightYet("count the factors: one forget gate per step back, from c(" + last + ") to"
                    + " c(0), so " + last + " of them.");
        }
        if (close(answer, productOfMeans(gates, 1, last))) {
            return Verdict.notRightYet("that multiplies the mean gates of each step. Multiply first, for each"
                    + " instance and neuron, then average the products.");
        }
        if (close(answer, meanProduct(gates, 1, last, Gate.I)) || close(answer, meanProduct(gates, 1, last, Gate.O))) {
            return Verdict.notRightYet("that product is of another gate. The long-term state is carried from one"
                    + " step to the next by f: c(t+1) = f(t+1) ⊙ c(t) + ….");
        }
        if (answer < 0 || answer > 1) {
            return Verdict.notRightYet("every gate is between 0 and 1, so a product of gates is too: multiply them,"
                    + " do not add them.");
        }
        return Verdict.notRightYet("for each instance and neuron, element e of the m × n matrices, multiply"
                + " top_gates[t].f().data[e] for t = " + last + " down to 1; then average the " + last + "-fold"
                + " products over all the elements.");
    }

    private enum Gate {
        I, F, O;

        float[] of(LSTMCell.Gates g) {
            return switch (this) {
                case I -> g.i().data;
                case F -> g.f().data;
                case O -> g.o().data;
            };
        }
    }

    /** For each element e, the product of the gate over the steps from {@code first} to {@code last}. */
    private static double[] products(LSTMCell.Gates[] gates, int first, int last, Gate gate) {
        double[] product = new double[gate.of(gates[0]).length];
        for (int e = 0; e < product.length; e++) {
            double p = 1;
            for (int t = last; t >= first; t--) {
                p *= gate.of(gates[t])[e];
            }
            product[e] = p;
        }
        return product;
    }

    private static double meanProduct(LSTMCell.Gates[] gates, int first, int last, Gate gate) {
        double[] product = products(gates, first, last, gate);
        double sum = 0;
        for (double p : product) {
            sum += p;
        }
        return sum / product.length;
    }

    private static double productOfMeans(LSTMCell.Gates[] gates, int first, int last) {
        double product = 1;
        for (int t = first; t <= last; t++) {
            double sum = 0;
            for (float f : gates[t].f().data) {
                sum += f;
            }
            product *= sum / gates[t].f().data.length;
        }
        return product;
    }

    private static boolean close(double answer, double expected) {
        return Math.abs(answer - expected) <= SAME_MEAN * Math.abs(expected);
    }

    /** Whether {@code answer} is within {@link #SAME} of the matrix whose element e is {@code expected(e)}. */
    private static boolean close(FMatrixRMaj answer, IntToDoubleFunction expected) {
        for (int e = 0; e < answer.data.length; e++) {
            if (!(Math.abs(answer.data[e] - expected.applyAsDouble(e)) <= SAME)) {
                return false;
            }
        }
        return true;
    }

    private static LSTMCell.Gates copy(LSTMCell.Gates g) {
        return new LSTMCell.Gates(g.i().copy(), g.j().copy(), g.f().copy(), g.o().copy(), g.c().copy(), g.h().copy());
    }

    private static double maxAbs(FMatrixRMaj M) {
        double max = 0;
        for (float x : M.data) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    private static long count(Iterable<FMatrixRMaj> parameters) {
        long total = 0;
        for (FMatrixRMaj theta : parameters) {
            total += theta.getNumElements();
        }
        return total;
    }
}
