package rnn.exercise;

import java.util.List;
import java.util.Locale;

import org.ejml.data.FMatrixRMaj;

import rnn.Activation;
import rnn.CellState;
import rnn.DynamicRNN;
import rnn.MultiRNNCell;
import rnn.Tensor3;
import rnn.model.DenseInput;
import rnn.model.ImageRNN;
import rnn.Init;

/**
 * The exercises of notebook 7, the deep RNN, judged against the notebook's own small stack and batch:
 * <ul>
 *   <li>7.1 the number of trainable parameters of a stack of {@link #LAYERS} layers of {@link #NEURONS} neurons
 *       on MNIST's 28 inputs, its dense layer reading every layer's final state: a count;</li>
 *   <li>7.2 what the dense layer reads with {@link DenseInput#TOP_LAYER}, the top layer's final state, picked
 *       out of the outputs by the sequence lengths: an FMatrixRMaj, batch × n_neurons.</li>
 * </ul>
 */
public final class DeepRnnExercises {
    /** 7.1: the stack whose parameters are counted. */
    public static final int INPUTS = 28;
    public static final int LAYERS = 2;
    public static final int NEURONS = 64;
    public static final int OUTPUTS = 10;
    private static final double SAME = 1e-6;

    private DeepRnnExercises() {
    }

    public static Exercises of(MultiRNNCell multi_layer_cell, Tensor3 X_batch, int[] seq_length_batch) {
        return new Exercises(
                new Exercise<>("7.1", Number.class, "a count (an int)", DeepRnnExercises::parameterCount),
                new Exercise<>("7.2", FMatrixRMaj.class, "a matrix (an FMatrixRMaj), batch × n_neurons",
                        answer -> topLayerState(answer, multi_layer_cell, X_batch, seq_length_batch)));
    }

    private static Verdict parameterCount(Number answer) {
        Verdict notACount = Checks.notACount(answer);
        if (notACount != null) {
            return notACount;
        }
        long count = Math.round(answer.doubleValue());
        ImageRNN stack = ImageRNN.multiLayer(INPUTS, INPUTS, LAYERS, NEURONS, Activation.RELU, OUTPUTS,
                DenseInput.ALL_LAYERS, new Init(0));
        long right = 0;
        for (FMatrixRMaj theta : stack.parameters()) {
            right += theta.getNumElements();
        }
        long recurrent = (long) LAYERS * NEURONS * NEURONS;             // every layer's Wy
        long biases = (long) LAYERS * NEURONS + OUTPUTS;
        long allStatesDense = (long) LAYERS * NEURONS * OUTPUTS;
        long topStateDense = (long) NEURONS * OUTPUTS;
        long firstInputs = (long) (LAYERS - 1) * (NEURONS - INPUTS) * NEURONS; // every layer read 28 inputs
        if (count == right) {
            return Verdict.right(String.format(Locale.ROOT, "%d parameters. Layer 0's kernel is (28 + %d) × %d, each"
                    + " layer above reads the %d outputs below it, so its kernel is (%d + %d) × %d; the dense layer"
                    + " reads %d × %d = %d values. Check the formula on the notebook's 3 × 100 stack: 56,110.", right,
                    NEURONS, NEURONS, NEURONS, NEURONS, NEURONS, NEURONS, LAYERS, NEURONS, LAYERS * NEURONS));
        }
        if (count == right - recurrent) {
            return Verdict.notRightYet("the recurrent weights are missing: each layer's kernel is [Wx; Wy], and Wy"
                    + " multiplies the layer's own previous output.");
        }
        if (count == right - biases) {
            return Verdict.notRightYet("the biases are missing: one per neuron of each layer, and one per output.");
        }
        if (count == right - allStatesDense + topStateDense) {
            return Verdict.notRightYet("that dense layer reads only the top layer. Here it reads every layer's final"
                    + " state side by side, like the notebook's states_concat.");
        }
        if (count == right - firstInputs) {
            return Verdict.notRightYet("only layer 0 reads the 28 pixels of a row; each layer above reads the "
                    + NEURONS + " outputs of the layer below.");
        }
        return Verdict.notRightYet("count layer by layer: a kernel W = [Wx; Wy] of (inputs of the layer + "
                + NEURONS + ") × " + NEURONS + " and a bias of " + NEURONS + "; then the dense layer, (" + LAYERS
                + " × " + NEURONS + ") × " + OUTPUTS + " weights and " + OUTPUTS + " biases. The notebook's 3 × 100"
                + " stack gives 56,110 this way.");
    }

    private static Verdict topLayerState(FMatrixRMaj answer, MultiRNNCell cell, Tensor3 X, int[] lengths) {
        int m = X.dim(0);
        int n = cell.cells().get(cell.cells().size() - 1).n_neurons();
        Verdict shape = Checks.wrongShape(answer, m, n, "The top layer's final state");
        if (shape != null) {
            return shape;
        }
        ImageRNN top = new ImageRNN(X.dim(1), cell, OUTPUTS, DenseInput.TOP_LAYER, new Init(7));
        FMatrixRMaj expected = top.states(X, lengths);
        if (Checks.close(answer, expected, SAME)) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < m; i++) {
                rows.append(i == 0 ? "" : i == m - 1 ? " and " : ", ").append(lengths[i] > 0
                        ? "t = " + (lengths[i] - 1) + " for instance " + i
                        : "the zero state for instance " + i + ", which never starts");
            }
            return Verdict.right("Each row is the top output at that instance's last step: " + rows + ". A dense"
                    + " layer reading only the top layer has " + n + " inputs here instead of "
                    + n * cell.cells().size() + ".");
        }
        List<CellState> states = cell.layerStates(DynamicRNN.dynamic_rnn(cell, X, lengths).finalState());
        if (Checks.close(answer, states.get(0).output(), SAME)) {
            return Verdict.notRightYet("that is layer 0's final state, the bottom of the stack. The top layer is the"
                    + " last one.");
        }
        FMatrixRMaj lastStep = DynamicRNN.dynamic_rnn(cell, X, lengths).outputs().step(X.dim(1) - 1);
        if (Checks.close(answer, lastStep, SAME)) {
            return Verdict.notRightYet("that is the output at the last time step for every instance. An instance"
                    + " shorter than n_steps has zeros there: take its output at its own last step,"
                    + " seq_length_batch[i] − 1.");
        }
        return Verdict.notRightYet("row i is result.outputs() at instance i's last step, t = seq_length_batch[i] − 1,"
                + " or zeros when its length is 0.");
    }
}
