package coach.grading;

/**
 * Tells a list of terms from an explanation: an answer is bare when no function word ("是", "会", "because", "when")
 * or arrow ("生产者 → 交换机", "精确 > 前缀") joins its words into a statement, or a single one
 * does and almost nothing but terms stands in it.
 */
final class BareTerms {

    static final double MIN_OTHER_SHARE = 0.3;

    private BareTerms() {
    }

    /** {@code terms[i]} is true where token i belongs to a matched term (not to a longer wording of a concept). */
    static boolean isBare(Text text, boolean[] terms) {
        int other = 0;
        int function = 0;
        for (int i = 0; i < text.size; i++) {
            if (!terms[i]) {
                other++;
                function += Cues.isFunctionWord(text, i) ? 1 : 0;
            }
        }
        function += relations(text.original);
        if (text.size == 0) {
            return false;
        }
        double share = (double) other / text.size;
        return function == 0 || function == 1 && share < MIN_OTHER_SHARE;
    }

    /** Arrows and spaced comparisons, each of which relates the words on either side of it. */
    static int relations(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean spaced = i > 0 && i + 1 < text.length() && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ';
            if (c == '→' || c == '⇒' || c == '>' && (spaced || i > 0 && text.charAt(i - 1) == '-')) {
                count++;
            }
        }
        return count;
    }
}
