package coach.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.grading.Grade;
import coach.grading.Grader;
import coach.grading.RubricAudit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The banks in {@code banks/}: they pass the checker, meet the content standard, and cover every seed question. */
class ShippedBanksTest {

    private static Library library;

    @BeforeAll
    static void load() {
        BankLoader.Result result = new BankLoader().load(Path.of("banks"));
        assertEquals(List.of(), result.problems());
        library = result.library();
    }

    private static List<String> violations(java.util.function.Function<Question, String> rule) {
        List<String> found = new ArrayList<>();
        for (Bank bank : library.banks()) {
            for (Question q : bank.questions()) {
                String problem = rule.apply(q);
                if (problem != null) {
                    found.add(q.id() + ": " + problem);
                }
            }
        }
        return found;
    }

    @Test
    void thereAreAtLeast250Questions() {
        assertTrue(library.size() >= 250, "questions: " + library.size());
    }

    @Test
    void answersAreBetween150And1400Characters() {
        assertEquals(List.of(), violations(q -> q.answer().length() < 150 || q.answer().length() > 1400
                ? q.answer().length() + " characters" : null));
    }

    @Test
    void threeToSixKeyPointsAndOneToThreeLinks() {
        assertEquals(List.of(), violations(q -> q.keyPoints().size() < 3 || q.keyPoints().size() > 6
                ? q.keyPoints().size() + " key points" : q.links().size() > 3 ? q.links().size() + " links" : null));
    }

    @Test
    void everyQuestionButBehaviouralOnesHasAFourOptionQuiz() {
        assertEquals(List.of(), violations(q -> {
            boolean behavioural = q.tags().contains("behavioral");
            if (q.quiz() == null) {
                return behavioural ? null : "no quiz";
            }
            return q.quiz().options().size() == 4 ? null : q.quiz().options().size() + " options";
        }));
    }

    @Test
    void theReferenceAnswerMakesEveryOneOfItsOwnKeyPoints() {
        Grader grader = new Grader();
        assertEquals(List.of(), violations(q -> {
            Grade g = grader.grade(q, q.answer());
            return g.score() >= 90 ? null : g.score() + ", misses " + g.notMade().stream().map(Question.KeyPoint::point).toList();
        }));
    }

    @Test
    void everyKeyPointIsWrittenAsClaims() throws IOException {
        List<String> legacy = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var files = Files.list(Path.of("banks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (var q : json.readTree(file.toFile()).path("questions")) {
                    for (var kp : q.path("keyPoints")) {
                        if (kp.has("match")) {
                            legacy.add(q.path("id").asText() + ": " + kp.path("point").asText());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), legacy);
    }

    @Test
    void everyQuestionPassesTheRubricAudit() {
        RubricAudit.Report audit = new RubricAudit(new Grader()).audit(library);
        assertEquals(List.of(), audit.problems().stream().map(Problem::toString).toList());
        assertEquals(0, audit.figures().pointsMadeByQuestion());
    }

    @Test
    void theRightQuizOptionIsTheLongestInAtMostAThirdOfQuizzes() {
        List<Question.Quiz> quizzes = library.banks().stream().flatMap(b -> b.questions().stream())
                .map(Question::quiz).filter(java.util.Objects::nonNull).toList();
        long longest = quizzes.stream().filter(RubricAudit::isLongestRight).count();
        assertTrue(longest <= 0.35 * quizzes.size(), longest + " of " + quizzes.size() + " quizzes");
    }

    private static final java.util.regex.Pattern ABSOLUTE = java.util.regex.Pattern.compile(
            "一定|只能|完全|不会|(?<![A-Za-z])(?:always|never|only|must)(?![A-Za-z])",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A player who avoids options with absolute words gains nothing: distractors carry them no more often than right options. */
    @Test
    void absoluteWordsAreNoTell() {
        int distractors = 0;
        int absoluteDistractors = 0;
        int rights = 0;
        int absoluteRights = 0;
        for (Bank bank : library.banks()) {
            for (Question q : bank.questions()) {
                Question.Quiz quiz = q.quiz();
                if (quiz == null) {
                    continue;
                }
                for (int i = 0; i < quiz.options().size(); i++) {
                    boolean absolute = ABSOLUTE.matcher(quiz.options().get(i)).find();
                    if (i == quiz.correct()) {
                        rights++;
                        absoluteRights += absolute ? 1 : 0;
                    } else {
                        distractors++;
                        absoluteDistractors += absolute ? 1 : 0;
                    }
                }
            }
        }
        double distractorShare = (double) absoluteDistractors / distractors;
        double rightShare = (double) absoluteRights / rights;
        assertTrue(distractorShare <= rightShare + 0.02, absoluteDistractors + " of " + distractors
                + " distractors vs " + absoluteRights + " of " + rights + " right options have an absolute word");
    }

    @Test
    void everyKeyPointCanBeMadeInEnglish() {
        assertEquals(List.of(), violations(q -> q.keyPoints().stream()
                .filter(kp -> kp.claims().stream().noneMatch(c -> c.concepts().stream()
                        .allMatch(concept -> concept.aliases().stream().anyMatch(a -> !hasHan(a)))))
                .map(kp -> "key point '" + kp.point() + "' has no claim an English answer can make")
                .findFirst().orElse(null)));
    }

    @Test
    void everySeedQuestionIsCoveredByAnExistingQuestion() throws IOException {
        List<String> unmapped = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/seed-questions.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows++;
            String[] cells = line.split("\t", -1);
            String ids = cells.length > 3 ? cells[3].strip() : "";
            if (ids.isEmpty()) {
                unmapped.add(cells[0] + " is not mapped");
                continue;
            }
            for (String id : ids.split(",")) {
                if (library.question(id.strip()).isEmpty()) {
                    unmapped.add(cells[0] + " maps to unknown id " + id);
                }
            }
        }
        assertEquals(List.of(), unmapped);
        assertEquals(130, rows, "every seed item is listed");
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
