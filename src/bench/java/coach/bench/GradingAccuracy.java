package coach.bench;

import coach.bank.Library;
import coach.bank.Question;
import coach.grading.Grader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * How well the grader agrees with a person on a labelled set of answers: {@code *.jsonl} lines of
 * {@code {"qid", "set", "kind", "label", "answer"}}, labels written by an interviewer before the grader saw them.
 * Rank and linear correlation, mean error, and per kind of answer the mean score against the mean label and the
 * share scored 60 or more; the figures the grading targets are stated in.
 */
public final class GradingAccuracy {

    public static final Path DEFAULT_SET = Path.of("src/test/resources/grading/labelled");
    static final int PASS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One labelled answer and the grader's score for it. */
    public record Scored(String qid, String set, String kind, int label, int score) {
    }

    /** Per kind: how many, mean score, mean label, share scored 60 or more. */
    public record Kind(String kind, int count, double meanScore, double meanLabel, double passShare) {
    }

    /** The figures of one set (core or realistic). */
    public record Figures(String set, int count, double spearman, double pearson, double meanAbsoluteError,
                         List<Kind> kinds) {
        public Figures {
            kinds = List.copyOf(kinds);
        }

        public Kind kind(String name) {
            return kinds.stream().filter(k -> k.kind().equals(name)).findFirst()
                    .orElse(new Kind(name, 0, 0, 0, 0));
        }
    }

    /** Both sets, the ordering check, and what could not be graded. */
    public record Report(Figures core, Figures realistic, int orderedQuestions, int comparableQuestions,
                         List<Scored> scored, List<String> unknown) {
        public Report {
            scored = List.copyOf(scored);
            unknown = List.copyOf(unknown);
        }

        public double orderingShare() {
            return comparableQuestions == 0 ? 0 : (double) orderedQuestions / comparableQuestions;
        }
    }

    /** A labelled answer as read from the set. */
    public record Labelled(String qid, String set, String kind, int label, String answer) {
    }

