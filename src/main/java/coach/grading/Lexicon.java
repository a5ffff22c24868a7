package coach.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Objects;

/**
 * Groups of words that name the same thing in Chinese and English ({@code 哈希|hash|散列}), read from
 * {@code lexicon.txt}: an alias containing one of them also matches with another of its group in its place.
 */
final class Lexicon {

    private static final int MAX_VARIANTS = 12;
    private final List<List<String>> groups;

    private final Set<String> words;
    /** Every word of the lexicon by its first character, to find the words inside an alias in one pass over it. */
    private final Map<Character, List<String>> byFirstChar = new HashMap<>();
    /** The groups each word belongs to, by their place in {@link #groups}. */
    private final Map<String, List<Integer>> groupsOf = new HashMap<>();

    Lexicon(List<List<String>> groups) {
        this.groups = groups.stream().map(List::copyOf).toList();
        this.words = groups.stream().flatMap(List::stream).map(w -> w.replace(" ", ""))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        for (int g = 0; g < this.groups.size(); g++) {
            for (String word : this.groups.get(g)) {
                if (!word.isEmpty()) {
                    List<Integer> of = groupsOf.computeIfAbsent(word, w -> new ArrayList<>(1));
                    if (of.isEmpty()) {
                        byFirstChar.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
                    }
                    if (!of.contains(g)) {
                        of.add(g);
                    }
                }
            }
        }
    }

    /** Whether {@code word} (spaces removed) is a word of the lexicon, such as 不可重复读 or 非阻塞. */
    boolean isWord(String word) {
        return words.contains(word);
    }

    static Lexicon shipped() {
        List<List<String>> groups = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(Lexicon.class.getResourceAsStream("lexicon.txt"), "lexicon.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    groups.add(Arrays.stream(line.split("\\|")).map(w -> w.strip().toLowerCase(Locale.ROOT)).toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lexicon(groups);
    }

    /**
     * The alias with one lexicon word replaced by each other word of its group; the longest word found wins, and
     * a Latin word is replaced only where it stands whole.
     */
    List<String> variants(String alias) {
        String lower = alias.toLowerCase(Locale.ROOT);
        Set<String> inside = wordsInside(lower);
        SortedSet<Integer> candidates = new TreeSet<>();
        inside.forEach(word -> candidates.addAll(groupsOf.get(word)));
        List<String> out = new ArrayList<>();
        for (int g : candidates) {
            List<String> group = groups.get(g);
            for (String word : group) {
                int at = inside.contains(word) ? indexOfWhole(lower, word) : -1;
                if (at < 0 || coveredByLongerWord(lower, word, g, inside)) {
                    continue;
                }
                for (String other : group) {
                    if (!other.equals(word) && out.size() < MAX_VARIANTS) {
                        out.add(lower.substring(0, at) + " " + other + " " + lower.substring(at + word.length()));
                    }
                }
                break;
            }
        }
        return out;
    }

    /** The lexicon's words that occur anywhere in {@code text}, whole or not. */
    private Set<String> wordsInside(String text) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < text.length(); i++) {
            for (String word : byFirstChar.getOrDefault(text.charAt(i), List.of())) {
                if (text.startsWith(word, i)) {
                    found.add(word);
                }
            }
        }
        return found;
    }

    /** Skips "哈希" inside "哈希表" when "哈希表" has its own group, so each alias expands by its longest word. */
    private boolean coveredByLongerWord(String alias, String word, int own, Set<String> inside) {
        for (String longer : inside) {
            if (longer.length() > word.length() && longer.contains(word) && indexOfWhole(alias, longer) >= 0
                    && groupsOf.get(longer).stream().anyMatch(g -> g != own)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfWhole(String text, String word) {
        int from = 0;
        while (true) {
            int at = text.indexOf(word, from);
            if (at < 0) {
                return -1;
            }
            if (!isLatin(word) || isBoundary(text, at - 1) && isBoundary(text, at + word.length())) {
                return at;
            }
            from = at + 1;
        }
    }

    private static boolean isLatin(String word) {
        return word.chars().anyMatch(c -> c < 0x80 && Character.isLetter(c));
    }

    private static boolean isBoundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i))
                || Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN;
    }
}
