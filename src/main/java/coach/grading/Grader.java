package coach.grading;

import coach.bank.Question;
import coach.bank.Question.KeyPoint;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scores a free-text answer by which of the question's key points it makes. Pure: no I/O, no state. */
public final class Grader {

    /** The outcome: a score from 0 to 100 and the key points covered and missed, in bank order. */
    public record Verdict(int score, List<KeyPoint> covered, List<KeyPoint> missed) {
        public Verdict {
            covered = List.copyOf(covered);
            missed = List.copyOf(missed);
        }
    }

    public Verdict grade(Question question, String answer) {
        String text = normalize(answer);
        List<KeyPoint> covered = new ArrayList<>();
        List<KeyPoint> missed = new ArrayList<>();
        for (KeyPoint point : question.keyPoints()) {
            (mentions(text, point) ? covered : missed).add(point);
        }
        int total = question.keyPoints().size();
        int score = total == 0 ? 0 : Math.round(100f * covered.size() / total);
        return new Verdict(score, covered, missed);
    }

    private static boolean mentions(String text, KeyPoint point) {
        for (String match : point.match()) {
            String m = normalize(match);
            if (!m.isEmpty() && text.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /** NFKC, case-folded, runs of white space as one space: full-width and half-width text compare equal. */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }
}
