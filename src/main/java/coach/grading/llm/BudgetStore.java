package coach.grading.llm;

import java.time.LocalDate;

/**
 * Where model gradings are counted per user and local day. The in-memory store forgets on restart; a database-backed
 * one (a row per user and day, incremented with an upsert) keeps the count across restarts.
 */
public interface BudgetStore {

    /** Counts one more grading for the user on that day and returns the day's count, this one included. */
    int increment(long userId, LocalDate day);
}
