package rnn.exercise;

import rnn.StaticRNN;
import rnn.Tensor3;

/**
 * The exercises of notebook 3, static unrolling, judged against the notebook's own model and X_batch:
 * <ul>
 *   <li>3.1 how many of the 40 outputs are saturated, |y| > 0.99, with Glorot-uniform weights: a count;</li>
 *   <li>3.2 the outputs of the same model on the inputs scaled to [0, 1], X_batch / 9: a Tensor3.</li>
 * </ul>
 */
public final class StaticUnrollingExercises {
    private static final double SAME = 1e-6;
    /** The largest input of the notebook's X_batch: dividing by it scales the inputs to [0, 1]. */
    private static final float LARGEST_INPUT = 9f;

    private StaticUnrollingExercises() {
    }

    public static Exercises of(StaticRNN model, Tensor3 X_batch) {
        Tensor3 raw = model.run(X_batch).outputs();
        return new Exercises(
                new Exercise<>("3.1", Number.class, "a count (an int)", answer -> saturatedCount(answer, raw)),
                new Exercise<>("3.2", Tensor3.class, "a Tensor3 of outputs",
                        answer -> scaledOutputs(answer, model, X_batch, raw)));
    }

    private static Verdict saturatedCount(Number answer, Tensor3 outputs) {
        int[] perStep = new int[outputs.dim(1)];
        for (int t = 0; t < perStep.length; t++) {
            perStep[t] = Checks.saturated(outputs.step(t).data);
        }
        return Checks.saturatedCount(answer, perStep, outputs.data().length, "output_vals (its data() array holds"
                        + " its elements)",
                "Glorot-uniform weights are much narrower than notebook 2's N(0, 1), yet many of the"
                        + " outputs still saturate: the inputs go up to 9. Exercise 3.2 scales them.");
    }

    private static Verdict scaledOutputs(Tensor3 answer, StaticRNN model, Tensor3 X_batch, Tensor3 raw) {
        Verdict shape = Checks.wrongShape(answer, raw, "The outputs, [batch, n_steps, n_neurons],");
        if (shape != null) {
            return shape;
        }
        float[] scaled = X_batch.data().clone();
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] /= LARGEST_INPUT;
        }
        Tensor3 expected = model.run(Tensor3.wrap(scaled, X_batch.dim(0), X_batch.dim(1), X_batch.dim(2))).outputs();
        if (Checks.close(answer, expected, SAME)) {
            return Verdict.right("Saturated outputs: " + Checks.saturated(raw.data()) + " of 40 on the raw inputs, "
                    + Checks.saturated(expected.data()) + " of 40 on the inputs in [0, 1]. The weights did not change;"
                    + " only the size of X(t)·Wx did.");
        }
        if (Checks.close(answer, raw, SAME)) {
            return Verdict.notRightYet("these are the outputs of the raw inputs. Scale a copy of X_batch first, then"
                    + " run the model on it.");
        }
        return Verdict.notRightYet("divide every element of a copy of X_batch by 9 (Tensor3.data() holds them,"
                + " Tensor3.wrap makes a tensor of an array), then run the same model on it.");
    }
}
