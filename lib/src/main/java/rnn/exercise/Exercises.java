package rnn.exercise;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A notebook's exercises, checked from its cells: {@code exercises.check("1.1", () -> my_answer())} prints one line,
 * "right", "not right yet" with a hint, or "not done yet". A check never throws and never prints a stack trace.
 */
public final class Exercises {
    private final Map<String, Exercise<?>> byId = new LinkedHashMap<>();

    public Exercises(Exercise<?>... exercises) {
        for (Exercise<?> exercise : exercises) {
            if (byId.put(exercise.id(), exercise) != null) {
                throw new IllegalArgumentException("two exercises have the number " + exercise.id());
            }
        }
    }

    /** Prints the verdict on {@code answer} for exercise {@code id}. */
    public void check(String id, Answer<?> answer) {
        System.out.println(message(id, answer));
    }

    /** The line {@link #check} prints. */
    public String message(String id, Answer<?> answer) {
        Exercise<?> exercise = byId.get(id);
        if (exercise == null) {
            return "There is no exercise " + id + " in this notebook; its exercises are " + String.join(", ", byId.keySet()) + ".";
        }
        return exercise.verdict(answer).message(id);
    }

    /** The verdict on {@code answer} for exercise {@code id}; the tests use it. */
    public Verdict verdict(String id, Answer<?> answer) {
        Exercise<?> exercise = byId.get(id);
        if (exercise == null) {
            throw new IllegalArgumentException("there is no exercise " + id + "; the exercises are " + byId.keySet());
        }
        return exercise.verdict(answer);
    }
}
