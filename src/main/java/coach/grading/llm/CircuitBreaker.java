package coach.grading.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Skips the model after a run of failed requests: {@code threshold} failures in a row open it for {@code openFor};
 * then one request is let through as a trial, which closes it on success and opens it again on failure.
 */
final class CircuitBreaker {

    static final int THRESHOLD = 3;
    static final Duration OPEN_FOR = Duration.ofMinutes(1);

    private final Clock clock;
    private final int threshold;
    private final Duration openFor;
    private int failures;
    private Instant openUntil = Instant.MIN;
    private boolean trialRunning;

    CircuitBreaker(Clock clock) {
        this(clock, THRESHOLD, OPEN_FOR);
    }

    CircuitBreaker(Clock clock, int threshold, Duration openFor) {
        this.clock = clock;
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Whether a request may go to the model now; after the open minute, only the one trial may. */
    synchronized boolean allows() {
        if (failures < threshold) {
            return true;
        }
        if (trialRunning || clock.instant().isBefore(openUntil)) {
            return false;
        }
        trialRunning = true;
        return true;
    }

    /** Whether {@link #allows()} would let a request through, without claiming the trial. */
    synchronized boolean closedOrDue() {
        return failures < threshold || !trialRunning && !clock.instant().isBefore(openUntil);
    }

    synchronized void success() {
        failures = 0;
        trialRunning = false;
    }

    synchronized void failure() {
        failures++;
        trialRunning = false;
        if (failures >= threshold) {
            openUntil = clock.instant().plus(openFor);
        }
    }

    /** Keeps the model skipped for at least {@code wait}, as a server's {@code Retry-After} asks. */
    synchronized void holdOff(Duration wait) {
        failures = Math.max(failures, threshold);
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(openUntil)) {
            openUntil = until;
        }
    }
}
