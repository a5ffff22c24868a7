package coach.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodGuardTest {

    private final FloodGuard guard = new FloodGuard();

    private List<FloodGuard.Verdict> burst(long user, int events, long atMillis) {
        List<FloodGuard.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            verdicts.add(guard.check(user, atMillis));
        }
        return verdicts;
    }

    @Test
    void twentyAnswersThenOneWarningThenSilence() {
        List<FloodGuard.Verdict> verdicts = burst(1, 25, 1000);
        assertEquals(List.of(FloodGuard.Verdict.ANSWER), verdicts.subList(0, 20).stream().distinct().toList());
        assertEquals(FloodGuard.Verdict.WARN, verdicts.get(20));
        assertEquals(List.of(FloodGuard.Verdict.IGNORE), verdicts.subList(21, 25).stream().distinct().toList());
    }

    @Test
    void theWindowClearsAfterAMinuteAndTheWarningCanComeAgain() {
        burst(1, 21, 0);
        assertEquals(45, guard.secondsUntilRoom(1, 15_000));
        assertEquals(FloodGuard.Verdict.IGNORE, guard.check(1, 59_999));
        assertEquals(FloodGuard.Verdict.ANSWER, guard.check(1, 60_000));
        assertEquals(FloodGuard.Verdict.WARN, burst(1, 20, 60_001).get(19));
    }

    @Test
    void pressesAreCountedApartFromMessagesAgainstAHigherLimit() {
        burst(1, 20, 0);
        for (int i = 0; i < FloodGuard.PRESS_LIMIT; i++) {
            assertEquals(FloodGuard.Verdict.ANSWER, guard.check(1, 0, true));
        }
        assertEquals(FloodGuard.Verdict.IGNORE, guard.check(1, 0, true));
        assertEquals(FloodGuard.Verdict.WARN, guard.check(1, 0), "the message notice is still due once");
    }

    @Test
    void aGuardThatIsOffAnswersEverything() {
        FloodGuard off = FloodGuard.off();
        for (int i = 0; i < 500; i++) {
            assertEquals(FloodGuard.Verdict.ANSWER, off.check(1, 0));
        }
    }

    @Test
    void eachPersonHasTheirOwnWindow() {
        burst(1, 30, 0);
        assertEquals(FloodGuard.Verdict.ANSWER, guard.check(2, 0));
    }

    @Test
    void manyPeopleWithinOneWindowAreSweptOncePerIntervalAndQuietOnesForgotten() {
        int people = FloodGuard.FORGET_ABOVE + 500;
        for (int user = 0; user < people; user++) {
            guard.check(user, 1_000);
        }
        for (int user = 0; user < 2_000; user++) {
            guard.check(user, 2_000);
        }
        assertEquals(1, guard.sweeps(), "everyone is still in the window: one sweep, not one per message");
        assertEquals(people, guard.remembered());
        guard.check(1, 1_000 + FloodGuard.WINDOW_MILLIS);
        assertEquals(2, guard.sweeps());
        assertEquals(2_000, guard.remembered(), "those quiet for a minute are forgotten");
    }
}
