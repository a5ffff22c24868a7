package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.practice.PracticeStore;
import coach.practice.Review;
import java.nio.file.Path;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V8 carries SM-2 reviews over to FSRS state. */
class ReviewMigrationTest {

    @TempDir
    Path dir;

    @Test
    void sm2ReviewsBecomeFsrsReviewsDueOnTheSameDay() {
        Path file = dir.resolve("coach.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration")
                .mixed(true).target("7").load().migrate();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("INSERT INTO users (user_id, chat_id, language, zone, daily_time, created_at) "
                    + "VALUES (1, 1, 'zh', 'Asia/Shanghai', '09:00', 0)");
            s.execute("INSERT INTO reviews VALUES (1, 'redis-persistence', 3, 15, 2.6, '2026-12-01')");
            s.execute("INSERT INTO reviews VALUES (1, 'py-gil', 0, 1, 1.3, '2026-11-24')");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        try (Database db = Database.open(file)) {
            PracticeStore store = new PracticeStore(db);
            Review redis = store.review(1, "redis-persistence").orElseThrow();
            assertEquals(15, redis.stability(), 1e-9, "the interval becomes the stability");
            assertEquals(3.5, redis.difficulty(), 1e-9, "ease 2.6 is difficulty 10 - 1.3 · 5");
            assertEquals(LocalDate.of(2026, 11, 16), redis.reviewed());
            assertEquals(LocalDate.of(2026, 12, 1), redis.due());
            assertEquals(3, redis.reps());
            assertEquals(new Review(1, 10, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), 1),
                    store.review(1, "py-gil").orElseThrow());
            assertEquals(java.util.Optional.empty(), store.reviewBefore(1, "py-gil"));
            assertEquals(java.util.List.of("py-gil"), store.dueReviews(1, LocalDate.of(2026, 11, 30)));
        }
    }
}
