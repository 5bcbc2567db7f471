package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rnn.mnist.RealMnist;

/**
 * The acceptance run of the command line: `train --epochs 1` with every other setting at the seed's
 * (150 neurons, batch 150, Adam 0.001, all 55,000 training images) reaches a test accuracy of at least
 * 0.90 (the seed's first epoch: 0.9265).
 */
class TrainOneEpochTest {
    private static final Pattern EPOCH = Pattern.compile(
            "Epoch: 0001 cost= (\\d+\\.\\d{9})\nTrain Accuracy:  (\\S+)   Test Accuracy:  (\\S+)\n");

    @Test
    void oneEpochOnAllTrainingImagesReachesNinetyPercent() {
        String data = RealMnist.directoryOrSkip().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", "--epochs", "1", "--data", data},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.startsWith("Training on 55000 images (test 10000)"), printed);
        Matcher m = EPOCH.matcher(printed);
        assertTrue(m.find(), printed);
        double cost = Double.parseDouble(m.group(1));
        double test_accuracy = Double.parseDouble(m.group(3));
        assertTrue(cost > 0.3 && cost < 0.8, "the seed's first epoch cost 0.512; got " + cost);
        assertTrue(test_accuracy >= 0.90, "test accuracy after one epoch: " + test_accuracy);
        assertTrue(printed.endsWith("Training Finished!!!\n"), printed);
    }
}
