package coach.schedule;

import coach.user.User;
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
 * With the weekly summary on, the summary day's message waits until {@link User#SUMMARY_TIME} unless the chosen
 * minute is later, so that day still has one message. Pure.
 */
public final class DailyTime {

    private DailyTime() {
    }

    /** The first due moment strictly after {@code after}, without the weekly summary. */
    public static Instant nextDue(LocalTime time, ZoneId zone, Instant after) {
        return nextDue(time, false, zone, after);
    }

    /** The first due moment strictly after {@code after}. */
    public static Instant nextDue(LocalTime time, boolean weekly, ZoneId zone, Instant after) {
        LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1);
        for (int i = 0; i < 4; i++) {
            LocalDate candidateDay = day.plusDays(i);
            Instant candidate = dueOn(candidateDay, messageTime(candidateDay, time, weekly), zone);
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no due time within three days of " + after);
    }

    /** Whether the day's message carries the weekly summary. */
    public static boolean summaryOn(LocalDate day, boolean weekly) {
        return weekly && day.getDayOfWeek() == User.SUMMARY_DAY;
    }

    /** The local time of the day's message: the chosen time, or the summary time on a summary day if later. */
    public static LocalTime messageTime(LocalDate day, LocalTime time, boolean weekly) {
        return summaryOn(day, weekly) && time.isBefore(User.SUMMARY_TIME) ? User.SUMMARY_TIME : time;
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
