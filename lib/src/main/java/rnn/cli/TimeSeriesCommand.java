package rnn.cli;

import java.io.PrintStream;
import java.util.Locale;

import rnn.Activation;
import rnn.Init;
import rnn.NumpyFormat;
import rnn.cli.Main.UsageException;
import rnn.model.TimeSeriesRNN;
import rnn.series.NaiveForecast;
import rnn.series.SeriesBatch;
import rnn.series.TimeSeries;
import rnn.train.SeriesTrainer;

/**
 * {@code java -jar lib/target/rnn-notebooks.jar time-series [options]}: the chapter's time-series run (notebook 08),
 * printed as the chapter prints it ({@code 1400 \tMSE: 0.041784383}), then the MSE on the chapter's test instance
 * beside the naive forecast's, and the training time. Exit codes as {@link Main}'s: 0 done, 1 a diverged training,
 * 2 bad arguments.
 */
final class TimeSeriesCommand {
    static final String NAME = "time-series";
    static final int N_STEPS = 20;

    static final String USAGE_TEXT = String.join("\n",
            "usage: java -jar lib/target/rnn-notebooks.jar time-series [options]",
            "Trains the chapter's RNN on the time series t*sin(t)/3 + 2*sin(5t): random windows of 20 steps, one layer",
            "of ReLU neurons with an output at every step through a dense layer, the MSE loss and Adam; prints the MSE",
            "every 100 iterations as the chapter does.",
            "options:",
            "  --iterations N      number of training iterations (default 1500)",
            "  --batch-size B      windows per mini-batch (default 50)",
            "  --neurons H         n_neurons of the recurrent layer (default 100)",
            "  --learning-rate R   Adam's learning rate (default 0.001)",
            "  --seed S            seed of the initial weights and of the windows (default 42)",
            "  --help              print this message");

    /** The parsed command line. */
    record Options(int n_iterations, int batch_size, int n_neurons, float learning_rate, long seed) {
    }

    private TimeSeriesCommand() {
    }

    /** Runs {@code time-series [options]} (args[0] is the command's name) and returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return Main.USAGE;
        }
        if (options == null) {
            out.println(USAGE_TEXT);
            return Main.OK;
        }
        return train(options, out, err);
    }

    /** The options after the command's name, or null when they ask for {@code --help}. */
    static Options parse(String[] args) throws UsageException {
        int n_iterations = 1500;
        int batch_size = 50;
        int n_neurons = 100;
        float learning_rate = 0.001f;
        long seed = 42;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) return null;
            String value = null;
            if (flag.startsWith("--") && flag.indexOf('=') > 0) { // --flag=value
                value = flag.substring(flag.indexOf('=') + 1);
                flag = flag.substring(0, flag.indexOf('='));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) { // --flag value
                value = args[++i];
            }
            switch (flag) {
                case "--iterations" -> n_iterations = Main.positiveInt(flag, value);
                case "--batch-size" -> batch_size = Main.positiveInt(flag, value);
                case "--neurons" -> n_neurons = Main.positiveInt(flag, value);
                case "--learning-rate" -> learning_rate = Main.positiveFloat(flag, value);
                case "--seed" -> seed = Main.wholeNumber(flag, value);
                default -> throw new UsageException("unknown option '" + flag + "' for " + NAME);
            }
        }
        return new Options(n_iterations, batch_size, n_neurons, learning_rate, seed);
    }

    /** Trains and prints; returns the exit code. */
    static int train(Options options, PrintStream out, PrintStream err) {
        out.printf(Locale.ROOT, "Training on the time series t*sin(t)/3 + 2*sin(5t): n_steps %d, n_neurons %d (relu), "
                        + "iterations %d, batch_size %d, learning_rate %s, seed %d%n", N_STEPS, options.n_neurons(),
                options.n_iterations(), options.batch_size(), options.learning_rate(), options.seed());
        TimeSeriesRNN model = new TimeSeriesRNN(N_STEPS, 1, options.n_neurons(), 1, Activation.RELU,
                new Init(options.seed()));
        long start = System.nanoTime();
        try {
            new SeriesTrainer(options.n_iterations(), options.batch_size(), options.learning_rate())
                    .fit(model, new TimeSeries(options.seed()), out);
        } catch (ArithmeticException e) {
            err.println("error: " + e.getMessage());
            return Main.FAILED;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        SeriesBatch instance = TimeSeries.window(TimeSeries.t_instance(N_STEPS));
        out.println("Test instance (t from " + TimeSeries.T_INSTANCE + "): MSE "
                + NumpyFormat.shortest(model.loss(instance.X(), instance.y()))
                + ", naive forecast (next value = last value): MSE " + NumpyFormat.shortest(NaiveForecast.mse(instance)));
        out.printf(Locale.ROOT, "Training time: %.1f s%n", seconds);
        return Main.OK;
    }
}
