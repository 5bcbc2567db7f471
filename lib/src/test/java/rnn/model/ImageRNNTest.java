package rnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import rnn.Accuracy;
import rnn.Adam;
import rnn.DynamicRNN;
import rnn.Init;
import rnn.Tensor3;
import rnn.fast.ChunkedInference;

class ImageRNNTest {

    private static Tensor3 randomX(int batch, int n_steps, int n_inputs, long seed) {
        Random random = new Random(seed);
        Tensor3 X = new Tensor3(batch, n_steps, n_inputs);
        for (int k = 0; k < X.data().length; k++) X.data()[k] = (float) random.nextGaussian();
        return X;
    }

    private static float[] rows(FMatrixRMaj a, int from, int to) {
        float[] r = new float[(to - from) * a.numCols];
        System.arraycopy(a.data, from * a.numCols, r, 0, r.length);
        return r;
    }

    @Test
    void parametersAreTheCellsThenTheDenseLayersLive() {
        ImageRNN model = new ImageRNN(28, 28, 150, 10, new Init(1));
        List<FMatrixRMaj> p = model.parameters();
        assertEquals(4, p.size());
        assertTrue(p.get(0) == model.cell().W() && p.get(1) == model.cell().b());
        assertTrue(p.get(2) == model.dense().W() && p.get(3) == model.dense().b());
        assertEquals(178, p.get(0).numRows);
        assertEquals(150, p.get(2).numRows);
        assertEquals(10, p.get(3).numCols);
        // the cell draws from the Init first, then the dense layer
        Init init = new Init(1);
        assertArrayEquals(init.glorotUniform(178, 150).data, model.cell().W().data, 0f);
        assertArrayEquals(init.glorotUniform(150, 10).data, model.dense().W().data, 0f);
    }

    @Test
    void finalStatesEqualDynamicRnnsWithAndWithoutLengths() {
        ImageRNN model = new ImageRNN(5, 3, 4, 2, new Init(2));
        model.cell().b().set(new float[][] {{0.1f, -0.2f, 0.3f, 0f}});
        Tensor3 X = randomX(7, 5, 3, 1);
        int[] lengths = {5, 0, 3, 1, 5, 2, 4};
        assertArrayEquals(DynamicRNN.dynamic_rnn(model.cell(), X, null).states().data, model.states(X).data, 1e-6f);
        assertArrayEquals(DynamicRNN.dynamic_rnn(model.cell(), X, lengths).states().data,
                model.states(X, lengths).data, 1e-6f);
        // logits are the dense layer of those states
        assertArrayEquals(model.dense().forward(model.states(X, lengths)).data, model.logits(X, lengths).data, 1e-6f);
    }

    @Test
    void inferenceInChunksEqualsInferenceOnEachPart() {
        ImageRNN model = new ImageRNN(4, 2, 3, 3, new Init(3));
        int batch = 2 * ChunkedInference.CHUNK + 17;
        Tensor3 X = randomX(batch, 4, 2, 4);
        int[] lengths = new int[batch];
        for (int i = 0; i < batch; i++) lengths[i] = i % 5;
        FMatrixRMaj logits = model.logits(X, lengths);
        assertEquals(batch, logits.numRows);
        // the last rows, in the third chunk, computed on their own
        int from = batch - 9;
        Tensor3 tail = new Tensor3(9, 4, 2);
        System.arraycopy(X.data(), from * 8, tail.data(), 0, 9 * 8);
        int[] tailLengths = java.util.Arrays.copyOfRange(lengths, from, batch);
        assertArrayEquals(model.logits(tail, tailLengths).data, rows(logits, from, batch), 0f);
        assertArrayEquals(DynamicRNN.dynamic_rnn(model.cell(), tail, tailLengths).states().data,
                model.states(tail, tailLengths).data, 1e-6f);
        int[] predicted = model.predict(X);
        assertArrayEquals(Accuracy.argmax(model.logits(X)), predicted);
    }

