package coach.bank;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Finds the topic a person named: its id or its title in either language, in any case and spacing. */
public final class TopicNames {

    private TopicNames() {
    }

    /** The id of the topic named by {@code typed}, if there is one. */
    public static Optional<String> find(Library library, String typed) {
        String wanted = normal(typed);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return library.banks().stream()
                .filter(b -> wanted.equals(normal(b.topic())) || wanted.equals(normal(b.title().zh()))
                        || wanted.equals(normal(b.title().en())))
                .map(Bank::topic)
                .findFirst();
    }

    private static String normal(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
