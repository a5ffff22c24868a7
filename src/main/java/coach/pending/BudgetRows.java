package coach.pending;

import coach.grading.llm.BudgetStore;
import coach.store.Database;
import java.time.LocalDate;

/** Model gradings counted in SQLite, a row per user and local day, so that a restart does not refill the budget. */
public final class BudgetRows implements BudgetStore {

    /** Days kept behind the day being counted; older rows are dropped as new days are counted. */
    private static final int KEPT_DAYS = 2;

    private final Database db;

    public BudgetRows(Database db) {
        this.db = db;
    }

    @Override
    public int increment(long userId, LocalDate day) {
        return db.tx(c -> {
            db.update("DELETE FROM model_budget WHERE day < ?", day.minusDays(KEPT_DAYS).toString());
            db.update("""
                    INSERT INTO model_budget (user_id, day, count) VALUES (?, ?, 1)
                    ON CONFLICT (user_id, day) DO UPDATE SET count = count + 1""", userId, day.toString());
            return (int) db.number("SELECT count FROM model_budget WHERE user_id = ? AND day = ?", userId,
                    day.toString());
        });
    }
}
