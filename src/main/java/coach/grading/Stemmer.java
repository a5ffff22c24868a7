package coach.grading;

/**
 * Strips English inflection so that "caches", "cached" and "caching" read as "cache" does: plural -s/-es/-ies,
 * -ed, -ing, a doubled final consonant and a final e. Both the answer and the aliases go through it, so the stems
 * only have to agree with each other, not be words. "note", "notes" and "noted" stem to "note", never to the
 * negation "not".
 */
final class Stemmer {

    private Stemmer() {
    }

    static String stem(String word) {
        if (word.length() < 3 || !isLetters(word)) {
            return word;
        }
        String w = word;
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 4 && w.endsWith("ing")) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() >= 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w.equals("not") && !word.equals("not") ? "note" : w;
    }

    /** "committ" → "commit", but "roll", "pass" and "buzz" keep their pairs. */
    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsfz".indexOf(w.charAt(n - 1)) < 0
                && "aeiou".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
