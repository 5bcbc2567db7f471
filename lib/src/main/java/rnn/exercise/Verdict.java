package rnn.exercise;

/**
 * What a check says of an answer: right (with a remark that adds to what was learnt), not right yet (with a hint
 * that points at the mistake but never gives the answer), or not done yet (the blank cell).
 */
public record Verdict(Kind kind, String note) {

    public enum Kind { RIGHT, NOT_RIGHT_YET, NOT_DONE_YET }

    public Verdict {
        if (kind == null) {
            throw new IllegalArgumentException("a verdict needs a kind (RIGHT, NOT_RIGHT_YET or NOT_DONE_YET) but was given null");
        }
        note = note == null ? "" : note;
    }

    /** Right; {@code remark} may be empty. */
    public static Verdict right(String remark) {
        return new Verdict(Kind.RIGHT, remark);
    }

    /** Not right yet; {@code hint} says where to look, never what the answer is. */
    public static Verdict notRightYet(String hint) {
        return new Verdict(Kind.NOT_RIGHT_YET, hint);
    }

    public static Verdict notDoneYet() {
        return new Verdict(Kind.NOT_DONE_YET, "");
    }

    public boolean isRight() {
        return kind == Kind.RIGHT;
    }

    /** The line a check cell prints, e.g. "Exercise 1.1: not right yet. Hint: ...". */
    public String message(String id) {
        switch (kind) {
            case RIGHT:
                return "Exercise " + id + ": right." + (note.isEmpty() ? "" : " " + note);
            case NOT_RIGHT_YET:
                return "Exercise " + id + ": not right yet. Hint: " + note;
            default:
                return "Exercise " + id + ": not done yet. Write your answer in the cell above, run it, then run this"
                        + " cell again.";
        }
    }
}
