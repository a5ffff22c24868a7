package coach.pending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.grading.llm.DailyBudget;
import coach.store.Database;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model budget in SQLite: per user and local day, kept across a restart, old days dropped. */
class BudgetRowsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;

    @Test
    void countsPerUserAndDayAndKeepsThemAcrossARestart() {
        try (Database db = Database.open(dir.resolve("coach.db"))) {
            BudgetRows rows = new BudgetRows(db);
            assertEquals(1, rows.increment(1, MONDAY));
            assertEquals(2, rows.increment(1, MONDAY));
            assertEquals(1, rows.increment(2, MONDAY));
            assertEquals(1, rows.increment(1, MONDAY.plusDays(1)));
        }
        try (Database db = Database.open(dir.resolve("coach.db"))) {
            assertEquals(3, new BudgetRows(db).increment(1, MONDAY));
        }
    }

    @Test
    void aRestartDoesNotRefillASpentBudget() {
        try (Database db = Database.open(dir.resolve("coach.db"))) {
            DailyBudget budget = new DailyBudget(1, new BudgetRows(db));
            assertEquals(DailyBudget.Decision.GRANTED, budget.take(1, MONDAY));
        }
        try (Database db = Database.open(dir.resolve("coach.db"))) {
            DailyBudget budget = new DailyBudget(1, new BudgetRows(db));
            assertEquals(DailyBudget.Decision.SPENT_JUST_NOW, budget.take(1, MONDAY));
            assertEquals(DailyBudget.Decision.SPENT, budget.take(1, MONDAY));
            assertEquals(DailyBudget.Decision.GRANTED, budget.take(1, MONDAY.plusDays(1)));
        }
    }

    @Test
    void daysMoreThanTwoBehindAreDropped() {
        try (Database db = Database.open(dir.resolve("coach.db"))) {
            BudgetRows rows = new BudgetRows(db);
            rows.increment(1, MONDAY);
            rows.increment(2, MONDAY.plusDays(2));
            assertEquals(2, db.number("SELECT COUNT(*) FROM model_budget"));
            rows.increment(2, MONDAY.plusDays(3));
            assertEquals(2, db.number("SELECT COUNT(*) FROM model_budget WHERE day > ?", MONDAY.toString()));
            assertEquals(0, db.number("SELECT COUNT(*) FROM model_budget WHERE day = ?", MONDAY.toString()));
        }
    }
}
