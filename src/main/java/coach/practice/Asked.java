package coach.practice;

import java.time.Instant;

/** A question put to a user, and what became of it. */
public record Asked(long id, long userId, String questionId, String topic, Instant askedAt, Status status,
                    Integer score, Integer rating) {

    /** Where the question stands. */
    public enum Status { OPEN, ANSWERED, SKIPPED, CLOSED }

    public boolean awaitsRating() {
        return rating == null && (status == Status.ANSWERED || status == Status.SKIPPED);
    }
}
