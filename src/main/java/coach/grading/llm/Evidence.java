package coach.grading.llm;

import coach.bank.Question.KeyPoint;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a model's quote against the answer before its verdict counts. A quote supports a verdict when it is short,
 * stays within one sentence, and is found in the answer once both are normalised (width and case folded, spaces and
 * punctuation dropped; "…" may join pieces quoted in order). A quote makes a key point only when it is also about
 * that point and more than a list of its terms.
 */
final class Evidence {

    /** Longest quote, in letters and digits: a clause, not the whole answer. */
    static final int MAX_LETTERS = 160;
    private static final Pattern ELLIPSIS = Pattern.compile("…+|\\.{3,}");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；!?;\\n]|\\.(\\s|$)");
    private static final Set<String> STOP_WORDS = Set.of("the", "an", "and", "or", "of", "to", "in", "on", "is", "are",
            "be", "it", "its", "as", "at", "by", "for", "with", "that", "this", "not", "no", "can", "will", "from");
    private static final int PREFIX = 4;

    private Evidence() {
    }

    /** Whether the quote is a short piece of the answer, within one sentence. */
    static boolean foundIn(String quote, String answer) {
        String haystack = letters(answer);
        int at = 0;
        int total = 0;
        boolean any = false;
        for (String piece : ELLIPSIS.split(quote.strip())) {
            String trimmed = piece.strip().replaceAll("[。！？；!?;.]+$", "");
            String needle = letters(trimmed);
            if (needle.isEmpty()) {
                continue;
            }
            if (SENTENCE_END.matcher(trimmed).find()) {
                return false;
            }
            int found = haystack.indexOf(needle, at);
            if (found < 0) {
                return false;
            }
            at = found + needle.length();
            total += needle.length();
            any = true;
        }
        return any && total <= MAX_LETTERS;
    }

    /**
     * Whether the quote can make the key point: it shares a word with the point or its concepts that the question does
     * not contain, and says something beyond them (a list of the point's terms and the question's words is no
     * statement).
     */
    static boolean makes(String quote, KeyPoint point, String question) {
        String said = fold(quote);
        String asked = fold(question);
        Set<String> askedWords = words(asked);
        Set<String> vocabulary = vocabulary(point);
        boolean about = false;
        for (String token : vocabulary) {
            about |= isLatin(token) ? !askedWords.contains(token) && words(said).stream().anyMatch(w -> sameWord(w, token))
                    : !asked.contains(token) && said.contains(token);
        }
        boolean beyond = false;
        for (String token : tokens(said)) {
            beyond |= isLatin(token) ? !askedWords.contains(token) && vocabulary.stream().noneMatch(v -> sameWord(v, token))
                    : !asked.contains(token) && !vocabulary.contains(token);
        }
        return about && beyond;
    }

    private static boolean isLatin(String token) {
        return token.codePoints().noneMatch(Evidence::isHan);
    }

    private static Set<String> tokens(String folded) {
        Set<String> tokens = new HashSet<>(words(folded));
        tokens.addAll(hanTokens(folded));
        return tokens;
    }

    /** Han bigrams (a lone Han character stands for itself) and Latin words of the point and its concepts. */
    static Set<String> vocabulary(KeyPoint point) {
        List<String> texts = new ArrayList<>(List.of(point.point()));
        point.claims().forEach(c -> c.concepts().forEach(k -> texts.addAll(k.aliases())));
        Set<String> tokens = new HashSet<>();
        texts.forEach(text -> tokens.addAll(tokens(fold(text))));
        return tokens;
    }

    private static List<String> hanTokens(String folded) {
        List<String> tokens = new ArrayList<>();
        int[] cps = folded.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int j = i;
            while (j < cps.length && isHan(cps[j])) {
                j++;
            }
            if (j - i == 1) {
                tokens.add(new String(cps, i, 1));
            }
            for (int k = i; k + 1 < j; k++) {
                tokens.add(new String(cps, k, 2));
            }
            i = j == i ? i + 1 : j;
        }
        return tokens;
    }

    private static Set<String> words(String folded) {
        Set<String> words = new HashSet<>();
        for (String w : folded.split("[^\\p{IsLatin}\\p{Nd}]+")) {
            if (w.length() >= 2 && !STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** The same word, or two forms of it: {@code rolled} and {@code rollback} share their first four letters. */
    private static boolean sameWord(String a, String b) {
        return a.equals(b) || a.length() >= PREFIX && b.length() >= PREFIX
                && a.regionMatches(0, b, 0, PREFIX);
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Letters and digits only, folded. */
    static String letters(String s) {
        StringBuilder out = new StringBuilder();
        fold(s).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
