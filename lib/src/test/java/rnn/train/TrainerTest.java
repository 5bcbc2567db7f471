package rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rnn.model.ImageRNN;
import rnn.Init;
import rnn.mnist.DataSet;

class TrainerTest {
    /**
     * {@code n} 4 × 4 "images" of class c = 0..3: row c is bright (0.9), the rest is noise below 0.3.
     * An RNN reading the rows learns this in a few epochs.
     */
    static DataSet brightRow(int n, long seed) {
        Random random = new Random(seed);
        float[] images = new float[n * 16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(4);
            for (int p = 0; p < 16; p++) {
                images[i * 16 + p] = p / 4 == labels[i] ? 0.9f : 0.3f * random.nextFloat();
            }
        }
        return new DataSet(images, labels, 4, 4);
    }

    private static ImageRNN tinyModel() {
        return new ImageRNN(4, 4, 8, 4, new Init(7));
    }

    @Test
    void twoEpochsGiveTwoRowsOfFiniteNumbers() {
        DataSet train = brightRow(310, 1);
        DataSet test = brightRow(200, 2);
        Recorder recorder = new Recorder();
        TrainingHistory history = new Trainer(2, 50, 0.01f, 42).fit(tinyModel(), train, test, recorder);

        assertEquals(2, history.size());
        List<EpochResult> epochs = history.epochs();
        assertEquals(1, epochs.get(0).epoch());
        assertEquals(2, epochs.get(1).epoch());
        for (EpochResult r : epochs) {
            assertTrue(Double.isFinite(r.cost()) && r.cost() > 0, "cost " + r.cost());
            assertTrue(r.train_accuracy() >= 0 && r.train_accuracy() <= 1);
            assertTrue(r.test_accuracy() >= 0 && r.test_accuracy() <= 1);
            assertTrue(r.seconds() >= 0);
            // accuracies are counts over 50 (last batch) and 200 (test set)
            assertEquals(Math.rint(r.train_accuracy() * 50), r.train_accuracy() * 50, 1e-4);
            assertEquals(Math.rint(r.test_accuracy() * 200), r.test_accuracy() * 200, 1e-4);
        }
        assertTrue(epochs.get(1).cost() < epochs.get(0).cost(), "the cost falls: " + epochs);
        assertEquals(epochs.get(1), history.last());

        // 310 // 50 = 6 batches, the last 10 images dropped; avg_cost is the mean of the 6 batch costs
        assertEquals(List.of(1, 2), recorder.started);
        assertEquals(6, recorder.total_batches);
        assertEquals(12, recorder.costs.size());
        double avg_cost = 0;
        for (double cost : recorder.costs.subList(0, 6)) avg_cost += cost / 6;
        assertEquals(avg_cost, epochs.get(0).cost(), 0.0);
        assertEquals(epochs, recorder.finished);
        // after each epoch's last batch, the evaluation on the 200 test images, then the epoch's end
        assertEquals(List.of("started 1", "evaluating 1 on 200", "evaluated 1", "finished 1",
                "started 2", "evaluating 2 on 200", "evaluated 2", "finished 2"), recorder.events);
    }

    @Test
    void validationAccuracyIsTheWholeValidationSetsAndLeavesTrainingAsItWas() {
        DataSet train = brightRow(310, 1);
        DataSet validation = brightRow(120, 5);
        DataSet test = brightRow(200, 2);
        ImageRNN model = tinyModel();
        Recorder recorder = new Recorder();
        TrainingHistory validated = new Trainer(2, 50, 0.01f, 42).fit(model, train, validation, test, recorder);
        TrainingHistory plain = new Trainer(2, 50, 0.01f, 42).fit(tinyModel(), train, test);

        for (int e = 0; e < 2; e++) {
            EpochResult with = validated.epochs().get(e);
            EpochResult without = plain.epochs().get(e);
            // measuring the validation set changes nothing of the training: the same costs and accuracies
            assertEquals(without.cost(), with.cost(), 0.0);
            assertEquals(without.train_accuracy(), with.train_accuracy(), 0.0);
            assertEquals(without.test_accuracy(), with.test_accuracy(), 0.0);
            assertTrue(Double.isNaN(without.validation_accuracy()) && !without.hasValidation());
            // a count over the 120 validation images
            assertTrue(with.hasValidation() && with.validation_accuracy() >= 0 && with.validation_accuracy() <= 1);
            assertEquals(Math.rint(with.validation_accuracy() * 120), with.validation_accuracy() * 120, 1e-4);
        }
        // the last epoch's figure is the trained model's accuracy on the whole validation set
        assertEquals(model.accuracy(validation.images(), validation.labels()), validated.last().validation_accuracy(), 0.0);
        // the evaluation events still bracket the test set's evaluation alone
        assertEquals(List.of("started 1", "evaluating 1 on 200", "evaluated 1", "finished 1",
                "started 2", "evaluating 2 on 200", "evaluated 2", "finished 2"), recorder.events);
    }

