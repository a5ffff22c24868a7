package coach.grading.llm;

import coach.grading.Grade;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A grade and who scored it. {@code feedback} has one entry per key point, in bank order: the model's sentence for
 * that point, or empty where the offline verdict stands. {@code fromOffline} counts the points whose model verdict
 * was not used because its evidence was not in the answer. {@code budgetNotice} is set on the one reply of a user's
 * day that should say the daily model budget is spent.
 */
public record Graded(Grade grade, Scorer scorer, Reason reason, String detail, List<String> feedback, int fromOffline,
                     boolean budgetNotice) {

    /** Which grader's verdicts the score is computed from. */
    public enum Scorer {
        MODEL, OFFLINE
    }

    /** Why the offline grader scored the answer ({@code NONE} when the model did). */
    public enum Reason {
        NONE, NOT_CONFIGURED, UNAVAILABLE, CIRCUIT_OPEN, BUDGET_SPENT, MODEL_FAILED, UNTRUSTED, INTERRUPTED
    }

    public Graded {
        Objects.requireNonNull(grade, "grade");
        feedback = List.copyOf(feedback);
        if (feedback.size() != grade.points().size()) {
            throw new IllegalArgumentException("one feedback entry per key point");
        }
    }

    static Graded offline(Grade grade, Reason reason, String detail) {
        return new Graded(grade, Scorer.OFFLINE, reason, detail,
                Collections.nCopies(grade.points().size(), ""), 0, false);
    }

    Graded withBudgetNotice() {
        return new Graded(grade, scorer, reason, detail, feedback, fromOffline, true);
    }

    public boolean byModel() {
        return scorer == Scorer.MODEL;
    }

    /** One short line for an operator's terminal saying which grader scored the answer. */
    public String line() {
        if (byModel()) {
            return "graded by the model " + detail + (fromOffline == 0 ? ""
                    : " (" + fromOffline + " point(s) by the offline grader: the model's evidence is not in the answer)");
        }
        return "graded offline" + switch (reason) {
            case NONE, NOT_CONFIGURED -> "";
            case UNAVAILABLE -> ": the model did not answer at start-up";
            case CIRCUIT_OPEN -> ": the model failed repeatedly and is skipped for a minute";
            case BUDGET_SPENT -> ": today's model gradings are used up";
            case MODEL_FAILED -> ": the model failed (" + detail + ")";
            case UNTRUSTED -> ": the model's verdicts did not follow the rubric";
            case INTERRUPTED -> ": interrupted";
        };
    }
}
