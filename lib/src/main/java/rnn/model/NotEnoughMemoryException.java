package rnn.model;

/**
 * A training run that cannot fit in this JVM's heap, or needs an array larger than Java allows; the message says
 * what is needed, what is available and how to get it ({@link MemoryEstimate#check}).
 */
public final class NotEnoughMemoryException extends RuntimeException {
    public NotEnoughMemoryException(String message) {
        super(message);
    }
}