    @Test
    void refusesAnEmptyOrMisshapenValidationSet() {
        Trainer trainer = new Trainer(1, 50, 0.01f, 42);
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> trainer.fit(tinyModel(),
                brightRow(100, 1), new DataSet(new float[0], new int[0], 4, 4), brightRow(50, 2), ProgressListener.NONE));
        assertEquals("the validation set is empty: expected at least one image, or null for no validation set",
                empty.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> trainer.fit(tinyModel(),
                brightRow(100, 1), new DataSet(new float[8], new int[1], 2, 4), brightRow(50, 2), ProgressListener.NONE));
        assertEquals("the validation set's images are 2 × 4 (n_steps × n_inputs) but the model was built for 4 × 4",
                shape.getMessage());
    }

    @Test
    void sameSeedGivesIdenticalNumbers() {
        DataSet train = brightRow(200, 3);
        DataSet test = brightRow(100, 4);
        TrainingHistory first = new Trainer(2, 40, 0.01f, 5).fit(tinyModel(), train, test);
        TrainingHistory second = new Trainer(2, 40, 0.01f, 5).fit(tinyModel(), train, test);
        TrainingHistory other = new Trainer(2, 40, 0.01f, 6).fit(tinyModel(), train, test);
        for (int e = 0; e < 2; e++) {
            EpochResult a = first.epochs().get(e);
            EpochResult b = second.epochs().get(e);
            assertEquals(a.cost(), b.cost(), 0.0);
            assertEquals(a.train_accuracy(), b.train_accuracy(), 0.0);
            assertEquals(a.test_accuracy(), b.test_accuracy(), 0.0);
        }
        // another seed shuffles differently, so the batch costs differ
        assertTrue(first.epochs().get(0).cost() != other.epochs().get(0).cost());
    }

    @Test
    void rejectsImpossibleSettings() {
        IllegalArgumentException epochs = assertThrows(IllegalArgumentException.class, () -> new Trainer(0, 10, 0.001f, 1));
        assertTrue(epochs.getMessage().contains("epochs must be >= 1, got 0"), epochs.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Trainer(1, 0, 0.001f, 1));
        assertThrows(IllegalArgumentException.class, () -> new Trainer(1, 10, 0f, 1));
        assertThrows(IllegalArgumentException.class, () -> new Trainer(1, 10, Float.NaN, 1));
        DataSet train = brightRow(30, 1);
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(1, 31, 0.001f, 1).fit(tinyModel(), train, train));
        assertTrue(big.getMessage().contains("at most the 30 training images, got 31"), big.getMessage());
    }

    @Test
    void nanCostStopsWithEpochAndBatchAndOneHint() {
        DataSet good = brightRow(40, 1);
        ImageRNN model = tinyModel();
        model.dense().b().data[2] = Float.POSITIVE_INFINITY; // logits of +∞: the first batch cost is NaN
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new Trainer(2, 20, 0.5f, 1).fit(model, good, good));
        assertEquals("training stopped at epoch 1, batch 1 of 2: the batch cost is NaN: training diverged; the parameters"
                + " were not updated; try a smaller learning rate than 0.5 (the seed's is 0.001)", e.getMessage());
    }

    @Test
    void aHugeLearningRateStopsAtTheBatchWhereTheEpochsMeanCostPassesTheBound() {
        DataSet train = brightRow(310, 1);
        Recorder recorder = new Recorder();
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new Trainer(10, 50, 1e9f, 42).fit(tinyModel(), train, brightRow(100, 2), recorder));
        // batch 1 costs about ln 4 (the model is fresh); after one step of 1e9 the second costs millions
        assertEquals(List.of(1), recorder.started);
        assertEquals(1, recorder.costs.size(), recorder.costs.toString());
        assertEquals(Math.log(4), recorder.costs.get(0), 0.2);
        String message = e.getMessage();
        assertTrue(message.matches("training stopped at epoch 1, batch 2 of 6: training diverged: the mean batch cost of"
                + " the epoch so far is \\d\\.\\d{3}e\\+\\d+, above 13\\.86 = 10 × ln 4, 10 times the cost of predicting all 4"
                + " classes as equally likely; try a smaller learning rate than 1\\.0E9 \\(the seed's is 0\\.001\\)"), message);
        assertEquals(1, message.split("learning rate", -1).length - 1, "one hint: " + message);
    }

    @Test
    void learningRatesUpToAHundredthNeverTripTheBound() {
        DataSet train = brightRow(310, 1);
        for (float learning_rate : new float[] {1e-4f, 1e-3f, 3e-3f, 1e-2f}) {
            Recorder recorder = new Recorder();
            new Trainer(4, 25, learning_rate, 42).fit(tinyModel(), train, brightRow(100, 2), recorder);
            double largest = recorder.costs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue(largest < 0.2 * new Divergence(4).bound(), learning_rate + ": largest batch cost " + largest);
        }
    }

    @Test
    void theBoundIsTenTimesTheCostOfPredictingUniformly() {
        Divergence mnist = new Divergence(10);
        assertEquals(23.02585093, mnist.bound(), 1e-8); // 10 · ln 10
        assertTrue(!mnist.diverged(23.0) && mnist.diverged(23.03));
        assertTrue(!mnist.diverged(Double.NaN), "NaN is caught by trainStep, with its own message");
    }

    @Test
    void anEmptyTestSetIsRefusedBeforeTheFirstEpoch() {
        DataSet empty = new DataSet(new float[0], new int[0], 4, 4);
        Recorder recorder = new Recorder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(1, 10, 0.01f, 1).fit(tinyModel(), brightRow(30, 1), empty, recorder));
        assertEquals("the test set is empty: fit measures the model on it after every epoch; expected at least one"
                + " test image", e.getMessage());
        assertEquals(List.of(), recorder.started);
        e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(1, 10, 0.01f, 1).fit(tinyModel(), empty, brightRow(30, 1)));
        assertEquals("the training set is empty; expected at least one image", e.getMessage());
    }

    @Test
    void aTestSetTheModelCannotReadIsRefusedBeforeTheFirstEpoch() {
        DataSet wide = new DataSet(new float[2 * 4 * 5], new int[] {0, 1}, 4, 5);
        Recorder recorder = new Recorder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(1, 10, 0.01f, 1).fit(tinyModel(), brightRow(30, 1), wide, recorder));
        assertEquals("the test set's images are 4 × 5 (n_steps × n_inputs) but the model was built for 4 × 4",
                e.getMessage());
        DataSet digits = new DataSet(new float[2 * 16], new int[] {3, 9}, 4, 4);
        e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(1, 10, 0.01f, 1).fit(tinyModel(), brightRow(30, 1), digits, recorder));
        assertEquals("the test set's label 1 is 9, outside the model's classes [0, 4)", e.getMessage());
        assertEquals(List.of(), recorder.started);
    }

    @Test
    void seedFormatPrintsTheSeedsTenEpochs() {
        // (avg_cost, correct of the last 150-image batch, correct of the 10,000 test images) of the seed's run
        double[] costs = {0.512163897, 0.206084174, 0.159465483, 0.133277364, 0.122922636,
                0.106411702, 0.100989035, 0.089291672, 0.083972478, 0.083262836};
        int[] train_correct = {142, 144, 148, 146, 146, 145, 145, 149, 148, 148};
        int[] test_correct = {9265, 9477, 9590, 9529, 9576, 9624, 9702, 9682, 9721, 9749};
        String[] seed = {
                "Epoch: 0001 cost= 0.512163897\nTrain Accuracy:  0.946667   Test Accuracy:  0.9265",
                "Epoch: 0002 cost= 0.206084174\nTrain Accuracy:  0.96   Test Accuracy:  0.9477",
                "Epoch: 0003 cost= 0.159465483\nTrain Accuracy:  0.986667   Test Accuracy:  0.959",
                "Epoch: 0004 cost= 0.133277364\nTrain Accuracy:  0.973333   Test Accuracy:  0.9529",
                "Epoch: 0005 cost= 0.122922636\nTrain Accuracy:  0.973333   Test Accuracy:  0.9576",
                "Epoch: 0006 cost= 0.106411702\nTrain Accuracy:  0.966667   Test Accuracy:  0.9624",
                "Epoch: 0007 cost= 0.100989035\nTrain Accuracy:  0.966667   Test Accuracy:  0.9702",
                "Epoch: 0008 cost= 0.089291672\nTrain Accuracy:  0.993333   Test Accuracy:  0.9682",
                "Epoch: 0009 cost= 0.083972478\nTrain Accuracy:  0.986667   Test Accuracy:  0.9721",
                "Epoch: 0010 cost= 0.083262836\nTrain Accuracy:  0.986667   Test Accuracy:  0.9749"};
        for (int e = 0; e < 10; e++) {
            // accuracies as TF computes them: a float32 mean of 0/1 values
            EpochResult r = new EpochResult(e + 1, costs[e], (float) train_correct[e] / 150,
                    (float) test_correct[e] / 10000, 30);
            assertEquals(seed[e], EpochPrinter.seedFormat(r));
        }
    }

    @Test
    void costHasNineDecimalsRoundedLikePython() {
        assertEquals("Epoch: 0012 cost= 2.302585093\nTrain Accuracy:  0.1   Test Accuracy:  0.0",
                EpochPrinter.seedFormat(new EpochResult(12, Math.log(10), 0.1f, 0f, 1)));
        // "{:.9f}".format(1/3) == '0.333333333'; format(0.5) == '0.500000000'
        assertTrue(EpochPrinter.seedFormat(new EpochResult(1, 1.0 / 3, 1, 1, 1)).startsWith("Epoch: 0001 cost= 0.333333333\n"));
        assertTrue(EpochPrinter.seedFormat(new EpochResult(1, 0.5, 1, 1, 1)).endsWith("Train Accuracy:  1.0   Test Accuracy:  1.0"));
        // 0.1234567895 is stored as 0.12345678949999999...: Python prints 0.123456789
        assertTrue(EpochPrinter.seedFormat(new EpochResult(1, 0.1234567895, 1, 1, 1)).contains("cost= 0.123456789\n"));
    }

    @Test
    void thePrinterAddsTheEvaluationTimeAfterTheSeedsTwoLines() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EpochPrinter printer = new EpochPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                ProgressListener.NONE);
        printer.epochStarted(1, 366);
        printer.evaluationStarted(1, 10_000);
        printer.evaluationFinished(1, 0.34);
        printer.epochFinished(new EpochResult(1, 0.512163897, 142f / 150, 0.9265f, 24.71));
        assertEquals("Epoch: 0001 cost= 0.512163897\nTrain Accuracy:  0.946667   Test Accuracy:  0.9265\n"
                + "Epoch time: 24.7 s, test evaluation 0.3 s\n", bytes.toString(StandardCharsets.UTF_8));
        // a listener that reports no evaluation gets the time line as it was
        assertEquals("Epoch time: 1.5 s", EpochPrinter.timeLine(1.5, Double.NaN));
    }

    @Test
    void float32StrLikeTheSeedsNumpy() {
        assertEquals("0.946667", rnn.NumpyFormat.scalar(142f / 150));
        assertEquals("0.96", rnn.NumpyFormat.scalar(0.96f));
        assertEquals("1.0", rnn.NumpyFormat.scalar(1f));
        assertEquals("0.0", rnn.NumpyFormat.scalar(0f));
        assertEquals("0.0001", rnn.NumpyFormat.scalar(1f / 10000));
        assertEquals("1e-05", rnn.NumpyFormat.scalar(1e-5f));
        assertEquals("1.23457e+08", rnn.NumpyFormat.scalar(123456789f));
        assertEquals("123457.0", rnn.NumpyFormat.scalar(123456.7f));
        assertEquals("nan", rnn.NumpyFormat.scalar(Float.NaN));
    }

    /** Records every event. */
    private static final class Recorder implements ProgressListener {
        final List<Integer> started = new ArrayList<>();
        final List<Double> costs = new ArrayList<>();
        final List<EpochResult> finished = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        int total_batches;

        @Override
        public void epochStarted(int epoch, int total_batches) {
            started.add(epoch);
            events.add("started " + epoch);
            this.total_batches = total_batches;
        }

        @Override
        public void evaluationStarted(int epoch, int test_size) {
            events.add("evaluating " + epoch + " on " + test_size);
        }

        @Override
        public void evaluationFinished(int epoch, double seconds) {
            assertTrue(seconds >= 0);
            events.add("evaluated " + epoch);
        }

        @Override
        public void batchFinished(int epoch, int batch, int total_batches, double cost) {
            assertEquals(costs.size() % total_batches + 1, batch);
            costs.add(cost);
        }

        @Override
        public void epochFinished(EpochResult r) {
            finished.add(r);
            events.add("finished " + r.epoch());
        }
    }
}
