package coach.user;

import java.time.LocalTime;
import java.time.ZoneId;

/** A person coached in a private chat, with their delivery settings. */
public record User(
        long userId,
        long chatId,
        String firstName,
        String language,
        ZoneId zone,
        LocalTime dailyTime,
        boolean paused,
        boolean active,
        String awaiting) {

    /** What the user's next free-text message is, when it is not an answer. */
    public static final String AWAITING_REPORT = "report";

    public boolean awaitingReport() {
        return AWAITING_REPORT.equals(awaiting);
    }
}
