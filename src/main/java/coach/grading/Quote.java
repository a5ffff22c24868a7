package coach.grading;

/** Short quotes from an answer, cut between characters (never inside a surrogate pair) and marked with "…". */
final class Quote {

    private Quote() {
    }

    /** The words from token {@code from} to {@code to}, widened within their clause up to about {@code max} chars. */
    static String around(Text text, int from, int to, int max) {
        int a = from;
        int b = to;
        int clause = text.clause[from];
        while (text.end[b] - text.start[a] < max) {
            boolean left = a > 0 && text.clause[a - 1] == clause;
            boolean right = b + 1 < text.size && text.clause[b + 1] == clause;
            if (!left && !right) {
                break;
            }
            if (right) {
                b++;
            }
            if (left && text.end[b] - text.start[a - 1] <= max) {
                a--;
            } else if (!right) {
                break;
            }
        }
        boolean cutLeft = a > 0 && text.clause[a - 1] == clause;
        boolean cutRight = b + 1 < text.size && text.clause[b + 1] == clause;
        return (cutLeft ? "…" : "") + text.span(a, b).strip() + (cutRight ? "…" : "");
    }

    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut) + "…";
    }
}
