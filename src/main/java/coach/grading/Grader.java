package coach.grading;

import coach.bank.Question;
import coach.bank.Question.Concept;
import coach.bank.Question.KeyPoint;
import coach.grading.Grade.PointGrade;
import coach.grading.Grade.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Grades a free-text answer the way a fair interviewer reads it: a key point is made when its concepts meet in one
 * clause, contradicted when a clause states one of its classic wrong claims or its own claim negated, and missed
 * otherwise. Concepts the question itself names prove nothing alone, and an answer that is mostly bare terms is
 * capped. Pure: no I/O, no state beyond the shipped word lists; the same answer always gets the same grade.
 */
public final class Grader {

    /** Score ceiling for an answer that lists terms without explaining any. */
    public static final int BARE_TERMS_CAP = 30;
    /** A list of terms earns this share of what the same points would earn explained, up to the cap. */
    static final double BARE_TERMS_SHARE = 0.3;
    /** An answer that states a wrong claim scores at most this, however much else it gets right. */
    public static final int CONTRADICTED_CAP = 50;
    /**
     * How credit grows with the share of points made: an interviewer passes an answer that makes most points, so
     * 5 of 6 scores 86 and 1 of 2 scores 57. Of the exponents from 0.7 to 1, 0.75 to 0.8 give the lowest mean error
     * against the labelled core set, about half a point below the plain share.
     */
    static final double CREDIT_CURVE = 0.8;
    /** What a contradicted point costs beyond the point itself, in points. */
    static final double CONTRADICTION_PENALTY = 1.0;
    private static final int QUOTE_LENGTH = 60;

    private final Lexicon lexicon;
    /** Compiled aliases by concept, shared by the questions that list the same concept. */
    private final Map<Concept, List<Alias>> aliasesByConcept = new ConcurrentHashMap<>();
    /** Compiled questions by id; a question reloaded from the banks is a new object and is compiled again. */
    private final Map<String, CompiledQuestion> compiledQuestions = new ConcurrentHashMap<>();

    public Grader() {
        this(Lexicon.shipped());
    }

