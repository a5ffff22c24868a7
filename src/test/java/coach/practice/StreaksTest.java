package coach.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreaksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static LocalDate daysAgo(int n) {
        return TODAY.minusDays(n);
    }

    @Test
    void runEndingTodayCounts() {
        assertEquals(new Streaks.Streak(3, 3), Streaks.of(List.of(daysAgo(2), daysAgo(1), TODAY), TODAY));
    }

    @Test
    void runEndingYesterdayIsStillAlive() {
        assertEquals(new Streaks.Streak(2, 2), Streaks.of(List.of(daysAgo(2), daysAgo(1)), TODAY));
    }

    @Test
    void aMissedDayBreaksTheStreakButNotTheRecord() {
        List<LocalDate> days = List.of(daysAgo(9), daysAgo(8), daysAgo(7), daysAgo(6), daysAgo(2));
        assertEquals(new Streaks.Streak(0, 4), Streaks.of(days, TODAY));
    }

    @Test
    void noAnswersNoStreak() {
        assertEquals(new Streaks.Streak(0, 0), Streaks.of(List.of(), TODAY));
    }

    @Test
    void runAcrossMonthAndYearBoundaries() {
        LocalDate newYear = LocalDate.of(2027, 1, 1);
        assertEquals(new Streaks.Streak(3, 3),
                Streaks.of(List.of(LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 31), newYear), newYear));
    }
}
