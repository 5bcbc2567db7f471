package rnn.exercise;

/**
 * A student's answer, computed when the check asks for it, so that whatever the student's code throws is caught
 * by the check and said in words instead of a stack trace. A notebook passes it as a lambda:
 * {@code exercises.check("1.1", () -> y1_of_the_fourth_instance())}. {@code null} means "not done yet".
 */
@FunctionalInterface
public interface Answer<T> {
    T get() throws Exception;
}