    public static List<Labelled> read(Path dir) {
        List<Labelled> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode n = JSON.readTree(line);
                    all.add(new Labelled(n.path("qid").asText(), n.path("set").asText(), n.path("kind").asText(),
                            n.path("label").asInt(), n.path("answer").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** Grades every labelled answer with {@code grade} and works out the figures. */
    public static Report measure(Library library, List<Labelled> set, BiFunction<Question, String, Integer> grade) {
        List<Scored> scored = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Labelled l : set) {
            library.question(l.qid()).ifPresentOrElse(
                    q -> scored.add(new Scored(l.qid(), l.set(), l.kind(), l.label(), grade.apply(q, l.answer()))),
                    () -> unknown.add(l.qid()));
        }
        int[] ordering = ordering(scored);
        return new Report(figures("core", scored), figures("realistic", scored), ordering[0], ordering[1], scored,
                unknown.stream().distinct().toList());
    }

    public static Report measure(Library library, List<Labelled> set, Grader grader) {
        return measure(library, set, (q, a) -> grader.grade(q, a).score());
    }

    private static Figures figures(String set, List<Scored> all) {
        List<Scored> in = all.stream().filter(s -> s.set().equals(set)).toList();
        double[] labels = in.stream().mapToDouble(Scored::label).toArray();
        double[] scores = in.stream().mapToDouble(Scored::score).toArray();
        double mae = in.stream().mapToDouble(s -> Math.abs(s.score() - s.label())).average().orElse(0);
        Map<String, List<Scored>> byKind = new LinkedHashMap<>();
        in.forEach(s -> byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s));
        List<Kind> kinds = byKind.entrySet().stream().map(e -> new Kind(e.getKey(), e.getValue().size(),
                e.getValue().stream().mapToInt(Scored::score).average().orElse(0),
                e.getValue().stream().mapToInt(Scored::label).average().orElse(0),
                e.getValue().stream().filter(s -> s.score() >= PASS).count() / (double) e.getValue().size())).toList();
        return new Figures(set, in.size(), spearman(labels, scores), pearson(labels, scores), mae, kinds);
    }

    /**
     * Per question of the core set: does every strong answer score above the partial one, and the partial one above
     * each of the keyword list, the wrong answer and the don't-know? Returns {held, questions checked}.
     */
    private static int[] ordering(List<Scored> all) {
        Map<String, List<Scored>> byQuestion = new LinkedHashMap<>();
        all.stream().filter(s -> s.set().equals("core"))
                .forEach(s -> byQuestion.computeIfAbsent(s.qid(), k -> new ArrayList<>()).add(s));
        int held = 0;
        int checked = 0;
        for (List<Scored> answers : byQuestion.values()) {
            List<Integer> strong = scores(answers, "strong-zh", "strong-en");
            List<Integer> partial = scores(answers, "partial");
            List<Integer> weak = scores(answers, "keywords", "wrong", "dont-know");
            if (strong.isEmpty() || partial.isEmpty() || weak.isEmpty()) {
                continue;
            }
            checked++;
            int lowestStrong = strong.stream().min(Comparator.naturalOrder()).orElseThrow();
            int highestPartial = partial.stream().max(Comparator.naturalOrder()).orElseThrow();
            int lowestPartial = partial.stream().min(Comparator.naturalOrder()).orElseThrow();
            int highestWeak = weak.stream().max(Comparator.naturalOrder()).orElseThrow();
            if (lowestStrong > highestPartial && lowestPartial > highestWeak) {
                held++;
            }
        }
        return new int[] {held, checked};
    }

    private static List<Integer> scores(List<Scored> answers, String... kinds) {
        List<String> wanted = Arrays.asList(kinds);
        return answers.stream().filter(s -> wanted.contains(s.kind())).map(Scored::score).toList();
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman's ρ: Pearson's r of the ranks, ties sharing their mean rank. */
    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** The report as the table {@code ./coach bench grading} prints. */
    public static String format(Report r) {
        StringBuilder out = new StringBuilder();
        for (Figures f : List.of(r.core(), r.realistic())) {
            out.append(String.format(Locale.ROOT, "%s set: %d answers   Spearman ρ %.3f   Pearson r %.3f   "
                    + "mean absolute error %.1f%n", f.set(), f.count(), f.spearman(), f.pearson(), f.meanAbsoluteError()));
            out.append(String.format(Locale.ROOT, "  %-16s %5s %11s %11s %9s%n", "kind", "n", "mean score",
                    "mean label", "≥60"));
            for (Kind k : f.kinds()) {
                out.append(String.format(Locale.ROOT, "  %-16s %5d %11.1f %11.1f %8.0f%%%n", k.kind(), k.count(),
                        k.meanScore(), k.meanLabel(), 100 * k.passShare()));
            }
        }
        out.append(String.format(Locale.ROOT, "ordering strong > partial > list/wrong/don't-know: %d of %d questions "
                + "(%.0f%%)%n", r.orderedQuestions(), r.comparableQuestions(), 100 * r.orderingShare()));
        out.append(String.format(Locale.ROOT, "%n%-38s %-20s %-10s %s%n", "target", "measured", "needs", "verdict"));
        for (Target t : targets(r)) {
            out.append(String.format(Locale.ROOT, "%-38s %-20s %-10s %s%n", t.figure(), t.measured(), t.target(),
                    t.met() ? "ok" : "MISS"));
        }
        if (!r.unknown().isEmpty()) {
            out.append("not graded, unknown question ids: ").append(r.unknown()).append('\n');
        }
        return out.toString();
    }

    /**
     * A target the grading issue states: the figure, its value, and whether the report meets it. {@code higherIsBetter}
     * says which way the figure improves.
     */
    public record Target(String figure, double value, String measured, String target, boolean met,
            boolean higherIsBetter) {
    }

    public static List<Target> targets(Report r) {
        Figures c = r.core();
        Figures x = r.realistic();
        List<Target> t = new ArrayList<>();
        t.add(atLeast("core ρ", c.spearman(), 0.85));
        t.add(atMost("core mean absolute error", c.meanAbsoluteError(), 12));
        t.add(shareAtMost("keyword lists scoring 60+", c.kind("keywords"), 0.05));
        t.add(shareAtMost("wrong answers scoring 60+", c.kind("wrong"), 0.10));
        for (String strong : List.of("strong-zh", "strong-en")) {
            Kind k = c.kind(strong);
            t.add(atLeast(strong + " mean", k.meanScore(), 85));
            t.add(shareAtLeast(strong + " scoring 60+", k, 0.95));
        }
        double partial = c.kind("partial").meanScore();
        t.add(new Target("partial mean", partial, number(partial), "35 to 70", partial >= 35 && partial <= 70, true));
        t.add(new Target("ordering holds", r.orderingShare(), percent(r.orderingShare()), ">= 80%",
                r.orderingShare() >= 0.80, true));
        t.add(atLeast("realistic ρ", x.spearman(), 0.80));
        t.add(shareAtMost("subtle errors scoring 60+", x.kind("subtle-error"), 0.40));
        t.add(shareAtMost("other-question answers scoring 60+", x.kind("other-question"), 0.05));
        for (String right : List.of("mixed", "typo", "plain-en")) {
            t.add(atLeast(right + " mean", x.kind(right).meanScore(), 80));
        }
        return t;
    }

    private static Target atLeast(String figure, double value, double bound) {
        return new Target(figure, value, number(value), ">= " + number(bound), value >= bound, true);
    }

    private static Target atMost(String figure, double value, double bound) {
        return new Target(figure, value, number(value), "<= " + number(bound), value <= bound, false);
    }

    private static Target shareAtLeast(String figure, Kind k, double bound) {
        return new Target(figure, k.passShare(), share(k), ">= " + percent(bound), k.passShare() >= bound, true);
    }

    private static Target shareAtMost(String figure, Kind k, double bound) {
        return new Target(figure, k.passShare(), share(k), "<= " + percent(bound), k.passShare() <= bound, false);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String share(Kind k) {
        return percent(k.passShare()) + " (" + k.count() + " answers)";
    }
}
