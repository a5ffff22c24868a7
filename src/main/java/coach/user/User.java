package coach.user;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A person coached in a private chat, with their delivery settings. With the weekly summary on, the day's message on
 * their Sunday comes at {@link #SUMMARY_TIME} (or their own time, if later) and leads with the summary of the week.
 */
public record User(
        long userId,
        long chatId,
        String firstName,
        String language,
        ZoneId zone,
        LocalTime dailyTime,
        boolean paused,
        boolean active,
        String awaiting,
        boolean weekly) {

    /** The day of the week, in the user's zone, that carries the weekly summary. */
    public static final DayOfWeek SUMMARY_DAY = DayOfWeek.SUNDAY;
    /** The local time of the weekly summary, unless the user's own daily time is later. */
    public static final LocalTime SUMMARY_TIME = LocalTime.of(20, 0);

    /** What the user's next free-text message is, when it is not an answer. */
    public static final String AWAITING_REPORT = "report";

    public boolean awaitingReport() {
        return AWAITING_REPORT.equals(awaiting);
    }
}
