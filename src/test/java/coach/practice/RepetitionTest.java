package coach.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RepetitionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void knownQuestionComesBackAfterOneThenSixDaysThenLonger() {
        Review first = Repetition.next(null, Rating.KNEW, DAY);
        assertEquals(DAY.plusDays(1), first.due());
        Review second = Repetition.next(first, Rating.KNEW, first.due());
        assertEquals(6, second.intervalDays());
        Review third = Repetition.next(second, Rating.KNEW, second.due());
        assertTrue(third.intervalDays() > 6, "grows: " + third.intervalDays());
    }

    @Test
    void notKnownComesBackTomorrowAndStartsOver() {
        Review good = Repetition.next(Repetition.next(null, Rating.KNEW, DAY), Rating.KNEW, DAY);
        Review bad = Repetition.next(good, Rating.DIDNT, DAY);
        assertEquals(0, bad.repetitions());
        assertEquals(DAY.plusDays(1), bad.due());
        assertTrue(bad.ease() < good.ease());
    }

    @Test
    void partlyKnownKeepsProgressButLowersEase() {
        Review first = Repetition.next(null, Rating.PARTLY, DAY);
        assertEquals(1, first.repetitions());
        assertTrue(first.ease() < Repetition.START_EASE);
    }

    @Test
    void easeNeverFallsBelowTheFloor() {
        Review r = null;
        for (int i = 0; i < 20; i++) {
            r = Repetition.next(r, Rating.DIDNT, DAY);
        }
        assertEquals(Repetition.MIN_EASE, r.ease(), 1e-9);
    }

    @Test
    void ratingCodesRoundTripAndRejectJunk() {
        for (Rating rating : Rating.values()) {
            assertEquals(rating, Rating.of(rating.code()).orElseThrow());
        }
        assertTrue(Rating.of("7").isEmpty());
        assertTrue(Rating.of("").isEmpty());
    }
}
