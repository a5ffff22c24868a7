package coach.schedule;

import coach.store.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The due-user index and the record of daily deliveries: one unsolicited message per user per local day, marked
 * when it carried the weekly summary.
 */
public final class DeliveryStore {

    private final Database db;

    public DeliveryStore(Database db) {
        this.db = db;
    }

    /** A user whose daily question is due, with what is needed to deliver it. */
    public record Due(long userId, ZoneId zone, LocalTime time, boolean weekly, Instant dueAt) {
    }

    /** Active, unpaused users due at or before {@code now}, earliest first, at most {@code limit}. */
    public List<Due> due(Instant now, int limit) {
        return db.list("""
                SELECT user_id, zone, daily_time, weekly, next_due_at FROM users
                WHERE active = 1 AND paused = 0 AND next_due_at <= ?
                ORDER BY next_due_at LIMIT ?""",
                rs -> new Due(rs.getLong(1), ZoneId.of(rs.getString(2)), LocalTime.parse(rs.getString(3)),
                        rs.getInt(4) == 1, Instant.ofEpochSecond(rs.getLong(5))),
                now.getEpochSecond(), limit);
    }

    /** Users whose next due moment has not been computed yet (new, or settings changed), a page at a time. */
    public List<Due> unscheduled(int limit) {
        return db.list("""
                SELECT user_id, zone, daily_time, weekly FROM users
                WHERE next_due_at IS NULL ORDER BY user_id LIMIT ?""",
                rs -> new Due(rs.getLong(1), ZoneId.of(rs.getString(2)), LocalTime.parse(rs.getString(3)),
                        rs.getInt(4) == 1, null),
                limit);
    }

    public void reschedule(long userId, Instant nextDue) {
        db.update("UPDATE users SET next_due_at = ? WHERE user_id = ?", nextDue.getEpochSecond(), userId);
    }

    public boolean delivered(long userId, LocalDate day) {
        return db.number("SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND day = ?", userId, day.toString()) > 0;
    }

    /** Records the day's message; {@code questionId} is null when it carried only the weekly summary. */
    public void record(long userId, LocalDate day, String questionId, boolean summary, Instant now) {
        db.update("""
                INSERT INTO deliveries (user_id, day, question_id, summary, delivered_at) VALUES (?, ?, ?, ?, ?)""",
                userId, day.toString(), questionId, summary ? 1 : 0, now.getEpochSecond());
    }

    /** Whether the day's message carried the weekly summary. */
    public boolean summarised(long userId, LocalDate day) {
        return db.number("SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND day = ? AND summary = 1",
                userId, day.toString()) > 0;
    }

    public int count(long userId) {
        return (int) db.number("SELECT COUNT(*) FROM deliveries WHERE user_id = ?", userId);
    }
}
