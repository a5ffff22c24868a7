package coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.bank.BankLoader;
import coach.bank.Library;
import coach.grading.Grader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The grader against the labelled set in {@code src/test/resources/grading/labelled}: every target is met or held at its last figure. */
class GradingAccuracyTest {

    private static final Set<String> CORE = Set.of("strong-zh", "strong-en", "partial", "keywords", "wrong", "dont-know");
    private static final Set<String> REALISTIC = Set.of("terse", "mixed", "typo", "code", "rambling", "subtle-error",
            "plain-en", "other-question");

    private final Library library = new BankLoader().load(Path.of("banks")).library();
    private final List<GradingAccuracy.Labelled> set = GradingAccuracy.read(GradingAccuracy.DEFAULT_SET);

    @Test
    void theSetCoversFortyQuestionsOfEveryBankWithEveryKind() {
        Map<String, Set<String>> kinds = set.stream().filter(l -> l.set().equals("core")).collect(
                Collectors.groupingBy(GradingAccuracy.Labelled::qid,
                        Collectors.mapping(GradingAccuracy.Labelled::kind, Collectors.toSet())));
        assertTrue(kinds.size() >= 40, kinds.size() + " questions");
        kinds.forEach((qid, k) -> assertEquals(CORE, k, qid));
        assertTrue(set.stream().filter(l -> l.set().equals("core")).count() >= 240);
        assertEquals(REALISTIC, set.stream().filter(l -> l.set().equals("realistic"))
                .map(GradingAccuracy.Labelled::kind).collect(Collectors.toSet()));
        Set<String> banks = kinds.keySet().stream().map(q -> library.question(q).orElseThrow().topic())
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(library.topics()), banks);
        assertTrue(set.stream().allMatch(l -> l.label() >= 0 && l.label() <= 100 && !l.answer().isBlank()));
    }

    /**
     * The targets the offline grader does not reach yet, held at the figure measured when they were last worked on, so
     * they can only get better. Paraphrases without the usual terms (plain-en) and subtle errors in otherwise good
     * answers are what a language model grades better; see the README's section on grading.
     */
    private static final Map<String, Double> NOT_YET_MET = Map.of(
            "ordering holds", 0.73,
            "realistic ρ", 0.57,
            "subtle errors scoring 60+", 0.70,
            "plain-en mean", 63.4);

    @Test
    void everyTargetIsMetOrHeldAtItsLastFigure() {
        GradingAccuracy.Report report = GradingAccuracy.measure(library, set, new Grader());
        assertEquals(List.of(), report.unknown());
        List<String> regressed = new ArrayList<>();
        for (GradingAccuracy.Target t : GradingAccuracy.targets(report)) {
            Double floor = NOT_YET_MET.get(t.figure());
            boolean held = t.met() || floor != null
                    && (t.higherIsBetter() ? t.value() >= floor - 1e-9 : t.value() <= floor + 1e-9);
            if (!held) {
                regressed.add(t.figure() + ": " + t.measured() + (floor == null ? ", needs " + t.target()
                        : ", was " + floor));
            }
        }
        assertEquals(List.of(), regressed, GradingAccuracy.format(report));
    }

    @Test
    void theFiguresHeldBelowTargetAreStillTargets() {
        List<String> figures = GradingAccuracy.targets(GradingAccuracy.measure(library, set, new Grader())).stream()
                .map(GradingAccuracy.Target::figure).toList();
        assertTrue(figures.containsAll(NOT_YET_MET.keySet()), figures.toString());
    }

    @Test
    void correlationsMatchHandWorkedValues() {
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(1.0, GradingAccuracy.pearson(x, new double[] {2, 4, 6, 8, 10}), 1e-9);
        assertEquals(-1.0, GradingAccuracy.spearman(x, new double[] {50, 40, 30, 20, 10}), 1e-9);
        assertEquals(1.0, GradingAccuracy.spearman(x, new double[] {1, 8, 27, 64, 125}), 1e-9);
        assertEquals(List.of(1.5, 1.5, 3.0), java.util.Arrays.stream(GradingAccuracy.ranks(new double[] {7, 7, 9}))
                .boxed().toList());
        assertEquals(0.8, GradingAccuracy.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}), 1e-9);
    }
}
