package coach.grading;

import coach.bank.Question.KeyPoint;
import java.util.List;

/**
 * What the grader found: key-point coverage from 0 to 100, each point's verdict with its evidence, and whether the
 * answer was mostly bare terms (then capped, and the person is asked to explain each point in a sentence).
 */
public record Grade(int score, List<PointGrade> points, boolean bareTerms) {

    public Grade {
        points = List.copyOf(points);
    }

    /** A key point made, missed or contradicted. */
    public enum Verdict {
        MADE, MISSED, CONTRADICTED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One key point's verdict. {@code evidence} is the words of the answer that made or contradicted it (empty when
     * missed); {@code correct} is the correct statement shown beside a contradiction.
     */
    public record PointGrade(KeyPoint point, Verdict verdict, String evidence, String correct) {
    }

    public List<KeyPoint> with(Verdict verdict) {
        return points.stream().filter(p -> p.verdict() == verdict).map(PointGrade::point).toList();
    }

    /** Points not made: missed and contradicted, in bank order. */
    public List<KeyPoint> notMade() {
        return points.stream().filter(p -> p.verdict() != Verdict.MADE).map(PointGrade::point).toList();
    }
}
