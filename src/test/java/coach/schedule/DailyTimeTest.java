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
}