    Grader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * Compiles these questions now, so that no answer waits for it later. Safe to run beside {@link #grade}; a
     * question compiled twice at the same moment gives equal results.
     */
    public void warm(Iterable<Question> all) {
        for (Question question : all) {
            compiledFor(question);
        }
    }

    private CompiledQuestion compiledFor(Question question) {
        CompiledQuestion known = compiledQuestions.get(question.id());
        if (known != null && known.question == question) {
            return known;
        }
        CompiledQuestion fresh = CompiledQuestion.of(question,
                concept -> aliasesByConcept.computeIfAbsent(concept, this::compile));
        compiledQuestions.put(question.id(), fresh);
        return fresh;
    }

    public Grade grade(Question question, String answer) {
        Text text = Text.of(answer);
        CompiledQuestion compiled = compiledFor(question);
        Reading reading = read(compiled, text);
        List<PointGrade> points = new ArrayList<>();
        for (CompiledQuestion.Point point : compiled.points) {
            points.add(judge(point, text, reading));
        }
        boolean made = points.stream().anyMatch(p -> p.verdict() == Verdict.MADE);
        return scored(points, made && BareTerms.isBare(text, reading.words()));
    }

    /**
     * The grade for these verdicts, one per key point in bank order: coverage with the contradiction penalty and cap,
     * and the bare-terms cap when {@code bareTerms} and some point is made. Whoever decided the verdicts, the score
     * is worked out here.
     */
    public static Grade scored(List<PointGrade> points, boolean bareTerms) {
        long made = points.stream().filter(p -> p.verdict() == Verdict.MADE).count();
        long contradicted = points.stream().filter(p -> p.verdict() == Verdict.CONTRADICTED).count();
        int total = points.size();
        double coverage = total == 0 ? 0 : (made - CONTRADICTION_PENALTY * contradicted) / total;
        int score = (int) Math.round(Math.pow(Math.max(0, Math.min(1, coverage)), CREDIT_CURVE) * 100);
        if (contradicted > 0) {
            score = Math.min(score, CONTRADICTED_CAP);
        }
        boolean bare = made > 0 && bareTerms;
        return new Grade(bare ? bareScore(score) : score, points, bare);
    }

    /** Naming every point in a bare list earns the cap; naming half of them, half the cap. */
    static int bareScore(int score) {
        return (int) Math.min(BARE_TERMS_CAP, Math.round(score * BARE_TERMS_SHARE));
    }

    /**
     * Where each concept of the question occurs in the answer, read all at once: a hit inside a longer one that
     * negates it (可重复读 inside 不可重复读, 阻塞 inside 非阻塞) is no hit, and a negation word that belongs to a
     * term (非叶子节点, 读未提交) negates nothing after it.
     */
    private record Reading(List<List<Occurrence>> occurrences, boolean[] terms, boolean[] words) {
    }

    /** The English prefix that makes a term its opposite: non-blocking is no kind of blocking. */
    private static final String NON = "non";

    /** A hit this long is a wording of its own, not a term: its function words still show an explanation. */
    static final int PHRASE_ALIAS = 5;

    private Reading read(CompiledQuestion question, Text text) {
        List<List<Alias.Hit>> hits = question.hits(text);
        List<Alias.Hit> all = hits.stream().flatMap(List::stream).toList();
        int[] reachOfAll = reach(all, text.size);
        boolean[] terms = new boolean[text.size];
        boolean[] words = new boolean[text.size];
        List<List<Occurrence>> kept = new ArrayList<>(hits.size());
        for (List<Alias.Hit> list : hits) {
            List<Occurrence> occurrences = new ArrayList<>();
            for (Alias.Hit hit : list) {
                if (!partOfAnotherTerm(hit, all, reachOfAll, text)) {
                    occurrences.add(new Occurrence(hit.from(), hit.to(), text.clause[hit.from()],
                            text.phrase[hit.from()], false));
                    for (int t = hit.from(); t <= hit.to(); t++) {
                        terms[t] = true;
                        words[t] |= hit.to() - hit.from() + 1 < PHRASE_ALIAS;
                    }
                }
            }
            kept.add(occurrences);
        }
        int[] reachOfKept = reach(kept.stream().flatMap(List::stream)
                .map(o -> new Alias.Hit(o.from(), o.to())).toList(), text.size);
        List<List<Occurrence>> occurrences = kept.stream().map(list -> list.stream().map(o -> new Occurrence(o.from(),
                o.to(), o.clause(), o.phrase(), Cues.negated(text, o.from(), terms)
                || negatedByOverlap(o, reachOfKept, text))).toList()).toList();
        return new Reading(occurrences, terms, words);
    }

    /**
     * Whether the hit is part of another term rather than a word of its own: a sound-alike inside a longer term spelled
     * exactly, or a hit inside a longer term that negates it: a longer hit covers it with a negation in front of it
     * (可重复读 inside an alias 不可重复读, 尾递归 inside 不做尾递归), or a negation just before it makes a word the
     * lexicon knows (非阻塞), or the English prefix non- stands in front of it (non-blocking).
     */
    private boolean partOfAnotherTerm(Alias.Hit hit, List<Alias.Hit> all, int[] reachOfAll, Text text) {
        if (hit.soundAlike() && insideExactTerm(hit, all)) {
            return true;
        }
        if (coveredFromBeforeANegation(reachOfAll, text, hit.from(), hit.to())) {
            return true;
        }
        int before = hit.from() - 1;
        if (before >= 0 && !text.han[before] && NON.equals(text.keys[before])
                && text.phrase[before] == text.phrase[hit.from()]) {
            return true; // non-blocking, non-data descriptor: never the term itself
        }
        if (before < 0 || !Cues.isNegatingCharacter(text, before) || text.phrase[before] != text.phrase[hit.from()]) {
            return false;
        }
        StringBuilder word = new StringBuilder(text.keys[before]);
        for (int t = hit.from(); t <= hit.to(); t++) {
            word.append(text.keys[t]);
        }
        return lexicon.isWord(word.toString());
    }

    /** A sound-alike hit that is part of a longer term spelled exactly: 式锁 in 分布式锁 is no typo of 死锁. */
    private static boolean insideExactTerm(Alias.Hit hit, List<Alias.Hit> all) {
        for (Alias.Hit other : all) {
            boolean longer = other.to() - other.from() > hit.to() - hit.from();
            if (!other.soundAlike() && longer && other.from() <= hit.to() && other.to() >= hit.from()) {
                return true;
            }
        }
        return false;
    }

    /** A longer term that runs into this one with a negation before it: "通配符" inside "不能用通配符". */
    private static boolean negatedByOverlap(Occurrence o, int[] reachOfKept, Text text) {
        return coveredFromBeforeANegation(reachOfKept, text, o.from(), o.from());
    }

    /**
     * Whether a hit that starts at or before the last negation in front of token {@code at} reaches token {@code to}:
     * some term runs from before that negation, over it, to here.
     */
    private static boolean coveredFromBeforeANegation(int[] reach, Text text, int at, int to) {
        int negation = text.marks().lastNegatingBefore(at);
        return negation >= 0 && reach[negation] >= to;
    }

    /** For each token, the furthest token reached by any of the hits that start at or before it; -1 for none. */
    private static int[] reach(List<Alias.Hit> hits, int size) {
        int[] reach = new int[size];
        Arrays.fill(reach, -1);
        for (Alias.Hit hit : hits) {
            reach[hit.from()] = Math.max(reach[hit.from()], hit.to());
        }
        for (int i = 1; i < size; i++) {
            reach[i] = Math.max(reach[i], reach[i - 1]);
        }
        return reach;
    }

    private PointGrade judge(CompiledQuestion.Point compiled, Text text, Reading reading) {
        KeyPoint point = compiled.point();
        for (int i = 0; i < compiled.wrongs().size(); i++) {
            Optional<String> quote = found(compiled.wrongs().get(i), reading).statedUnrefuted(text);
            if (quote.isPresent()) {
                String correct = point.contradictions().get(i).correct();
                return new PointGrade(point, Verdict.CONTRADICTED, quote.get(),
                        correct == null || correct.isBlank() ? point.point() : correct);
            }
        }
        List<Found> claims = compiled.claims().stream().map(c -> found(c, reading)).toList();
        Optional<String> madeBy = claims.stream().filter(Found::informative)
                .map(f -> f.stated(text)).flatMap(Optional::stream).findFirst();
        if (madeBy.isPresent()) {
            return new PointGrade(point, Verdict.MADE, madeBy.get(), "");
        }
        Optional<String> denied = claims.stream().map(f -> f.denied(text)).flatMap(Optional::stream).findFirst();
        if (denied.isEmpty()) {
            denied = claims.stream().map(f -> f.quantity().flatMap(q -> Quantities.mismatch(q, f.perConcept(), text))
                    .map(text::clauseText)).flatMap(Optional::stream).findFirst();
        }
        return denied.map(q -> new PointGrade(point, Verdict.CONTRADICTED, Quote.shorten(q, QUOTE_LENGTH), point.point()))
                .orElseGet(() -> new PointGrade(point, Verdict.MISSED, "", ""));
    }

    private static Found found(CompiledQuestion.Slots claim, Reading reading) {
        List<List<Occurrence>> perConcept = new ArrayList<>(claim.concepts().length);
        for (int c : claim.concepts()) {
            perConcept.add(reading.occurrences().get(c));
        }
        return new Found(perConcept, claim.informative(), claim.quantity());
    }

    private List<Alias> compile(Concept concept) {
        List<Alias> aliases = new ArrayList<>();
        concept.aliases().forEach(a -> aliases.addAll(Alias.compile(a, lexicon)));
        return List.copyOf(aliases);
    }

    /** Where one occurrence of a concept is, and whether a negation stands in front of it. */
    record Occurrence(int from, int to, int clause, int phrase, boolean negated) {
    }

    /** A claim's concepts as found in the answer; informative unless the question names every one of them. */
    private record Found(List<List<Occurrence>> perConcept, boolean informative,
                         Optional<Quantities.Expected> quantity) {

        /** The quote of the first clause where every concept occurs un-negated. */
        Optional<String> stated(Text text) {
            if (anyMissing()) {
                return Optional.empty();
            }
            // Only a clause where the first concept occurs un-negated can hold them all.
            int first = -1;
            for (Occurrence o : perConcept.get(0)) {
                if (!o.negated() && (first < 0 || o.clause() < first) && allIn(o.clause())) {
                    first = o.clause();
                }
            }
            return first < 0 ? Optional.empty() : Optional.of(quote(text, first));
        }

        private boolean anyMissing() {
            if (perConcept.isEmpty()) {
                return true;
            }
            for (List<Occurrence> occurrences : perConcept) {
                if (occurrences.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The quote of a clause that states this wrong claim: its concepts all un-negated in one phrase (so "客户端
         * 进入 SYN_SENT，服务端进入 SYN_RCVD" does not state "服务端 … SYN_SENT"), in a clause that does not talk about
         * the misconception as one.
         */
        Optional<String> statedUnrefuted(Text text) {
            if (anyMissing()) {
                return Optional.empty();
            }
            for (Occurrence first : perConcept.get(0)) {
                if (!first.negated() && !Cues.supposes(text, first.phrase()) && saidOf(first)
                        && !Cues.refutes(text, first.clause())) {
                    return Optional.of(quote(text, first.clause()));
                }
            }
            return Optional.empty();
        }

        /** Whether every other concept occurs un-negated in the phrase of this occurrence of the first. */
        private boolean saidOf(Occurrence first) {
            for (List<Occurrence> occurrences : perConcept.subList(1, perConcept.size())) {
                if (occurrences.stream().noneMatch(o -> !o.negated() && o.phrase() == first.phrase())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A phrase where every concept occurs but one of them only negated, right after its negation, and not as the
         * condition of something that follows: "Redis 不是单线程的" denies, "不定义 mapping 会动态映射" does not.
         */
        Optional<String> denied(Text text) {
            if (anyMissing()) {
                return Optional.empty();
            }
            for (Occurrence negation : perConcept.stream().flatMap(List::stream).filter(Occurrence::negated).toList()) {
                int phrase = negation.phrase();
                boolean everyConcept = perConcept.stream()
                        .allMatch(os -> os.stream().anyMatch(o -> o.phrase() == phrase));
                boolean someOnlyNegated = perConcept.stream().anyMatch(os ->
                        os.stream().anyMatch(o -> o.phrase() == phrase)
                                && os.stream().filter(o -> o.phrase() == phrase).allMatch(Occurrence::negated));
                if (everyConcept && someOnlyNegated && !allIn(negation.clause())
                        && Cues.closelyNegated(text, negation.from()) && !Cues.conditionalAfter(text, negation.to())) {
                    return Optional.of(quote(text, negation.clause()));
                }
            }
            return Optional.empty();
        }

        /** Whether every concept occurs un-negated in the clause. */
        private boolean allIn(int clause) {
            if (perConcept.isEmpty()) {
                return false;
            }
            for (List<Occurrence> occurrences : perConcept) {
                boolean found = false;
                for (int i = 0; i < occurrences.size() && !found; i++) {
                    found = occurrences.get(i).clause() == clause && !occurrences.get(i).negated();
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }

        private String quote(Text text, int clause) {
            String whole = text.clauseText(clause);
            if (whole.length() <= QUOTE_LENGTH) {
                return whole;
            }
            int from = Integer.MAX_VALUE;
            int to = -1;
            for (List<Occurrence> occurrences : perConcept) {
                for (Occurrence o : occurrences) {
                    if (o.clause() == clause && !o.negated()) {
                        from = Math.min(from, o.from());
                        to = Math.max(to, o.to());
                    }
                }
            }
            if (to < 0) {
                return Quote.shorten(whole, QUOTE_LENGTH);
            }
            return Quote.around(text, from, to, QUOTE_LENGTH);
        }
    }
}
