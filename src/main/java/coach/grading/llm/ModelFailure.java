package coach.grading.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a request to the model gave no usable verdicts. The message names the kind and, for HTTP errors, the status:
 * never the key, the prompt or the answer.
 */
public final class ModelFailure extends Exception {

    /** What went wrong; all of them are retried once, then the offline grader scores the answer. */
    public enum Kind {
        UNREACHABLE, TIMEOUT, SERVER_ERROR, RATE_LIMITED, CLIENT_ERROR, NOT_JSON, SCHEMA_MISMATCH, REFUSAL;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    ModelFailure(Kind kind, String detail) {
        this(kind, detail, null);
    }

    ModelFailure(Kind kind, String detail, Duration retryAfter) {
        super(kind.label() + (detail.isEmpty() ? "" : ": " + detail), null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the server asked us to wait (a 429's {@code Retry-After}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
