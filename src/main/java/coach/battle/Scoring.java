package coach.battle;

/** Points for a press: a right answer earns a base and a bonus that shrinks as the round runs out. Pure. */
final class Scoring {

    static final int BASE = 100;
    static final int SPEED_BONUS = 50;

    private Scoring() {
    }

    /** Points for an answer given {@code elapsedMillis} into a round of {@code roundMillis}. */
    static int points(boolean correct, long elapsedMillis, long roundMillis) {
        if (!correct) {
            return 0;
        }
        long left = Math.max(0, Math.min(roundMillis, roundMillis - elapsedMillis));
        return BASE + (int) (SPEED_BONUS * left / Math.max(1, roundMillis));
    }
}
