package coach.practice;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Streaks and streak freezes over the local calendar days on which a user answered. Pure and deterministic: all of
 * it comes from one walk over the calendar, so nothing but the answer days is stored.
 *
 * <p>Each time the running streak reaches a multiple of {@value #DAYS_PER_FREEZE} days the user earns a freeze,
 * holding at most {@value #MAX_FREEZES}. A past day without an answer spends a freeze instead of ending the streak.
 * A frozen day keeps the streak alive but does not add to its length. Today never ends a streak: it is not over.
 */
public final class Streaks {

    /** Answered days in a row that earn one freeze. */
    public static final int DAYS_PER_FREEZE = 7;
    /** Freezes a user can hold at once. */
    public static final int MAX_FREEZES = 2;

    /** The current streak (0 when broken), the longest ever, the freezes held now, and the days a freeze saved. */
    public record Streak(int current, int longest, int freezes, Set<LocalDate> frozen) {
        public Streak {
            frozen = Set.copyOf(frozen);
        }

        public Streak(int current, int longest, int freezes) {
            this(current, longest, freezes, Set.of());
        }
    }

    private Streaks() {
    }

    /** The streak as it stands on {@code today}, walking the calendar from the first answer day. */
    public static Streak of(Collection<LocalDate> answerDays, LocalDate today) {
        TreeSet<LocalDate> days = new TreeSet<>(answerDays);
        if (days.isEmpty()) {
            return new Streak(0, 0, 0);
        }
        LocalDate end = days.last().isAfter(today) ? days.last() : today;
        Walk walk = new Walk();
        for (LocalDate day = days.first(); !day.isAfter(end); day = day.plusDays(1)) {
            if (days.contains(day)) {
                walk.answered();
            } else if (day.isBefore(today)) {
                walk.missed(day);
            }
        }
        return new Streak(walk.run, walk.longest, walk.freezes, walk.frozen);
    }

    /** The state carried from day to day. */
    private static final class Walk {
        int run;
        int longest;
        int freezes;
        final Set<LocalDate> frozen = new TreeSet<>();

        void answered() {
            run++;
            longest = Math.max(longest, run);
            if (run % DAYS_PER_FREEZE == 0 && freezes < MAX_FREEZES) {
                freezes++;
            }
        }

        void missed(LocalDate day) {
            if (freezes > 0) {
                freezes--;
                frozen.add(day);
            } else {
                run = 0;
            }
        }
    }
}
