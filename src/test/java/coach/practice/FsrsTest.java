package coach.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FSRS-5 with its default weights against values worked out by hand from the published formulas (see {@link Fsrs}):
 * each review happens on the day the previous one made due.
 */
class FsrsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    /** The intervals of a run of ratings, each given on the due day of the one before. */
    private static List<Integer> intervals(Rating... ratings) {
        List<Integer> intervals = new ArrayList<>();
        Review review = null;
        LocalDate today = DAY;
        for (Rating rating : ratings) {
            review = Fsrs.next(review, rating, today);
            intervals.add(review.intervalDays());
            today = review.due();
        }
        return intervals;
    }

    @Test
    void firstRatingTakesTheInitialStabilityAndDifficulty() {
        Review good = Fsrs.next(null, Rating.KNEW, DAY);
        assertEquals(3.173, good.stability(), 1e-9, "S0(Good) = w2");
        assertEquals(5.2824, good.difficulty(), 1e-4, "D0(3) = w4 - e^(2·w5) + 1 = 8.1949 - 2.9125");
        assertEquals(DAY.plusDays(3), good.due());
        assertEquals(6.4883, Fsrs.next(null, Rating.PARTLY, DAY).difficulty(), 1e-4);
        assertEquals(7.1949, Fsrs.next(null, Rating.DIDNT, DAY).difficulty(), 1e-4, "D0(1) = w4");
    }

    @Test
    void knownEveryTimeComesBackAfter3Then11Then35Then101Days() {
        // S: 3.173 → 10.7389 (reviewed at t = 3: R = (1 + 19/81 · 3/3.173)^-0.5 = 0.9047) → 34.5776 → 100.7483
        assertEquals(List.of(3, 11, 35, 101), intervals(Rating.KNEW, Rating.KNEW, Rating.KNEW, Rating.KNEW));
    }

    @Test
    void partlyGrowsSlowly() {
        // Hard: S 1.1839 → 1.7074 → 2.5586 (the hard penalty w15 = 0.2315 scales the growth)
        assertEquals(List.of(1, 2, 3), intervals(Rating.PARTLY, Rating.PARTLY, Rating.PARTLY));
    }

    @Test
    void aLapseShrinksTheIntervalAndRaisesDifficulty() {
        // Good, Good, Again: forget stability w11·D^-w12·((S+1)^w13 - 1)·e^(w14·(1-R)) = 2.1858, D 5.273 → 6.7906
        assertEquals(List.of(3, 11, 2, 6), intervals(Rating.KNEW, Rating.KNEW, Rating.DIDNT, Rating.KNEW));
        assertEquals(List.of(1, 2, 6), intervals(Rating.DIDNT, Rating.KNEW, Rating.KNEW));
    }

    @Test
    void theThreeButtonsGiveThreeDifferentSchedulesOnceAQuestionIsKnown() {
        Review known = Fsrs.next(null, Rating.KNEW, DAY);
        LocalDate due = known.due();
        assertEquals(11, Fsrs.next(known, Rating.KNEW, due).intervalDays());
        assertEquals(5, Fsrs.next(known, Rating.PARTLY, due).intervalDays());
        assertEquals(1, Fsrs.next(known, Rating.DIDNT, due).intervalDays());
    }

    @Test
    void intervalsStayWithinOneDayAndAHundredYears() {
        assertEquals(1, Fsrs.interval(0.01));
        assertEquals(Fsrs.MAX_INTERVAL, Fsrs.interval(1e9));
    }
}
