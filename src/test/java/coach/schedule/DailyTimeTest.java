package coach.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void laterTodayWhenTheMinuteIsStillAhead() {
        assertEquals(Instant.parse("2026-11-23T01:00:00Z"),
                DailyTime.nextDue(LocalTime.of(9, 0), SHANGHAI, Instant.parse("2026-11-23T00:30:00Z")));
    }

    @Test
    void tomorrowOnceTheMinuteHasPassed() {
        assertEquals(Instant.parse("2026-11-24T01:00:00Z"),
                DailyTime.nextDue(LocalTime.of(9, 0), SHANGHAI, Instant.parse("2026-11-23T01:00:00Z")));
    }

    @Test
    void aMinuteInTheSpringGapMovesToTheEndOfTheGap() {
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        assertEquals(Instant.parse("2026-03-08T07:00:00Z"),
                DailyTime.dueOn(springForward, LocalTime.of(2, 30), NEW_YORK), "03:00 EDT, the first valid minute");
    }

    @Test
    void aRepeatedHourIsDueOnlyOnce() {
        LocalDate fallBack = LocalDate.of(2026, 11, 1);
        Instant first = DailyTime.dueOn(fallBack, LocalTime.of(1, 30), NEW_YORK);
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), first, "the earlier 01:30 (EDT)");
        assertEquals(Instant.parse("2026-11-02T06:30:00Z"), DailyTime.nextDue(LocalTime.of(1, 30), NEW_YORK, first),
                "the later 01:30 of the same day is not due again");
    }

    @Test
    void withTheWeeklySummarySundaysMessageWaitsUntilEightInTheEvening() {
        Instant saturdayMorning = Instant.parse("2026-11-28T02:00:00Z");
        assertEquals(Instant.parse("2026-11-29T12:00:00Z"),
                DailyTime.nextDue(LocalTime.of(9, 0), true, SHANGHAI, saturdayMorning), "Sunday 20:00 in Shanghai");
        assertEquals(Instant.parse("2026-11-29T01:00:00Z"),
                DailyTime.nextDue(LocalTime.of(9, 0), false, SHANGHAI, saturdayMorning), "Sunday 09:00 without it");
        assertEquals(Instant.parse("2026-11-30T01:00:00Z"),
                DailyTime.nextDue(LocalTime.of(9, 0), true, SHANGHAI, Instant.parse("2026-11-29T12:00:00Z")),
                "Monday is an ordinary day again");
    }

    @Test
    void aDailyTimeLaterThanEightKeepsItsTimeOnSunday() {
        LocalDate sunday = LocalDate.of(2026, 11, 29);
        assertEquals(LocalTime.of(21, 30), DailyTime.messageTime(sunday, LocalTime.of(21, 30), true));
        assertEquals(LocalTime.of(20, 0), DailyTime.messageTime(sunday, LocalTime.of(7, 0), true));
        assertEquals(LocalTime.of(7, 0), DailyTime.messageTime(sunday.minusDays(1), LocalTime.of(7, 0), true));
    }

    @Test
    void sundayIsTheUsersOwnSunday() {
        assertEquals(Instant.parse("2026-11-30T01:00:00Z"),
                DailyTime.nextDue(LocalTime.of(9, 0), true, NEW_YORK, Instant.parse("2026-11-29T16:30:00Z")),
                "20:00 on Sunday in New York, when it is already Monday in Shanghai");
        assertEquals(Instant.parse("2026-11-29T12:00:00Z"),
                DailyTime.nextDue(LocalTime.of(9, 0), true, SHANGHAI, Instant.parse("2026-11-28T16:30:00Z")),
                "20:00 on Sunday in Shanghai, when it is still Saturday in New York");
    }
}
