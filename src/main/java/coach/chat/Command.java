package coach.chat;

import java.util.Locale;
import java.util.Optional;

/** A slash command as typed: its name in lower case, without the slash, and the rest of the line. */
public record Command(String name, String args) {

    /** The command in a message, or empty when the message is not one. */
    public static Optional<Command> parse(String text) {
        String line = text.strip();
        if (!line.startsWith("/")) {
            return Optional.empty();
        }
        int space = 1;
        while (space < line.length() && !Character.isWhitespace(line.charAt(space))) {
            space++;
        }
        return Optional.of(new Command(line.substring(1, space).toLowerCase(Locale.ROOT),
                line.substring(space).strip()));
    }
}
