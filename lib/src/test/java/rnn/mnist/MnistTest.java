package rnn.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import rnn.Tensor3;

/** Runs only when ./build.sh has fetched MNIST into data/mnist (it does before the tests). */
class MnistTest {
    @Test
    void splitsLikeReadDataSets() {
        Mnist mnist = RealMnist.loadOrSkip();
        assertEquals(55_000, mnist.train().size());
        assertEquals(5_000, mnist.validation().size());
        assertEquals(10_000, mnist.test().size());
        assertEquals(28, mnist.train().n_steps());
        assertEquals(28, mnist.train().n_inputs());
    }

    @Test
    void trainStartsAtImage5000OfTheTrainingFile() {
        Mnist mnist = RealMnist.loadOrSkip();
        Idx raw_labels = Idx.readLabels(RealMnist.directoryOrSkip().resolve(MnistFiles.TRAIN_LABELS));
        Idx raw_images = Idx.readImages(RealMnist.directoryOrSkip().resolve(MnistFiles.TRAIN_IMAGES));
        assertEquals(raw_labels.unsigned(5000), mnist.train().label(0));
        assertEquals(raw_labels.unsigned(59_999), mnist.train().label(54_999));
        assertEquals(raw_labels.unsigned(0), mnist.validation().label(0));
        assertEquals(5, mnist.validation().label(0)); // MNIST's first training digit is a 5
        float[] expected = new float[784];
        for (int p = 0; p < 784; p++) expected[p] = raw_images.unsigned(5000 * 784 + p) / 255f;
        assertArrayEquals(expected, mnist.train().image(0));
    }

    @Test
    void testImagesAreScaledSequencesOfRows() {
        Mnist mnist = RealMnist.loadOrSkip();
        assertEquals(7, mnist.test().label(0)); // t10k's first digit is a 7
        Tensor3 X = mnist.test().images(0, 2);
        assertEquals(2, X.dim(0));
        assertEquals(28, X.dim(1));
        assertEquals(28, X.dim(2));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : mnist.test().images(0, 100).data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max); // some pixel of the first 100 test digits is 255
    }
}
