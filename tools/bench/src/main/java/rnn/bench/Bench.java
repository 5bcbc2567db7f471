package rnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import rnn.model.CellType;
import rnn.model.ImageRNN;
import rnn.Activation;
import rnn.Init;
import rnn.Tensor3;
import rnn.linalg.Gemm;
import rnn.mnist.DataSet;
import rnn.mnist.Mnist;
import rnn.mnist.MnistFiles;
import rnn.train.EpochResult;
import rnn.train.Trainer;

/**
 * The Java side of {@code scripts/bench.sh}: trains the seed's MNIST classifier (28 steps × 28 inputs,
 * 150 tanh units, dense 150→10, batch 150, Adam 0.001) with {@link Trainer}, or with {@code --layers},
 * {@code --neurons} and {@code --activation} the chapter's deep RNN (the command line's {@code train}
 * model: the final states of all layers fed to the dense layer), or with {@code --cell lstm} or {@code gru} a
 * stack of gated cells (the top layer's final h fed to the dense layer, as the chapter's LSTM and PyTorch's
 * script build it), and reports, one {@code key=value} per line,
 * <ul>
 *   <li>{@code train_seconds}: one epoch of 366 shuffled batches (as PyTorch's script prints it),</li>
 *   <li>{@code cost}, {@code test_accuracy}: that epoch's numbers, to see the speed changed nothing,</li>
 *   <li>{@code inference_seconds}: the logits of the 10,000 test images, once more after the epoch,</li>
 *   <li>{@code peak_rss_mib}: the process's peak resident memory (VmHWM), or the JVM's heap in use where
 *       /proc is missing.</li>
 * </ul>
 * usage: {@code java -cp rnn-notebooks.jar:bench.jar rnn.bench.Bench [--data DIR] [--epochs N] [--seed S]
 * [--cell basic|lstm|gru] [--layers N] [--neurons H] [--activation tanh|relu]}
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        Path data = null;
        int epochs = 1;
        long seed = 42; // the command line's default, so the bench's epoch is `train`'s first epoch
        int n_layers = 1;
        int n_neurons = 150;
        Activation activation = Activation.TANH;
        CellType cell = CellType.BASIC;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(required(args[i], value));
                case "--epochs" -> epochs = Integer.parseInt(required(args[i], value));
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--layers" -> n_layers = Integer.parseInt(required(args[i], value));
                case "--neurons" -> n_neurons = Integer.parseInt(required(args[i], value));
                case "--activation" -> activation = Activation.named(required(args[i], value));
                case "--cell" -> cell = CellType.named(required(args[i], value));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; expected --data DIR, --epochs N, --seed S, --cell C, --layers N, --neurons H"
                        + " or --activation F");
            }
            i++;
        }
        // BatchSplit first: where it splits the batch it holds the BLAS to one thread, which describe() then says
        int threads = rnn.fast.BatchSplit.count();
        String blasThreads = System.getenv("OPENBLAS_NUM_THREADS");
        System.out.println("gemm=" + Gemm.describe() + "; backend=" + Gemm.backend()
                + ", OPENBLAS_NUM_THREADS=" + (blasThreads == null ? "unset" : blasThreads)
                + ", cores=" + Runtime.getRuntime().availableProcessors() + ", threads sharing a batch=" + threads
                + ", model=" + n_layers + " layer(s) of " + n_neurons + " "
                + (cell.hasActivation() ? activation : cell.toString()));
        Mnist mnist = Mnist.load(data != null ? data : MnistFiles.directory());
        DataSet train = mnist.train();
        DataSet test = mnist.test();
        ImageRNN model = cell.imageRNN(28, 28, n_layers, n_neurons, activation, 10, new Init(seed));
        Trainer trainer = new Trainer(epochs, 150, 0.001f, seed);
        trainer.fit(model, train, test, new rnn.train.ProgressListener() {
            @Override
            public void epochFinished(EpochResult r) {
                System.out.printf(Locale.ROOT, "epoch %d cost=%.6f test_accuracy=%.4f train_seconds=%.2f%n",
                        r.epoch(), r.cost(), r.test_accuracy(), r.seconds());
            }
        });
        Tensor3 X_test = test.images();
        long start = System.nanoTime();
        model.logits(X_test);
        System.out.printf(Locale.ROOT, "inference_seconds=%.3f (%d test images)%n",
                (System.nanoTime() - start) / 1e9, X_test.dim(0));
        System.out.printf(Locale.ROOT, "peak_rss_mib=%.0f%n", peakMemoryMiB());
    }

    private static String required(String option, String value) {
        if (value == null) throw new IllegalArgumentException(option + " needs a value");
        return value;
    }

    /** VmHWM of /proc/self/status (kB), or the heap in use when that file is missing (not Linux). */
    static double peakMemoryMiB() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
    }
}
