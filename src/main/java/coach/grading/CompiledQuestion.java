package coach.grading;

import coach.bank.Question;
import coach.bank.Question.Claim;
import coach.bank.Question.Concept;
import coach.bank.Question.KeyPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A question compiled for grading, once: its distinct concepts, every alias of them indexed by its first word and,
 * for Chinese aliases that allow a homophone, by its first sound, so that an answer is read in one pass over its
 * tokens whatever the number of aliases; which concepts the question's own text names; and each key point's claims
 * and wrong claims as places in the list of concepts.
 */
final class CompiledQuestion {

    /** One alias of the concept in slot {@code concept}, {@code rank}-th among that concept's aliases. */
    private record Entry(int concept, int rank, Alias alias) {
    }

    /**
     * A claim as concept slots; informative unless the question names every one of its concepts; with the quantity
     * it states, if any.
     */
    record Slots(int[] concepts, boolean informative, Optional<Quantities.Expected> quantity) {
    }

    /** A key point with its claims and wrong claims, in bank order. */
    record Point(KeyPoint point, List<Slots> claims, List<Slots> wrongs) {
    }

    private static final Entry[] NONE = new Entry[0];
    /** Hits of one concept in the order its aliases are listed, each alias's exact matches before its look-alikes. */
    private static final Comparator<Found> ORDER =
            Comparator.comparingInt(Found::rank).thenComparingInt(Found::kind).thenComparingInt(f -> f.hit().from());

    private record Found(int rank, int kind, Alias.Hit hit) {
    }

    final Question question;
    final int concepts;
    final List<Point> points;
    private final Map<String, Entry[]> byKey;
    private final Map<String, Entry[]> bySound;

    private CompiledQuestion(Question question, Map<Concept, Integer> slots, Function<Concept, List<Alias>> aliases) {
        this.question = question;
        this.concepts = slots.size();
        Map<String, List<Entry>> keys = new HashMap<>();
        Map<String, List<Entry>> sounds = new HashMap<>();
        slots.forEach((concept, slot) -> {
            List<Alias> list = aliases.apply(concept);
            for (int rank = 0; rank < list.size(); rank++) {
                Alias alias = list.get(rank);
                Entry entry = new Entry(slot, rank, alias);
                keys.computeIfAbsent(alias.firstKey(), k -> new ArrayList<>()).add(entry);
                alias.firstSoundAlike().ifPresent(s -> sounds.computeIfAbsent(s, k -> new ArrayList<>()).add(entry));
            }
        });
        this.byKey = frozen(keys);
        this.bySound = frozen(sounds);
        List<List<Alias.Hit>> named = hits(Text.of(question.question()));
        List<Point> compiled = new ArrayList<>();
        for (KeyPoint point : question.keyPoints()) {
            compiled.add(new Point(point, point.claims().stream().map(c -> slots(c, slots, named)).toList(),
                    point.contradictions().stream().map(w -> slots(w.claim(), slots, named)).toList()));
        }
        this.points = List.copyOf(compiled);
    }

    /** Compiles the question; {@code aliases} gives the compiled aliases of a concept. */
    static CompiledQuestion of(Question question, Function<Concept, List<Alias>> aliases) {
        Map<Concept, Integer> slots = new LinkedHashMap<>();
        forEachConcept(question, concept -> slots.putIfAbsent(concept, slots.size()));
        return new CompiledQuestion(question, slots, aliases);
    }

    /** Every concept of the question's key points, their claims' and their wrong claims'. */
    private static void forEachConcept(Question question, Consumer<Concept> action) {
        for (KeyPoint point : question.keyPoints()) {
            point.claims().forEach(c -> c.concepts().forEach(action));
            point.contradictions().forEach(w -> w.claim().concepts().forEach(action));
        }
    }

    private static Slots slots(Claim claim, Map<Concept, Integer> slots, List<List<Alias.Hit>> named) {
        int[] concepts = claim.concepts().stream().mapToInt(slots::get).toArray();
        boolean allNamed = true;
        for (int c : concepts) {
            allNamed &= !named.get(c).isEmpty();
        }
        return new Slots(concepts, !allNamed, Quantities.of(claim));
    }

    /**
     * Where each concept's aliases occur in the text, by concept slot: each token is looked up once, as itself, by
     * its sound, and joined with the next Latin word ("roll back" for "rollback").
     */
    List<List<Alias.Hit>> hits(Text text) {
        List<List<Found>> found = new ArrayList<>(concepts);
        for (int c = 0; c < concepts; c++) {
            found.add(new ArrayList<>(2));
        }
        for (int p = 0; p < text.size; p++) {
            for (Entry e : byKey.getOrDefault(text.keys[p], NONE)) {
                add(found, e, 0, e.alias().matchAt(text, p));
            }
            if (text.han[p]) {
                if (text.sounds[p] != null) {
                    for (Entry e : bySound.getOrDefault(text.sounds[p], NONE)) {
                        if (!e.alias().firstKey().equals(text.keys[p])) {
                            add(found, e, 1, e.alias().matchAt(text, p));
                        }
                    }
                }
            } else if (p + 1 < text.size && !text.han[p + 1] && text.clause[p + 1] == text.clause[p]) {
                for (Entry e : byKey.getOrDefault(text.keys[p] + text.keys[p + 1], NONE)) {
                    add(found, e, 1, e.alias().matchAt(text, p));
                }
            }
        }
        List<List<Alias.Hit>> hits = new ArrayList<>(concepts);
        for (List<Found> list : found) {
            if (list.size() < 2) {
                hits.add(list.isEmpty() ? List.of() : List.of(list.get(0).hit()));
                continue;
            }
            list.sort(ORDER);
            List<Alias.Hit> sorted = new ArrayList<>(list.size());
            list.forEach(f -> sorted.add(f.hit()));
            hits.add(sorted);
        }
        return hits;
    }

    private static void add(List<List<Found>> found, Entry e, int kind, Alias.Hit hit) {
        if (hit != null) {
            found.get(e.concept()).add(new Found(e.rank(), kind, hit));
        }
    }

    private static Map<String, Entry[]> frozen(Map<String, List<Entry>> lists) {
        Map<String, Entry[]> arrays = new HashMap<>(lists.size() * 2);
        lists.forEach((k, v) -> arrays.put(k, v.toArray(NONE)));
        return arrays;
    }
}
