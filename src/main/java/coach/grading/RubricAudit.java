package coach.grading;

import coach.bank.Bank;
import coach.bank.Library;
import coach.bank.Problem;
import coach.bank.Question;
import coach.bank.Question.KeyPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks each question's key points through the grader, the way a candidate could game them: its own reference
 * answer must score at least {@value #MIN_REFERENCE}, the question's own text and generic filler at most
 * {@value #MAX_EMPTY}, and no other question's reference answer in the bank {@value #MAX_OTHER} or more, unless the
 * bank lists the pair as overlapping on purpose.
 */
public final class RubricAudit {

    public static final int MIN_REFERENCE = 90;
    public static final int MAX_EMPTY = 10;
    public static final int MAX_OTHER = 60;

    /** Paragraphs that sound like an answer to anything and say nothing. */
    public static final List<String> FILLERS = List.of(
            "这个问题在实际项目里很常见。我的理解是要结合具体业务场景选择合适的方案，同时兼顾性能、可靠性和可维护性。"
                    + "一般先把监控做好，发现瓶颈再有针对性地优化，并且和团队充分沟通，把文档写清楚。",
            "首先要搞懂它的基本原理，然后参考官方文档和业界最佳实践来用。出了问题先看日志定位原因，再一步步排查。"
                    + "总之没有银弹，要权衡利弊，具体问题具体分析。",
            "我在上一家公司做过类似的事情，当时遇到了不少挑战，后来通过查资料和请教同事解决了。我觉得最重要的是持续学习、"
                    + "注重细节，代码要规范，测试要充分，上线前要做好评审。",
            "This comes up a lot in real projects. In my view you pick the approach that fits the business case, "
                    + "balancing performance, reliability and maintainability. Set up monitoring first, find the "
                    + "bottleneck, optimise it, and document everything for the team.",
            "First you need to understand the basic principles, then follow the official documentation and best "
                    + "practices. When something breaks, read the logs, find the root cause and fix it step by step. "
                    + "There is no silver bullet: it is always a trade-off.",
            "At my previous company I worked on something similar. It was challenging, but I learned a lot by reading "
                    + "and asking colleagues. What matters most is to keep learning, pay attention to details, write "
                    + "clean code, test thoroughly and review before release.");

    /** The counts behind the checks, across all banks. */
    public record Figures(int questions, int keyPoints, int pointsMadeByQuestion, int pairsAtLeastOther,
                          int quizzes, int quizzesLongestRight) {
    }

    public record Report(List<Problem> problems, Figures figures) {
        public Report {
            problems = List.copyOf(problems);
        }
    }

    private final Grader grader;

    public RubricAudit(Grader grader) {
        this.grader = grader;
    }

    public Report audit(Library library) {
        List<Problem> problems = new ArrayList<>();
        int questions = 0;
        int points = 0;
        int madeByQuestion = 0;
        int pairs = 0;
        int quizzes = 0;
        int longestRight = 0;
        for (Bank bank : library.banks()) {
            String file = bank.topic() + ".json";
            for (Question q : bank.questions()) {
                questions++;
                points += q.keyPoints().size();
                Grade self = grader.grade(q, q.question());
                madeByQuestion += self.with(Grade.Verdict.MADE).size();
                check(problems, file, q);
                pairs += checkOthers(problems, file, bank, q);
                if (q.quiz() != null) {
                    quizzes++;
                    longestRight += isLongestRight(q.quiz()) ? 1 : 0;
                }
            }
        }
        return new Report(problems,
                new Figures(questions, points, madeByQuestion, pairs, quizzes, longestRight));
    }

    /** Aliases made of symbols alone ("==", "&&", "%"): folded, nothing is left of them, so they never match. */
    private static void checkAliases(List<Problem> problems, String file, Question q) {
        q.keyPoints().stream()
                .flatMap(p -> java.util.stream.Stream.concat(p.claims().stream(),
                        p.contradictions().stream().map(Question.Contradiction::claim)))
                .flatMap(c -> c.concepts().stream()).flatMap(c -> c.aliases().stream()).distinct()
                .filter(RubricAudit::foldsToNothing)
                .forEach(alias -> problems.add(new Problem(file, q.id(), "alias '" + alias
                        + "' is made of symbols alone, which the grader drops, so it never matches; spell it in words")));
    }

    static boolean foldsToNothing(String alias) {
        return Text.of(alias).size == 0;
    }

    private void check(List<Problem> problems, String file, Question q) {
        checkAliases(problems, file, q);
        Grade reference = grader.grade(q, q.answer());
        if (reference.score() < MIN_REFERENCE) {
            problems.add(new Problem(file, q.id(), "its reference answer scores " + reference.score() + " (needs "
                    + MIN_REFERENCE + "+); not made: " + reference.notMade().stream().map(KeyPoint::point).toList()));
        }
        int self = grader.grade(q, q.question()).score();
        if (self > MAX_EMPTY) {
            problems.add(new Problem(file, q.id(), "the question's own text scores " + self
                    + " as an answer (needs " + MAX_EMPTY + " or less)"));
        }
        for (int i = 0; i < FILLERS.size(); i++) {
            int filler = grader.grade(q, FILLERS.get(i)).score();
            if (filler > MAX_EMPTY) {
                problems.add(new Problem(file, q.id(), "generic filler paragraph " + (i + 1) + " scores " + filler
                        + " (needs " + MAX_EMPTY + " or less)"));
            }
        }
    }

    /** Other questions of the bank whose reference answers score too well here; returns how many. */
    private int checkOthers(List<Problem> problems, String file, Bank bank, Question q) {
        int count = 0;
        for (Question other : bank.questions()) {
            if (other == q) {
                continue;
            }
            int score = grader.grade(q, other.answer()).score();
            if (score >= MAX_OTHER) {
                count++;
                if (!bank.overlapping(q.id(), other.id())) {
                    problems.add(new Problem(file, q.id(), "the reference answer of " + other.id() + " scores "
                            + score + " here (needs under " + MAX_OTHER + ", or list the pair in overlaps with why)"));
                }
            }
        }
        return count;
    }

    /** Whether the right option is strictly the longest, a tell that lets a player win without knowing. */
    public static boolean isLongestRight(Question.Quiz quiz) {
        String right = quiz.options().get(quiz.correct());
        return quiz.options().stream().filter(o -> o != right)
                .allMatch(o -> o.codePointCount(0, o.length()) < right.codePointCount(0, right.length()));
    }
}
