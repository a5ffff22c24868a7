package coach.practice;

import java.time.LocalDate;
import java.util.Collection;
import java.util.TreeSet;

/** Streaks over the local calendar days on which a user answered. Pure. */
public final class Streaks {

    /** The current run (ending today or yesterday, else 0) and the longest run ever. */
    public record Streak(int current, int longest) {
    }

    private Streaks() {
    }

    public static Streak of(Collection<LocalDate> answerDays, LocalDate today) {
        TreeSet<LocalDate> days = new TreeSet<>(answerDays);
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        LocalDate end = days.contains(today) ? today : today.minusDays(1);
        int current = 0;
        while (days.contains(end.minusDays(current))) {
            current++;
        }
        return new Streak(current, longest);
    }
}
