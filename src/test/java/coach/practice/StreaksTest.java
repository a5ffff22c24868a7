package coach.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.practice.Streaks.Streak;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StreaksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static LocalDate daysAgo(int n) {
        return TODAY.minusDays(n);
    }

    /** Every day from {@code from} days ago to {@code to} days ago, both included. */
    private static List<LocalDate> run(int from, int to) {
        List<LocalDate> days = new ArrayList<>();
        for (int n = from; n >= to; n--) {
            days.add(daysAgo(n));
        }
        return days;
    }

    private static List<LocalDate> concat(List<LocalDate> first, List<LocalDate> second) {
        List<LocalDate> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void runEndingTodayCounts() {
        assertEquals(new Streak(3, 3, 0), Streaks.of(List.of(daysAgo(2), daysAgo(1), TODAY), TODAY));
    }

    @Test
    void runEndingYesterdayIsStillAlive() {
        assertEquals(new Streak(2, 2, 0), Streaks.of(List.of(daysAgo(2), daysAgo(1)), TODAY));
    }

    @Test
    void aMissedDayBreaksTheStreakButNotTheRecord() {
        List<LocalDate> days = List.of(daysAgo(9), daysAgo(8), daysAgo(7), daysAgo(6), daysAgo(2));
        assertEquals(new Streak(0, 4, 0), Streaks.of(days, TODAY));
    }

    @Test
    void noAnswersNoStreak() {
        assertEquals(new Streak(0, 0, 0), Streaks.of(List.of(), TODAY));
    }

    @Test
    void runAcrossMonthAndYearBoundaries() {
        LocalDate newYear = LocalDate.of(2027, 1, 1);
        assertEquals(new Streak(3, 3, 0),
                Streaks.of(List.of(LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 31), newYear), newYear));
    }

    @Nested
    class Freezes {
        @Test
        void sixDaysEarnNothingAndTheSeventhEarnsOne() {
            assertEquals(0, Streaks.of(run(5, 0), TODAY).freezes());
            assertEquals(new Streak(7, 7, 1), Streaks.of(run(6, 0), TODAY));
        }

        @Test
        void aMissedDaySpendsTheFreezeAndKeepsTheStreakWithoutAddingADay() {
            List<LocalDate> days = concat(run(8, 2), List.of(TODAY));
            assertEquals(new Streak(8, 8, 0, Set.of(daysAgo(1))), Streaks.of(days, TODAY));
        }

        @Test
        void aFrozenDayCountsTowardNoFreeze() {
            // 7 answered days, a frozen day, then 6 more: 14 calendar days but only 13 answered.
            List<LocalDate> days = concat(run(14, 8), run(6, 1));
            Streak streak = Streaks.of(days, TODAY);
            assertEquals(13, streak.current());
            assertEquals(0, streak.freezes(), "the 14th calendar day is only the 13th answered one");
            assertEquals(Set.of(daysAgo(7)), streak.frozen());
        }

        @Test
        void atMostTwoAreHeld() {
            assertEquals(new Streak(21, 21, 2), Streaks.of(run(20, 0), TODAY));
            assertEquals(2, Streaks.of(run(40, 0), TODAY).freezes());
        }

        @Test
        void aSpentFreezeIsEarnedBackAtTheNextMultipleOfSeven() {
            List<LocalDate> days = concat(run(28, 8), run(6, 0));
            Streak streak = Streaks.of(days, TODAY);
            assertEquals(new Streak(28, 28, 2, Set.of(daysAgo(7))), streak);
        }

        @Test
        void twoFreezesCoverTwoMissedDaysAndTheThirdEndsTheStreak() {
            List<LocalDate> fourteen = run(17, 4);
            assertEquals(new Streak(15, 15, 0, Set.of(daysAgo(3), daysAgo(2))),
                    Streaks.of(concat(fourteen, List.of(daysAgo(1))), TODAY));
            assertEquals(new Streak(0, 14, 0, Set.of(daysAgo(3), daysAgo(2))), Streaks.of(fourteen, TODAY));
        }

        @Test
        void todayWithoutAnAnswerIsNotOverAndSpendsNothing() {
            assertEquals(new Streak(7, 7, 1), Streaks.of(run(7, 1), TODAY));
        }

        @Test
        void aBrokenStreakStartsAgainWithoutFreezes() {
            List<LocalDate> days = concat(run(30, 24), List.of(daysAgo(10), daysAgo(9)));
            Streak streak = Streaks.of(days, TODAY);
            assertEquals(0, streak.current());
            assertEquals(7, streak.longest());
            assertEquals(0, streak.freezes());
            assertEquals(Set.of(daysAgo(23)), streak.frozen());
        }
    }
}
