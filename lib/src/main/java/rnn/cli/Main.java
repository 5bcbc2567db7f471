package rnn.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import rnn.Activation;
import rnn.Init;
import rnn.mnist.DataSet;
import rnn.mnist.Mnist;
import rnn.mnist.MnistDataException;
import rnn.mnist.MnistFiles;
import rnn.model.CellType;
import rnn.model.ImageRNN;
import rnn.model.MemoryEstimate;
import rnn.model.NotEnoughMemoryException;
import rnn.train.EpochPrinter;
import rnn.train.ProgressBar;
import rnn.train.ProgressListener;
import rnn.train.Trainer;

/**
 * {@code java -jar lib/target/rnn-notebooks.jar train [options]}: the seed's MNIST training run,
 * printed the way the seed prints it, with each epoch's time. Exit codes: 0 done, 1 missing or corrupt
 * data or a diverged training, 2 bad arguments.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = String.join("\n",
            "usage: java -jar lib/target/rnn-notebooks.jar train [options]",
            "       (the time series: java -jar lib/target/rnn-notebooks.jar time-series --help)",
            "Trains the seed's ImageRNN (each MNIST image a sequence of 28 rows of 28 pixels, one layer of",
            "recurrent neurons, a dense layer of 10 logits) with Adam, printing every epoch as the seed does.",
            "options:",
            "  --epochs N          number of epochs (default 10)",
            "  --batch-size B      images per mini-batch (default 150)",
            "  --cell C            the recurrent cell: basic, lstm (BasicLSTMCell, forget bias 1.0) or gru",
            "                      (default basic)",
            "  --layers N          recurrent layers stacked (MultiRNNCell); basic cells feed the final states",
            "                      of all of them to the dense layer, as the chapter's deep RNN, LSTM and GRU",
            "                      cells the top layer's final h, as the chapter's LSTM (default 1)",
            "  --neurons H         n_neurons of each recurrent layer (default 150)",
            "  --activation F      the basic cells' activation: tanh or relu (default tanh)",
            "  --learning-rate R   Adam's learning rate (default 0.001)",
            "  --seed S            seed of the initial weights and of the shuffles (default 42)",
            "  --data DIR          folder of the four MNIST IDX files (default: $MNIST_DIR, else the first",
            "                      data/mnist found upward from the working directory)",
            "  --train-limit N     train on the first N of the 55,000 training images (default all)",
            "  --help              print this message");

    /** The parsed command line. */
    record Options(int epochs, int batch_size, int n_neurons, float learning_rate, long seed, Path data,
                   int train_limit, int n_layers, Activation activation, CellType cell) {
        static final int ALL = 0;
    }

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line and returns the exit code instead of exiting. An OutOfMemoryError the size check
     * ({@link MemoryEstimate}) did not foresee ends as a message with the same advice, not a stack trace.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean series = args.length > 0 && args[0].equals(TimeSeriesCommand.NAME);
        try {
            return series ? TimeSeriesCommand.run(args, out, err) : parseAndTrain(args, out, err);
        } catch (OutOfMemoryError e) {
            err.println(outOfMemory(e, series ? TimeSeriesCommand.LARGER_HEAP : LARGER_HEAP));
            return FAILED;
        }
    }

    /** The error line for an OutOfMemoryError: the heap this JVM had, how to ask for twice that, or smaller settings. */
    static String outOfMemory(OutOfMemoryError e, String larger_heap) {
        return "error: out of memory (" + e.getMessage() + ") with a Java heap of at most "
                + MemoryEstimate.bytes(Runtime.getRuntime().maxMemory()) + "; start Java with a larger heap, e.g. "
                + String.format(Locale.ROOT, larger_heap, "-Xmx" + suggestedHeapAfterOutOfMemory() + "g")
                + ", or use a smaller " + SMALLER;
    }

    /** How a larger heap is asked for, {@code %1$s} the -Xmx option; for {@link MemoryEstimate#check}. */
    static final String LARGER_HEAP = "java %1$s -jar lib/target/rnn-notebooks.jar train ... "
            + "(for ./build.sh train: JAVA_TOOL_OPTIONS=%1$s ./build.sh train ...)";
    /** The options that make a run smaller. */
    static final String SMALLER = "--neurons or --batch-size";

    /** Twice the heap this JVM had, in whole GiB. */
    private static long suggestedHeapAfterOutOfMemory() {
        return Math.max(1, 2 * Runtime.getRuntime().maxMemory() / (1L << 30));
    }

    private static int parseAndTrain(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && isHelp(args[0])) {
            out.println(USAGE_TEXT);
            return OK;
        }
        Options options;
        try {
            options = parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (options == null) {
            out.println(USAGE_TEXT);
            return OK;
        }
        return train(options, out, err);
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    /** The options of a {@code train} command line, or null when it asks for {@code --help}. */
    static Options parse(String[] args) throws UsageException {
        if (args.length == 0) throw new UsageException("no command given; expected train or time-series");
        if (!args[0].equals("train")) throw new UsageException("unknown command '" + args[0] + "'; expected train or time-series");
        int epochs = 10;
        int batch_size = 150;
        int n_neurons = 150;
        float learning_rate = 0.001f;
        long seed = 42;
        Path data = null;
        int train_limit = Options.ALL;
        int n_layers = 1;
        Activation activation = Activation.TANH;
        boolean activation_given = false;
        CellType cell = CellType.BASIC;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (isHelp(flag)) return null;
            String value;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = null;
            }
            switch (flag) {
                case "--epochs" -> epochs = positiveInt(flag, value);
                case "--batch-size" -> batch_size = positiveInt(flag, value);
                case "--neurons" -> n_neurons = positiveInt(flag, value);
                case "--layers" -> n_layers = positiveInt(flag, value);
                case "--activation" -> {
                    activation = activation(flag, value);
                    activation_given = true;
                }
                case "--cell" -> cell = cellType(flag, value);
                case "--train-limit" -> train_limit = positiveInt(flag, value);
                case "--learning-rate" -> learning_rate = positiveFloat(flag, value);
                case "--seed" -> seed = wholeNumber(flag, value);
                case "--data" -> data = Path.of(required(flag, value));
                default -> throw new UsageException("unknown option '" + flag + "'");
            }
        }
        if (activation_given && !cell.hasActivation()) {
            throw new UsageException("--activation applies to basic cells only; the gates of " + cell
                    + " cells have fixed activations (drop --activation or use --cell basic)");
        }
        return new Options(epochs, batch_size, n_neurons, learning_rate, seed, data, train_limit, n_layers, activation,
                cell);
    }

    private static CellType cellType(String flag, String value) throws UsageException {
        try {
            return CellType.named(required(flag, value));
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " expects basic, lstm or gru, got '" + value + "'");
        }
    }

    private static Activation activation(String flag, String value) throws UsageException {
        try {
            return Activation.named(required(flag, value));
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + " expects tanh or relu, got '" + value + "'");
        }
    }

    static String required(String flag, String value) throws UsageException {
        if (value == null || value.isEmpty()) throw new UsageException(flag + " needs a value");
        return value;
    }

    static long wholeNumber(String flag, String value) throws UsageException {
        try {
            return Long.parseLong(required(flag, value));
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects a whole number, got '" + value + "'");
        }
    }

    static int positiveInt(String flag, String value) throws UsageException {
        long n = wholeNumber(flag, value);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new UsageException(flag + " expects a whole number >= 1, got " + value);
        }
        return (int) n;
    }

    static float positiveFloat(String flag, String value) throws UsageException {
        float x;
        try {
            x = Float.parseFloat(required(flag, value));
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " expects a number, got '" + value + "'");
        }
        if (Float.isInfinite(x)) {
            throw new UsageException(flag + " expects a number > 0 that float32 can hold, got " + value
                    + ", which overflows float32 to infinity (the largest float32 is " + Float.MAX_VALUE + ")");
        }
        if (x == 0 && !value.startsWith("-") && !value.matches("\\+?[0.]*([eE].*)?")) {
            throw new UsageException(flag + " expects a number > 0, got " + value + ", which rounds to 0 in float32"
                    + " (the smallest positive float32 is " + Float.MIN_VALUE + ")");
        }
        if (!(x > 0)) throw new UsageException(flag + " expects a number > 0, got " + value);
        return x;
    }

    /** Loads MNIST, trains and prints; returns the exit code. */
    static int train(Options options, PrintStream out, PrintStream err) {
        Mnist mnist;
        try {
            mnist = Mnist.load(options.data() != null ? options.data() : MnistFiles.directory());
        } catch (MnistDataException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
        DataSet train = mnist.train();
        if (options.train_limit() != Options.ALL) {
            if (options.train_limit() > train.size()) {
                return usage(err, "--train-limit must be at most the " + train.size() + " training images, got "
                        + options.train_limit());
            }
            train = train.limit(options.train_limit());
        }
        if (options.batch_size() > train.size()) {
            return usage(err, "--batch-size must be at most the " + train.size() + " training images, got "
                    + options.batch_size());
        }
        try {
            // the data sets held while training: MNIST's three, and the first train_limit images when limited
            long held = ((long) mnist.train().size() + mnist.validation().size() + mnist.test().size()
                    + (train == mnist.train() ? 0 : train.size())) * train.n_steps() * train.n_inputs();
            memoryEstimate(options, train, mnist.test().size(), held).check(Runtime.getRuntime().maxMemory(),
                    SMALLER, LARGER_HEAP);
        } catch (NotEnoughMemoryException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
        // one tanh layer is the seed's model; more layers are the chapter's deep RNN (every layer's states fed);
        // LSTM and GRU stacks feed the top layer's final h, as the chapter's LSTM
        ImageRNN model = options.cell().imageRNN(train.n_steps(), train.n_inputs(), options.n_layers(),
                options.n_neurons(), options.activation(), 10, new Init(options.seed()));
        Trainer trainer = new Trainer(options.epochs(), options.batch_size(), options.learning_rate(), options.seed());
        boolean seeds = options.cell() == CellType.BASIC && options.n_layers() == 1
                && options.activation() == Activation.TANH;
        String layers = seeds ? "n_neurons " + options.n_neurons() : "n_layers " + options.n_layers()
                + ", n_neurons " + options.n_neurons() + (options.cell() == CellType.BASIC
                ? ", activation " + options.activation() : ", cell " + options.cell());
        out.printf(Locale.ROOT, "Training on %d images (test %d): n_steps %d, n_inputs %d, %s, "
                        + "epochs %d, batch_size %d, learning_rate %s, seed %d%n",
                train.size(), mnist.test().size(), train.n_steps(), train.n_inputs(), layers,
                options.epochs(), options.batch_size(), options.learning_rate(), options.seed());
        ProgressListener bar = ProgressBar.forTerminal(options.epochs());
        try {
            trainer.fit(model, train, mnist.test(), new EpochPrinter(out, bar));
        } catch (ArithmeticException | IllegalArgumentException | NotEnoughMemoryException e) {
            if (bar instanceof ProgressBar drawn) drawn.erase(); // the error on a clean line, not after the bar
            err.println("error: " + e.getMessage());
            return FAILED;
        }
        out.println("Training Finished!!!");
        return OK;
    }

    /** What training with these options needs, the model not built yet. */
    static MemoryEstimate memoryEstimate(Options options, DataSet train, int test_size, long data_floats) {
        List<MemoryEstimate.Layer> layers = java.util.Collections.nCopies(options.n_layers(),
                new MemoryEstimate.Layer(options.cell(), options.n_neurons()));
        return MemoryEstimate.forTraining(train.n_steps(), train.n_inputs(), layers, options.cell().denseInput(), 10,
                options.batch_size(), test_size, data_floats);
    }

    private static int usage(PrintStream err, String message) {
        err.println("error: " + message);
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
