package coach.pending;

import java.time.Instant;
import java.util.Objects;

/**
 * An answer waiting for the model: who sent it where, the question and the answer, and which flow applies the grade
 * with its place in that flow ({@code askedId} for practice, {@code mockId} and {@code position} for a mock).
 * {@code id} is 0 until it is stored.
 */
public record PendingGrading(long id, long userId, long chatId, String questionId, String answer, String flow,
                             Long askedId, Long mockId, Integer position, Instant createdAt) {

    public PendingGrading {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A practice answer to the open question {@code askedId}. */
    public static PendingGrading practice(long userId, long chatId, String questionId, String answer, long askedId,
                                          Instant now) {
        return new PendingGrading(0, userId, chatId, questionId, answer, "practice", askedId, null, null, now);
    }

    /** A mock answer to the item at {@code position} of mock {@code mockId}. */
    public static PendingGrading mock(long userId, long chatId, String questionId, String answer, long mockId,
                                      int position, Instant now) {
        return new PendingGrading(0, userId, chatId, questionId, answer, "mock", null, mockId, position, now);
    }
}
