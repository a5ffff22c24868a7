package coach.pending;

import coach.bank.Question;
import coach.chat.Turn;
import coach.grading.llm.Graded;

/** A flow whose answers the model grades after their transaction: it applies each grade as it comes back. */
public interface GradedLater {

    /** The name its pending answers are stored under. */
    String name();

    /** Applies the grade of a pending answer, in the worker's transaction, as it would apply an offline grade. */
    void graded(Turn turn, PendingGrading pending, Question question, Graded graded);

    /** The pending answer's question left the banks before it could be graded. */
    void withdrawn(Turn turn, PendingGrading pending);
}
