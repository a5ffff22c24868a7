package coach.bank;

import java.util.List;

/**
 * The questions of one topic, as read from {@code banks/<topic>.json}, and the pairs of its questions whose answers
 * overlap on purpose (so each one's reference answer may score well on the other).
 */
public record Bank(String topic, Title title, List<Question> questions, List<Overlap> overlaps) {

    public Bank {
        questions = List.copyOf(questions);
        overlaps = List.copyOf(overlaps);
    }

    public Bank(String topic, Title title, List<Question> questions) {
        this(topic, title, questions, List.of());
    }

    /** Two questions of the bank that share content on purpose, and why. */
    public record Overlap(String first, String second, String why) {
        public boolean pairs(String a, String b) {
            return first.equals(a) && second.equals(b) || first.equals(b) && second.equals(a);
        }
    }

    public boolean overlapping(String a, String b) {
        return overlaps.stream().anyMatch(o -> o.pairs(a, b));
    }

    /** The topic's name in each UI language. */
    public record Title(String zh, String en) {
        public String in(String language) {
            return "en".equals(language) ? en : zh;
        }
    }
}
