package coach.schedule;

import coach.store.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** The due-user index and the record of daily deliveries, one per user per local day. */
public final class DeliveryStore {

    private final Database db;

    public DeliveryStore(Database db) {
        this.db = db;
    }

    /** A user whose daily question is due, with what is needed to deliver it. */
    public record Due(long userId, ZoneId zone, LocalTime time, Instant dueAt) {
    }

    /** Active, unpaused users due at or before {@code now}, earliest first, at most {@code limit}. */
    public List<Due> due(Instant now, int limit) {
        return db.list("""
                SELECT user_id, zone, daily_time, next_due_at FROM users
                WHERE active = 1 AND paused = 0 AND next_due_at <= ?
                ORDER BY next_due_at LIMIT ?""",
                rs -> new Due(rs.getLong(1), ZoneId.of(rs.getString(2)), LocalTime.parse(rs.getString(3)),
                        Instant.ofEpochSecond(rs.getLong(4))),
                now.getEpochSecond(), limit);
    }

    /** Users whose next due moment has not been computed yet (new, or settings changed), a page at a time. */
    public List<Due> unscheduled(int limit) {
        return db.list("""
                SELECT user_id, zone, daily_time FROM users WHERE next_due_at IS NULL ORDER BY user_id LIMIT ?""",
                rs -> new Due(rs.getLong(1), ZoneId.of(rs.getString(2)), LocalTime.parse(rs.getString(3)), null),
                limit);
    }

    public void reschedule(long userId, Instant nextDue) {
        db.update("UPDATE users SET next_due_at = ? WHERE user_id = ?", nextDue.getEpochSecond(), userId);
    }

    public boolean delivered(long userId, LocalDate day) {
        return db.number("SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND day = ?", userId, day.toString()) > 0;
    }

    public void record(long userId, LocalDate day, String questionId, Instant now) {
        db.update("INSERT INTO deliveries (user_id, day, question_id, delivered_at) VALUES (?, ?, ?, ?)",
                userId, day.toString(), questionId, now.getEpochSecond());
    }

    public int count(long userId) {
        return (int) db.number("SELECT COUNT(*) FROM deliveries WHERE user_id = ?", userId);
    }
}
