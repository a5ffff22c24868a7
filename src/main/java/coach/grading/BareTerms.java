package coach.grading;

/**
 * Tells a list of terms from an explanation: an answer is bare when almost nothing stands between its matched
 * terms, or when hardly a function word ("是", "会", "because", "when") joins them into a statement.
 */
final class BareTerms {

    static final double MIN_OTHER_SHARE = 0.3;
    static final int MIN_FUNCTION_WORDS = 2;
    static final int FUNCTION_WORDS_OF_A_SENTENCE = 4;

    private BareTerms() {
    }

    /** {@code terms[i]} is true where token i belongs to a matched concept. */
    static boolean isBare(Text text, boolean[] terms) {
        int other = 0;
        int function = 0;
        for (int i = 0; i < text.size; i++) {
            if (!terms[i]) {
                other++;
                function += Cues.isFunctionWord(text, i) ? 1 : 0;
            }
        }
        if (text.size == 0) {
            return false;
        }
        double share = (double) other / text.size;
        return function < MIN_FUNCTION_WORDS
                || share < MIN_OTHER_SHARE && function < FUNCTION_WORDS_OF_A_SENTENCE;
    }
}
