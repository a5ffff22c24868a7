package coach.grading.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.failure();
        }
    }

    @Test
    void failuresBelowTheThresholdKeepItClosed() {
        fail(2);
        breaker.success();
        fail(2);
        assertTrue(breaker.allows());
    }

    @Test
    void aRunOfFailuresOpensItForAMinuteThenLetsOneTrialThrough() {
        fail(3);
        assertFalse(breaker.allows());
        clock.advance(Duration.ofSeconds(59));
        assertFalse(breaker.allows());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(breaker.closedOrDue());
        assertTrue(breaker.allows(), "the trial");
        assertFalse(breaker.allows(), "only one trial at a time");
        breaker.failure();
        assertFalse(breaker.allows(), "a failed trial opens it again");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(breaker.allows());
        breaker.success();
        assertTrue(breaker.allows());
        assertTrue(breaker.allows());
    }

    @Test
    void holdingOffSkipsTheModelForTheServersWait() {
        breaker.holdOff(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(4));
        assertFalse(breaker.allows());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(breaker.allows());
    }
}
