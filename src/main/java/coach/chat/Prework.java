package coach.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The slow part of answering one event, done before its transaction opens: an answer graded, a picture drawn,
 * banks read from disk. The transaction checks that what was worked out still matches the stored state, and
 * throws {@link Stale} when it does not, so that the work is done again and nothing slow ever runs under the
 * database's lock.
 */
public final class Prework {

    /** How many times an event is worked out before a changing state earns the user an apology instead. */
    static final int ATTEMPTS = 3;

    private final FloodGuard.Verdict verdict;
    private final int attempt;
    private final Map<Class<?>, Object> results = new HashMap<>();
    private RuntimeException failure;

    Prework(FloodGuard.Verdict verdict, int attempt) {
        this.verdict = verdict;
        this.attempt = attempt;
    }

    /** For a turn that has no slow work: nothing worked out ahead. */
    static Prework none() {
        return new Prework(FloodGuard.Verdict.ANSWER, ATTEMPTS);
    }

    FloodGuard.Verdict verdict() {
        return verdict;
    }

    int attempt() {
        return attempt;
    }

    /** The same event worked out again: same flood verdict, next attempt, no results yet. */
    Prework next() {
        return new Prework(verdict, attempt + 1);
    }

    void failed(RuntimeException e) {
        failure = e;
    }

    /** The pre-step's failure, answered in the transaction like any other. */
    RuntimeException failure() {
        return failure;
    }

    /** Keeps a result for the transaction, one per type. */
    public <T> void put(T result) {
        results.put(result.getClass(), result);
    }

    /** The result of the given type, if the pre-step produced one. */
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(results.get(type)));
    }

    /** The result of the given type when it satisfies {@code fits}; otherwise the pre-step saw another state. */
    public <T> T require(Class<T> type, Predicate<T> fits) {
        return find(type).filter(fits).orElseThrow(Stale::new);
    }

    /**
     * The stored state changed between the pre-step and the transaction: the transaction's changes are undone and
     * the event is worked out again from the state as it now is.
     */
    public static final class Stale extends RuntimeException {
        Stale() {
            super("the state changed since the event's slow work was done", null, false, false);
        }
    }
}
