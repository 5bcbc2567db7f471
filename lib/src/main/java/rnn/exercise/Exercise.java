package rnn.exercise;

import java.util.function.Function;

/**
 * One exercise of a notebook: its number ("1.1"), the kind of answer it expects ({@code type}, described to the
 * student as {@code what}, e.g. "a number"), and the judge that compares an answer of that type with what the
 * notebook's own objects give. The judge may assume a non-null answer of the right type: {@link #verdict} has
 * already dealt with a blank answer, an answer of another kind, and code that throws.
 */
public final class Exercise<T> {
    private final String id;
    private final Class<T> type;
    private final String what;
    private final Function<T, Verdict> judge;

    public Exercise(String id, Class<T> type, String what, Function<T, Verdict> judge) {
        if (id == null || id.isBlank() || type == null || what == null || judge == null) {
            throw new IllegalArgumentException("an exercise needs an id, an answer type, a description of the answer"
                    + " and a judge, but was given id = " + id + ", type = " + type + ", what = " + what
                    + ", judge = " + judge);
        }
        this.id = id;
        this.type = type;
        this.what = what;
        this.judge = judge;
    }

    public String id() {
        return id;
    }

    /** Runs the student's code and judges what it returns; never throws. */
    public Verdict verdict(Answer<?> answer) {
        if (answer == null) {
            return Verdict.notDoneYet();
        }
        Object value;
        try {
            value = answer.get();
        } catch (Exception | StackOverflowError | AssertionError e) {
            return Verdict.notRightYet("your code stopped with " + Trouble.inWords(e));
        }
        if (value == null) {
            return Verdict.notDoneYet();
        }
        if (!type.isInstance(value)) {
            return Verdict.notRightYet("the answer should be " + what + ", but yours is " + Trouble.kindOf(value) + ".");
        }
        try {
            return judge.apply(type.cast(value));
        } catch (RuntimeException e) {
            return Verdict.notRightYet("your answer could not be compared: " + Trouble.inWords(e));
        }
    }
}
