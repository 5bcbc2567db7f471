package rnn.mnist;

/**
 * The MNIST files are missing, corrupt or not in IDX format. The message names the file, what was
 * expected and what was found, and what to run to fetch the data again.
 */
public class MnistDataException extends RuntimeException {
    public MnistDataException(String message) {
        super(message);
    }

    public MnistDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
