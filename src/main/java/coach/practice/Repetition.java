package coach.practice;

import java.time.LocalDate;

/**
 * The SM-2 schedule: a question known well comes back after 1, 6, then ever longer intervals; one not known comes
 * back tomorrow and starts over.
 */
public final class Repetition {

    static final double START_EASE = 2.5;
    static final double MIN_EASE = 1.3;

    private Repetition() {
    }

    /** The review after rating a question today; {@code previous} is null the first time. */
    public static Review next(Review previous, Rating rating, LocalDate today) {
        int repetitions = previous == null ? 0 : previous.repetitions();
        int interval = previous == null ? 0 : previous.intervalDays();
        double ease = previous == null ? START_EASE : previous.ease();
        int q = rating.quality();
        if (q < 3) {
            repetitions = 0;
            interval = 1;
        } else {
            repetitions++;
            interval = switch (repetitions) {
                case 1 -> 1;
                case 2 -> 6;
                default -> (int) Math.round(interval * ease);
            };
        }
        ease = Math.max(MIN_EASE, ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
        return new Review(repetitions, interval, ease, today.plusDays(interval));
    }
}
