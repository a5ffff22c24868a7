package coach.chat;

import coach.user.User;
import coach.user.UserStore;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The user's own settings: daily time, time zone, language, pause and resume, the weekly summary. */
public final class SettingsFlow {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:：](\\d{2})");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final UserStore users;
    private final Clock clock;

    public SettingsFlow(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    void time(Turn turn, String args) {
        Matcher m = TIME.matcher(args);
        int hour = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        int minute = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            turn.say(turn.t("time.bad", Html.escape(args.isEmpty() ? "—" : Texts.shorten(args, 40))));
            return;
        }
        LocalTime time = LocalTime.of(hour, minute);
        users.setDailyTime(turn.user.userId(), time);
        turn.say(turn.t("time.set", time.format(CLOCK), turn.user.zone().getId()));
    }

    void zone(Turn turn, String args) {
        ZoneId zone = parseZone(args);
        if (zone == null) {
            turn.say(turn.t("tz.bad", Html.escape(args.isEmpty() ? "—" : Texts.shorten(args, 40))));
            return;
        }
        users.setZone(turn.user.userId(), zone);
        turn.say(turn.t("tz.set", zone.getId(), ZonedDateTime.now(clock.withZone(zone)).format(CLOCK)));
    }

    void language(Turn turn, String args) {
        String language = args.strip().toLowerCase(Locale.ROOT);
        if (!language.equals(Texts.ZH) && !language.equals(Texts.EN)) {
            turn.say(turn.t("lang.bad"));
            return;
        }
        users.setLanguage(turn.user.userId(), language);
        turn.say(turn.textIn(language, "lang.set"));
    }

    void pause(Turn turn) {
        if (turn.user.paused()) {
            turn.say(turn.t("pause.already"));
            return;
        }
        users.setPaused(turn.user.userId(), true);
        turn.say(turn.t("pause.done"));
    }

    void resume(Turn turn) {
        String time = turn.user.dailyTime().format(CLOCK);
        if (!turn.user.paused()) {
            turn.say(turn.t("resume.already", time, turn.user.zone().getId()));
            return;
        }
        users.setPaused(turn.user.userId(), false);
        turn.say(turn.t("resume.done", time, turn.user.zone().getId()));
    }

    /** {@code /weekly on|off} sets the weekly summary; without an argument, says whether it is on. */
    void weekly(Turn turn, String args) {
        String choice = args.strip().toLowerCase(Locale.ROOT);
        if (!choice.isEmpty() && !choice.equals("on") && !choice.equals("off")) {
            turn.say(turn.t("weekly.bad"));
            return;
        }
        boolean on = choice.isEmpty() ? turn.user.weekly() : choice.equals("on");
        if (on != turn.user.weekly()) {
            users.setWeekly(turn.user.userId(), on);
        }
        turn.say(on ? turn.t("weekly.on", User.SUMMARY_TIME.format(CLOCK), turn.user.zone().getId())
                : turn.t("weekly.off"));
    }

    /** A region zone like Asia/Shanghai, or UTC; offsets and abbreviations are refused as ambiguous. */
    static ZoneId parseZone(String text) {
        String id = text.strip();
        if (!id.contains("/") && !id.equals("UTC")) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

}
