package coach.settings;

import coach.chat.Command;
import coach.chat.Flow;
import coach.chat.Html;
import coach.chat.Texts;
import coach.chat.Turn;
import coach.user.User;
import coach.user.UserStore;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The user's own settings: daily time, time zone, language, pause and resume, the weekly summary. */
public final class SettingsFlow implements Flow {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:：](\\d{2})");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final UserStore users;
    private final Clock clock;

    public SettingsFlow(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public List<String> commands() {
        return List.of("weekly", "time", "tz", "pause", "resume", "lang");
    }

    @Override
    public void command(Turn turn, Command command) {
        String args = command.args();
        switch (command.name()) {
            case "weekly" -> weekly(turn, args);
            case "time" -> time(turn, args);
            case "tz" -> zone(turn, args);
            case "pause" -> pause(turn);
            case "resume" -> resume(turn);
            default -> language(turn, args);
        }
    }

    void time(Turn turn, String args) {
        if (args.isBlank()) {
            turn.say(turn.t("time.show", turn.user().dailyTime().format(CLOCK), turn.user().zone().getId()));
            return;
        }
        Matcher m = TIME.matcher(args);
        int hour = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        int minute = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            turn.say(turn.t("time.bad", Html.escape(args.isEmpty() ? "—" : Texts.shorten(args, 40))));
            return;
        }
        LocalTime time = LocalTime.of(hour, minute);
        users.setDailyTime(turn.user().userId(), time);
        turn.say(turn.t("time.set", time.format(CLOCK), turn.user().zone().getId()));
    }

    void zone(Turn turn, String args) {
        if (args.isBlank()) {
            turn.say(turn.t("tz.show", turn.user().zone().getId(),
                    ZonedDateTime.now(clock.withZone(turn.user().zone())).format(CLOCK)));
            return;
        }
        Zones.Found found = Zones.find(args);
        if (found.zone().isEmpty()) {
            String shown = Html.escape(Texts.shorten(args, 40));
            List<String> zones = found.suggestions().stream().map(z -> "/tz " + z).toList();
            turn.say(zones.isEmpty() ? turn.t("tz.bad", shown) : turn.t("tz.suggest", shown, zones.size() == 1
                    ? zones.get(0) : turn.t("list.or", String.join(", ", zones.subList(0, zones.size() - 1)),
                    zones.get(zones.size() - 1))));
            return;
        }
        ZoneId zone = found.zone().get();
        users.setZone(turn.user().userId(), zone);
        turn.say(turn.t("tz.set", zone.getId(), ZonedDateTime.now(clock.withZone(zone)).format(CLOCK)));
    }

    void language(Turn turn, String args) {
        String language = args.strip().toLowerCase(Locale.ROOT);
        if (!language.equals(Texts.ZH) && !language.equals(Texts.EN)) {
            turn.say(turn.t("lang.bad"));
            return;
        }
        users.setLanguage(turn.user().userId(), language);
        turn.say(turn.textIn(language, "lang.set"));
    }

    void pause(Turn turn) {
        if (turn.user().paused()) {
            turn.say(turn.t("pause.already"));
            return;
        }
        users.setPaused(turn.user().userId(), true);
        turn.say(turn.t("pause.done"));
    }

    void resume(Turn turn) {
        String time = turn.user().dailyTime().format(CLOCK);
        if (!turn.user().paused()) {
            turn.say(turn.t("resume.already", time, turn.user().zone().getId()));
            return;
        }
        users.setPaused(turn.user().userId(), false);
        turn.say(turn.t("resume.done", time, turn.user().zone().getId()));
    }

    /** {@code /weekly on|off} sets the weekly summary; without an argument, says whether it is on. */
    void weekly(Turn turn, String args) {
        String choice = args.strip().toLowerCase(Locale.ROOT);
        if (!choice.isEmpty() && !choice.equals("on") && !choice.equals("off")) {
            turn.say(turn.t("weekly.bad"));
            return;
        }
        boolean on = choice.isEmpty() ? turn.user().weekly() : choice.equals("on");
        if (on != turn.user().weekly()) {
            users.setWeekly(turn.user().userId(), on);
        }
        turn.say(on ? turn.t("weekly.on", User.SUMMARY_TIME.format(CLOCK), turn.user().zone().getId())
                : turn.t("weekly.off"));
    }
}
