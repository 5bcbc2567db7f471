package rnn.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rnn.exercise.ExercisesTest.assertHint;
import static rnn.exercise.ExercisesTest.assertNotDone;
import static rnn.exercise.ExercisesTest.assertRight;

import java.util.Random;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import rnn.Activation;
import rnn.BasicRNN;
import rnn.DynamicRNN;
import rnn.Init;
import rnn.MultiRNNCell;
import rnn.RecurrentCell;
import rnn.Tensor3;
import rnn.mnist.DataSet;
import rnn.model.ImageRNN;
import rnn.model.TimeSeriesRNN;
import rnn.series.SeriesBatch;
import rnn.series.TimeSeries;
import rnn.train.EpochResult;
import rnn.train.TrainingHistory;

/** Every exercise of notebooks 5 to 8 on small versions of the notebooks' set-ups: right, not right yet, not done yet. */
class LaterExercisesTest {
    private static final double[][] X0 = {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {9, 0, 1}};
    private static final double[][] X1 = {{9, 8, 7}, {0, 0, 0}, {6, 5, 4}, {3, 2, 1}};
    private static final float BIAS_TOWARDS_8 = 1.0f;

    @Test
    void mnistExercises() {
        // 300 random 4 × 4 "images" and an untrained model whose dense bias leans to 8; every other label is what
        // the model predicts, the rest are random: some 8s recognised, some missed, some other digits called 8
        Random random = new Random(3);
        float[] pixels = new float[300 * 16];
        for (int p = 0; p < pixels.length; p++) pixels[p] = random.nextFloat();
        ImageRNN model = new ImageRNN(4, 4, 8, 10, new Init(5));
        model.dense().b().set(0, 8, model.dense().b().get(0, 8) + BIAS_TOWARDS_8);
        int[] predicted = model.predict(Tensor3.wrap(pixels, 300, 4, 4));
        int[] labels = new int[300];
        for (int i = 0; i < 300; i++) labels[i] = i % 2 == 0 ? predicted[i] : random.nextInt(10);
        DataSet test = new DataSet(pixels, labels, 4, 4);
        int eights = 0, recognised = 0, called8 = 0, correct = 0;
        for (int i = 0; i < 300; i++) {
            eights += labels[i] == 8 ? 1 : 0;
            recognised += labels[i] == 8 && predicted[i] == 8 ? 1 : 0;
            called8 += predicted[i] == 8 ? 1 : 0;
            correct += labels[i] == predicted[i] ? 1 : 0;
        }
        assertTrue(eights > recognised && recognised > 0 && called8 > recognised && correct < 300,
                eights + " " + recognised + " " + called8 + " " + correct);
        TrainingHistory history = new TrainingHistory();
        history.add(new EpochResult(1, 0.56, 0.94, 0.9204, 0.9162, 2));
        history.add(new EpochResult(2, 0.21, 0.96, 0.9512, 0.9449, 2));
        history.add(new EpochResult(3, 0.15, 0.97, 0.9488, 0.9501, 2)); // the best test accuracy, not validation
        Exercises exercises = MnistExercises.of(model, test, history);

        assertRight(exercises, "5.1", (double) recognised / eights);
        double fraction = (double) recognised / eights;
        assertTrue(exercises.message("5.1", () -> fraction).contains(recognised + " of the " + eights));
        assertHint(exercises, "5.1", recognised, "that is a count");
        assertHint(exercises, "5.1", (double) correct / 300, "over all 10,000 test images");
        assertHint(exercises, "5.1", (double) recognised / called8, "among the images the model predicts as 8");
        assertHint(exercises, "5.1", recognised / eights, "divide as doubles"); // int division: 0
        assertNotDone(exercises, "5.1");

        assertRight(exercises, "5.2", 2);
        assertTrue(exercises.message("5.2", () -> 2).contains("The best test accuracy of the run, 0.9501 at epoch 3"));
        assertHint(exercises, "5.2", 3, "the best on the test set");
        assertHint(exercises, "5.2", 4, "from 1 to 3");
        assertNotDone(exercises, "5.2");
        TrainingHistory last = new TrainingHistory();
        last.add(new EpochResult(1, 0.56, 0.94, 0.9504, 0.9462, 2));
        last.add(new EpochResult(2, 0.21, 0.96, 0.9312, 0.9449, 2));
        last.add(new EpochResult(3, 0.15, 0.97, 0.9488, 0.9401, 2));
        assertHint(MnistExercises.of(model, test, last), "5.2", 3, "that is the last epoch");
        assertTrue(MnistExercises.of(model, test, last).message("5.2", () -> 1).contains("Epoch 1 has the best"
                + " validation accuracy, 0.9504; its test accuracy, 0.9462, is the figure to report, measured once. Here"
                + " the test set would have picked the same epoch"));
        TrainingHistory none = new TrainingHistory();
        none.add(new EpochResult(1, 0.56, 0.94, 0.9162, 2));
        assertHint(MnistExercises.of(model, test, none), "5.2", 1, "measured no validation set");
    }

