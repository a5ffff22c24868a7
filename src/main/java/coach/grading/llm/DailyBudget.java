package coach.grading.llm;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How many answers a user may have graded by the model per day of their own calendar. Past the limit grading is
 * offline until their next day; the first answer past it is the one whose reply says so.
 */
public final class DailyBudget {

    /** Whether the model may grade this answer, and whether this is the first refusal of the user's day. */
    public enum Decision {
        GRANTED, SPENT_JUST_NOW, SPENT
    }

    private final int perDay;
    private final BudgetStore store;

    public DailyBudget(int perDay, BudgetStore store) {
        if (perDay < 1) {
            throw new IllegalArgumentException("perDay must be positive");
        }
        this.perDay = perDay;
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Spends one grading of the user's {@code today} (their local date), if there is one left. */
    public Decision take(long userId, LocalDate today) {
        int count = store.increment(userId, Objects.requireNonNull(today, "today"));
        return count <= perDay ? Decision.GRANTED : count == perDay + 1 ? Decision.SPENT_JUST_NOW : Decision.SPENT;
    }
}
