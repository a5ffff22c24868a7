package coach.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * When a daily question falls due: the user's chosen minute on their own calendar. A minute skipped by a DST gap
 * moves to the first valid minute after the gap; a minute repeated by a DST overlap counts once (the earlier).
 * Pure.
 */
public final class DailyTime {

    private DailyTime() {
    }

    /** The first due moment strictly after {@code after}. */
    public static Instant nextDue(LocalTime time, ZoneId zone, Instant after) {
        LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1);
        for (int i = 0; i < 4; i++) {
            Instant candidate = dueOn(day.plusDays(i), time, zone);
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no due time within three days of " + after);
    }

    /** The due moment on a given local day. */
    public static Instant dueOn(LocalDate day, LocalTime time, ZoneId zone) {
        LocalDateTime local = day.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