    @Test
    void bpttExercises() {
        BasicRNN layer = new BasicRNN(3, 5, new Init(1));
        // 6.1's db checked against central differences of L = ½‖Y(1)‖², an independent forward pass in double
        double[][] Wx = toDouble(layer.Wx), Wy = toDouble(layer.Wy);
        double[] b = toDouble(layer.b)[0];
        double[][] numerical = new double[1][5];
        double h = 1e-6;
        for (int j = 0; j < 5; j++) {
            double kept = b[j];
            b[j] = kept + h;
            double plus = lastStepLoss(Wx, Wy, b);
            b[j] = kept - h;
            double minus = lastStepLoss(Wx, Wy, b);
            b[j] = kept;
            numerical[0][j] = (plus - minus) / (2 * h);
        }
        double[] norms = new double[28];
        for (int t = 0; t < 28; t++) norms[t] = 0.1 * Math.pow(0.47, 27 - t);
        Exercises exercises = BpttExercises.of(layer, X0, X1, norms, 0.5);
        TwoStepGradients g = new TwoStepGradients(layer, X0, X1);
        assertTrue(TwoStepGradients.relativeError(g.dbLastStep(), numerical) < 1e-7,
                "relative error " + TwoStepGradients.relativeError(g.dbLastStep(), numerical));
        assertRight(exercises, "6.1", numerical);
        assertHint(exercises, "6.1", g.dbBothSteps(), "db of the page's loss");
        assertHint(exercises, "6.1", g.dbStepOneOnly(), "step 1's share");
        assertHint(exercises, "6.1", new double[5][1], "1 × 5, but yours is 5 × 1");
        assertHint(exercises, "6.1", new double[1][5], "go back from the last step");
        assertNotDone(exercises, "6.1");

        assertRight(exercises, "6.2", 0.47);
        assertRight(exercises, "6.2", 0.4705);
        assertTrue(exercises.message("6.2", () -> 0.47).contains("0.470 per step, measured; ρ(Wy) = 0.5 predicts 0.5"));
        assertHint(exercises, "6.2", 0.5, "the prediction from the spectral radius");
        assertHint(exercises, "6.2", 1 / 0.47, "the inverse");
        assertHint(exercises, "6.2", Math.pow(0.47, 27), "its 27-th root");
        assertHint(exercises, "6.2", 0.3, "Solve for f");
        assertNotDone(exercises, "6.2");
    }

