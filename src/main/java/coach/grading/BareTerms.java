package coach.grading;

/**
 * Tells a list of terms from an explanation: an answer is bare when there is hardly one function word ("是", "会",
 * "because", "when") for every two points it makes, or when almost nothing but terms stands in it and fewer function
 * words than points.
 */
final class BareTerms {

    static final double MIN_OTHER_SHARE = 0.3;

    private BareTerms() {
    }

    /** {@code terms[i]} is true where token i belongs to a matched concept; {@code made} points were made. */
    static boolean isBare(Text text, boolean[] terms, long made) {
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
        return function * 2 <= made || share < MIN_OTHER_SHARE && function < made;
    }
}
