package rnn.exercise;

import java.util.List;
import java.util.Locale;

import rnn.mnist.DataSet;
import rnn.model.ImageRNN;
import rnn.train.EpochResult;
import rnn.train.TrainingHistory;

/**
 * The exercises of notebook 5, the MNIST classifier, judged against the notebook's own trained model, test set and
 * training history:
 * <ul>
 *   <li>5.1 the test accuracy on the images of one digit, {@link #DIGIT}: a number, a fraction;</li>
 *   <li>5.2 the epoch that early stopping on the validation images would keep: a 1-based epoch number.</li>
 * </ul>
 */
public final class MnistExercises {
    /** 5.1: the digit whose images are counted. */
    public static final int DIGIT = 8;
    private static final double SAME = 1e-6;

    private MnistExercises() {
    }

    public static Exercises of(ImageRNN model, DataSet test, TrainingHistory history) {
        return new Exercises(
                new Exercise<>("5.1", Number.class, "a number, the fraction of the digit's images recognised",
                        answer -> digitAccuracy(answer.doubleValue(), model.predict(test.images()), test.labels())),
                new Exercise<>("5.2", Number.class, "an epoch number (an int, counted from 1)",
                        answer -> earlyStopping(answer, history.epochs())));
    }

    private static Verdict digitAccuracy(double answer, int[] predicted, int[] labels) {
        int images = 0;
        int recognised = 0;
        int predictedAsDigit = 0;
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            images += labels[i] == DIGIT ? 1 : 0;
            recognised += labels[i] == DIGIT && predicted[i] == DIGIT ? 1 : 0;
            predictedAsDigit += predicted[i] == DIGIT ? 1 : 0;
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        double right = (double) recognised / images;
        if (Math.abs(answer - right) <= SAME) {
            return Verdict.right(String.format(Locale.ROOT, "%d of the %d test images of the digit %d are recognised, against"
                    + " %.4f over all digits. One number per class says more than the overall accuracy: which digits"
                    + " does the model confuse? (The pictures of its mistakes, above, show some.)", recognised, images,
                    DIGIT, (double) correct / labels.length));
        }
        if (answer == recognised) {
            return Verdict.notRightYet("that is a count; the accuracy is a fraction between 0 and 1.");
        }
        if (Math.abs(answer - (double) correct / labels.length) <= SAME) {
            return Verdict.notRightYet("that is the accuracy over all 10,000 test images. Keep only the images whose"
                    + " true label is " + DIGIT + ".");
        }
        if (predictedAsDigit > 0 && Math.abs(answer - (double) recognised / predictedAsDigit) <= SAME) {
            return Verdict.notRightYet("that is the share of right answers among the images the model predicts as "
                    + DIGIT + ". Count among the images whose true label (test.labels()) is " + DIGIT + " instead.");
        }
        if (!(answer >= 0 && answer <= 1)) {
            return Verdict.notRightYet("an accuracy is a fraction between 0 and 1; yours is " + answer + ".");
        }
        return Verdict.notRightYet("among the test images whose label is " + DIGIT + ", count those the model predicts"
                + " as " + DIGIT + " (model.predict(X_test)), and divide by the number of those images; divide as"
                + " doubles, not ints.");
    }

    private static Verdict earlyStopping(Number answer, List<EpochResult> epochs) {
        Verdict notACount = Checks.notACount(answer);
        if (notACount != null || answer.doubleValue() < 1 || answer.doubleValue() > epochs.size()) {
            return Verdict.notRightYet("an epoch is a whole number from 1 to " + epochs.size() + "; yours is " + answer
                    + ".");
        }
        if (!epochs.get(0).hasValidation()) {
            return Verdict.notRightYet("this training measured no validation set; train with"
                    + " trainer.fit(model, train, validation, test, ...) as the notebook does, then answer.");
        }
        int epoch = answer.intValue();
        EpochResult chosen = epochs.get(epoch - 1);
        EpochResult bestValidation = best(epochs, true);
        EpochResult bestTest = best(epochs, false);
        if (chosen.validation_accuracy() == bestValidation.validation_accuracy()) {
            String measured = String.format(Locale.ROOT, "Epoch %d has the best validation accuracy, %.4f; its test"
                    + " accuracy, %.4f, is the figure to report, measured once.", epoch,
                    chosen.validation_accuracy(), chosen.test_accuracy());
            if (bestTest.test_accuracy() == chosen.test_accuracy()) {
                return Verdict.right(measured + " Here the test set would have picked the same epoch; it need not,"
                        + " and choosing by it would tune the model to the very images that are meant to judge it.");
            }
            return Verdict.right(measured + String.format(Locale.ROOT, " The best test accuracy of the run, %.4f at"
                    + " epoch %d, is no fair figure: choosing by it would tune the model to the test set.",
                    bestTest.test_accuracy(), bestTest.epoch()));
        }
        if (chosen.test_accuracy() == bestTest.test_accuracy()) {
            return Verdict.notRightYet("that epoch is the best on the test set. Early stopping must not look at the"
                    + " test set, or the test accuracy stops being a fair estimate: choose by validation_accuracy().");
        }
        if (epoch == epochs.size()) {
            return Verdict.notRightYet("that is the last epoch. Is its validation accuracy the highest of all?");
        }
        return Verdict.notRightYet("look at validation_accuracy() of every epoch in history.epochs() and keep the"
                + " epoch() where it is highest.");
    }

    /** The first epoch with the highest validation (or test) accuracy. */
    private static EpochResult best(List<EpochResult> epochs, boolean validation) {
        EpochResult best = epochs.get(0);
        for (EpochResult r : epochs) {
            double a = validation ? r.validation_accuracy() : r.test_accuracy();
            double b = validation ? best.validation_accuracy() : best.test_accuracy();
            if (a > b) {
                best = r;
            }
        }
        return best;
    }
}