    /** Sequences of 8 steps of 2 inputs in [0, 1); the class is the half of the sequence whose inputs are 0.25 larger. */
    private static Tensor3 halves(int[] y, long seed) {
        Random random = new Random(seed);
        Tensor3 X = new Tensor3(y.length, 8, 2);
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextInt(2);
            for (int t = 0; t < 8; t++) {
                boolean larger = (t < 4) == (y[i] == 0);
                for (int j = 0; j < 2; j++) X.set(i, t, j, random.nextFloat() + (larger ? 0.25f : 0f));
            }
        }
        return X;
    }

    @Test
    void trainingOnSeparableSequencesDrivesTheLossDownAndTheAccuracyUp() {
        int[] y = new int[200];
        Tensor3 X = halves(y, 21);
        ImageRNN model = new ImageRNN(8, 2, 8, 2, new Init(42));
        Adam adam = new Adam(0.01f);
        float before = model.loss(X, y);
        float accuracyBefore = model.accuracy(X, y);
        float first = model.trainStep(X, y, adam);
        assertEquals(before, first, 0f); // the cost of the forward pass before the update
        float cost = first;
        for (int step = 1; step < 200; step++) cost = model.trainStep(X, y, adam);
        float after = model.loss(X, y);
        float accuracy = model.accuracy(X, y);
        String summary = "loss " + before + " → " + after + ", accuracy " + accuracyBefore + " → " + accuracy;
        // seeded: the untrained model is at chance (loss 0.820, accuracy 0.545); after 200 Adam steps the loss is 0.024
        assertEquals(0.8200266f, before, 1e-4f, summary);
        assertEquals(0.545f, accuracyBefore, 0f, summary);
        assertTrue(after < 0.05f, summary);
        assertTrue(cost < 0.05f && cost > after, summary);
        assertTrue(accuracy >= 0.95f, summary);
        assertEquals(200, adam.iterations());
        // and it generalises to fresh sequences of the same kind
        // (0.945 to 0.95 depending on the last bits of the products; a model that had not learnt sits at 0.5)
        int[] yTest = new int[200];
        Tensor3 XTest = halves(yTest, 99);
        assertTrue(model.accuracy(XTest, yTest) >= 0.93f, summary);
        assertTrue(model.loss(XTest, yTest) < 0.25f, summary);
    }

    @Test
    void aNonFiniteCostThrowsAndLeavesTheParametersUnchanged() {
        ImageRNN model = new ImageRNN(3, 2, 4, 2, new Init(5));
        Tensor3 X = randomX(4, 3, 2, 6);
        model.dense().b().data[1] = Float.POSITIVE_INFINITY; // logits of +∞: the cost is NaN
        float[] W = model.cell().W().data.clone();
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> model.trainStep(X, new int[] {0, 1, 0, 1}, new Adam(0.01f)));
        assertEquals("the batch cost is NaN: training diverged; the parameters were not updated", e.getMessage());
        assertArrayEquals(W, model.cell().W().data, 0f);
    }

    @Test
    void aNonFiniteInputIsRefusedByEveryMethodNamingIt() {
        ImageRNN model = new ImageRNN(3, 2, 4, 2, new Init(5));
        Tensor3 X = randomX(4, 3, 2, 6);
        X.set(2, 1, 0, Float.NaN);
        float[] W = model.cell().W().data.clone();
        String expected = "ImageRNN expects finite inputs but X[2, 1, 0] is NaN (instance 2, step 1, input 0)";
        int[] y = {0, 1, 0, 1};
        for (Executable call : List.<Executable>of(
                () -> model.predict(X), () -> model.logits(X), () -> model.accuracy(X, y), () -> model.loss(X, y),
                () -> model.states(X), () -> model.trainStep(X, y, new Adam(0.01f)))) {
            assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
        }
        assertArrayEquals(W, model.cell().W().data, 0f);
    }

    @Test
    void aLayerTooWideForAJavaArrayIsRefusedBeforeItIsAllocated() {
        NotEnoughMemoryException e = assertThrows(NotEnoughMemoryException.class,
                () -> new ImageRNN(28, 28, 50_000, 10, new Init(1)));
        assertEquals("W ((28 + 50000) × 50000) would have 2,501,400,000 entries, more than the 2,147,483,647 a Java"
                + " array can hold; use a smaller n_neurons", e.getMessage());
    }

    @Test
    void shapesAndLabelsAreChecked() {
        ImageRNN model = new ImageRNN(3, 2, 4, 5, new Init(5));
        Tensor3 X = randomX(4, 3, 2, 6);
        assertThrows(IllegalArgumentException.class, () -> model.logits(new Tensor3(4, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> model.logits(new Tensor3(4, 3, 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.loss(X, new int[] {0, 1, 5, 2}));
        assertEquals("labels[2] = 5 is outside the class range [0, 5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.accuracy(X, new int[] {0, 1}));
        assertEquals("labels has 2 entries but logits has 4 rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.gradients(X, new int[] {0, 1, 2, 3}, new int[] {3, 4, 0, 1}));
        assertEquals("sequence_length[1] = 4 is outside the allowed range [0, 3] (n_steps = 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.trainStep(X, new int[] {0, 1, 2}, new Adam(0.01f)));
    }
}