    @Test
    void deepRnnExercises() {
        MultiRNNCell cell = MultiRNNCell.basic(2, 3, 4, Activation.RELU, new Init(42));
        Tensor3 X = Tensor3.of(new float[][][] {
            {{0.5f, -1.0f}, {1.0f, 0.2f}, {-0.3f, 0.8f}},
            {{0.1f, 0.9f}, {-0.7f, 0.4f}, {0.0f, 0.0f}},
            {{0.0f, 0.0f}, {0.0f, 0.0f}, {0.0f, 0.0f}}});
        int[] lengths = {3, 2, 0};
        Exercises exercises = DeepRnnExercises.of(cell, X, lengths);

        // (28 + 64)·64 + 64 + (64 + 64)·64 + 64 + (2·64)·10 + 10
        assertRight(exercises, "7.1", 15498);
        assertTrue(exercises.message("7.1", () -> 15498).contains("56,110"));
        assertHint(exercises, "7.1", 15498 - 2 * 64 * 64, "recurrent weights are missing");
        assertHint(exercises, "7.1", 15498 - 2 * 64 - 10, "biases are missing");
        assertHint(exercises, "7.1", 15498 - 64 * 10, "reads only the top layer");
        assertHint(exercises, "7.1", 15498 - 36 * 64, "only layer 0 reads the 28 pixels");
        assertHint(exercises, "7.1", 56110, "count layer by layer");
        assertNotDone(exercises, "7.1");

        Tensor3 outputs = DynamicRNN.dynamic_rnn(cell, X, lengths).outputs();
        FMatrixRMaj top = new FMatrixRMaj(3, 4);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4 && lengths[i] > 0; j++) top.set(i, j, outputs.get(i, lengths[i] - 1, j));
        }
        assertRight(exercises, "7.2", top);
        assertTrue(exercises.message("7.2", () -> top).contains("last step: t = 2 for instance 0, t = 1 for instance 1"
                + " and the zero state for instance 2, which never starts. A dense layer reading only the top layer has"
                + " 4 inputs here instead of 12."), exercises.message("7.2", () -> top));
        assertHint(exercises, "7.2", outputs.step(2), "the output at the last time step for every instance");
        assertHint(exercises, "7.2", cell.layerStates(DynamicRNN.dynamic_rnn(cell, X, lengths).finalState()).get(0)
                .output(), "layer 0's final state");
        assertHint(exercises, "7.2", new FMatrixRMaj(3, 12), "should be 3×4, but yours is 3×12");
        assertNotDone(exercises, "7.2");
    }

    @Test
    void timeSeriesExercises() {
        TimeSeriesRNN model = new TimeSeriesRNN(20, 1, 100, 1, Activation.RELU, new Init(42));
        SeriesBatch test = TimeSeries.window(TimeSeries.t_instance(20));
        Exercises exercises = TimeSeriesExercises.of(model, test);

        double squares = 0;
        for (int t = 0; t < 20; t++) {
            double error = test.y().get(0, t, 0) - test.X().get(0, t, 0);
            squares += error * error;
        }
        assertRight(exercises, "8.1", squares / 20);
        assertEquals(0.70348644, squares / 20, 1e-6); // notebook 8 prints naive MSE 0.70348644 on the test instance
        assertHint(exercises, "8.1", squares, "sum of the squared errors");
        assertHint(exercises, "8.1", Math.sqrt(squares / 20), "RMSE");
        assertHint(exercises, "8.1", model.loss(test.X(), test.y()), "the RNN's MSE");
        assertNotDone(exercises, "8.1");

        // the forward pass on the page: Y = ReLU([x(t) Y]·W + b), then the dense layer on the last Y
        RecurrentCell cell = model.cell();
        double[] Y = new double[100];
        for (int t = 0; t < 20; t++) {
            double[] next = new double[100];
            for (int j = 0; j < 100; j++) {
                double z = test.X().get(0, t, 0) * cell.W().get(0, j) + cell.b().get(0, j);
                for (int k = 0; k < 100; k++) z += Y[k] * cell.W().get(1 + k, j);
                next[j] = Math.max(0, z);
            }
            Y = next;
        }
        double y = model.dense().b().get(0, 0);
        for (int k = 0; k < 100; k++) y += Y[k] * model.dense().W().get(k, 0);
        assertRight(exercises, "8.2", y);
        Tensor3 predicted = model.predict(test.X());
        assertHint(exercises, "8.2", test.y().get(0, 19, 0), "the true next value");
        assertHint(exercises, "8.2", test.X().get(0, 19, 0), "the last input");
        assertHint(exercises, "8.2", predicted.get(0, 18, 0), "the prediction at step 18");
        assertHint(exercises, "8.2", 1e3, "start from Y = 0");
        assertNotDone(exercises, "8.2");
    }

    private static double lastStepLoss(double[][] Wx, double[][] Wy, double[] b) {
        double[][] Y0 = new double[4][5];
        double[][] Y1 = new double[4][5];
        double loss = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                double z = b[j];
                for (int k = 0; k < 3; k++) z += X0[i][k] * Wx[k][j];
                Y0[i][j] = Math.tanh(z);
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                double z = b[j];
                for (int k = 0; k < 3; k++) z += X1[i][k] * Wx[k][j];
                for (int k = 0; k < 5; k++) z += Y0[i][k] * Wy[k][j];
                Y1[i][j] = Math.tanh(z);
                loss += 0.5 * Y1[i][j] * Y1[i][j];
            }
        }
        return loss;
    }

    private static double[][] toDouble(FMatrixRMaj M) {
        double[][] A = new double[M.numRows][M.numCols];
        for (int i = 0; i < M.numRows; i++) {
            for (int j = 0; j < M.numCols; j++) A[i][j] = M.get(i, j);
        }
        return A;
    }
}
