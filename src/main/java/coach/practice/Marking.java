package coach.practice;

import coach.chat.Turn;
import coach.grading.Grade;
import coach.grading.llm.Graded;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A grade as a reply shows it: the grade, the line saying which grader scored it (empty when only the offline grader
 * is configured), and per key point in bank order the model's sentence of feedback (empty where it has none).
 */
public record Marking(Grade grade, String graderLine, List<String> notes) {

    public Marking {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(graderLine, "graderLine");
        notes = List.copyOf(notes);
        if (notes.size() != grade.points().size()) {
            throw new IllegalArgumentException("one note per key point");
        }
    }

    /** A grade of the offline grader, shown as it always was. */
    public static Marking offline(Grade grade) {
        return new Marking(grade, "", Collections.nCopies(grade.points().size(), ""));
    }

    /** A grade that came back from {@code grading.llm}, with the line on who scored it in the user's language. */
    public static Marking of(Turn turn, Graded graded) {
        return new Marking(graded.grade(), graderLine(turn, graded), graded.feedback());
    }

    private static String graderLine(Turn turn, Graded graded) {
        if (graded.budgetNotice()) {
            return turn.t("grader.budget.spent");
        }
        if (graded.byModel()) {
            return graded.fromOffline() == 0 ? turn.t("grader.model")
                    : turn.t("grader.model.partly", graded.fromOffline());
        }
        return turn.t(switch (graded.reason()) {
            case UNAVAILABLE -> "grader.offline.unavailable";
            case CIRCUIT_OPEN -> "grader.offline.circuit";
            case MODEL_FAILED -> "grader.offline.failed";
            case UNTRUSTED -> "grader.offline.untrusted";
            case NONE, NOT_CONFIGURED, BUDGET_SPENT, INTERRUPTED -> "grader.offline";
        });
    }
}
