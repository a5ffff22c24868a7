package coach.bank;

import java.util.List;

/** The questions of one topic, as read from {@code banks/<topic>.json}. */
public record Bank(String topic, Title title, List<Question> questions) {

    public Bank {
        questions = List.copyOf(questions);
    }

    /** The topic's name in each UI language. */
    public record Title(String zh, String en) {
        public String in(String language) {
            return "en".equals(language) ? en : zh;
        }
    }
}
