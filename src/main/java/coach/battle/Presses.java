package coach.battle;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The callback data of a battle button, {@code b:<battle>:<round>:<option>}, well under Telegram's 64 bytes. */
final class Presses {

    static final String PREFIX = "b:";
    private static final Pattern DATA = Pattern.compile("b:(\\d{1,12}):(\\d{1,2}):(\\d)");
    private static final Pattern TAG = Pattern.compile("b:(\\d{1,12}):(\\d{1,2})");

    private Presses() {
    }

    /** A press on option {@code option} of round {@code round} of battle {@code battle}. */
    record Press(long battle, int round, int option) {
    }

    /** A round's message, as tagged for the front end to report its id. */
    record RoundTag(long battle, int round) {
    }

    static String data(long battle, int round, int option) {
        return PREFIX + battle + ":" + round + ":" + option;
    }

    static String tag(long battle, int round) {
        return PREFIX + battle + ":" + round;
    }

    /** The press in callback data, or empty when the data is not a well-formed battle press. */
    static Optional<Press> parse(String data) {
        Matcher m = data == null ? null : DATA.matcher(data);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Press(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    static Optional<RoundTag> parseTag(String tag) {
        Matcher m = tag == null ? null : TAG.matcher(tag);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new RoundTag(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2))));
    }
}
