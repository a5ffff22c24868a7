package coach.admin;

import coach.store.Database;
import java.time.Instant;
import java.util.List;

/** How the coach is used, counted for admins from the users and the practice history. */
public final class UsageStore {

    private final Database db;

    public UsageStore(Database db) {
        this.db = db;
    }

    /** Users in all and still reachable, users who answered or skipped in the day, and the day's answers. */
    public record Usage(int users, int reachable, int activeInDay, int answersInDay) {
    }

    /** A topic with its number of answers. */
    public record TopicCount(String topic, int answers) {
    }

    /** Usage for the day {@code [dayStart, dayEnd)}. */
    public Usage usage(Instant dayStart, Instant dayEnd) {
        long from = dayStart.getEpochSecond();
        long to = dayEnd.getEpochSecond();
        return new Usage(
                count("SELECT COUNT(*) FROM users"),
                count("SELECT COUNT(*) FROM users WHERE active = 1"),
                count("SELECT COUNT(DISTINCT user_id) FROM asked WHERE answered_at >= ? AND answered_at < ?", from, to),
                count("""
                        SELECT COUNT(*) FROM asked
                        WHERE status = 'answered' AND answered_at >= ? AND answered_at < ?""", from, to));
    }

    private static final String TOP_TOPICS = """
            SELECT topic, COUNT(*) FROM asked WHERE status = 'answered' AND answered_at >= ? AND answered_at < ?
            GROUP BY topic ORDER BY COUNT(*) DESC, topic LIMIT ?""";

    /** The topics with the most answers in {@code [from, to)}, the most first, at most {@code limit}. */
    public List<TopicCount> topTopics(Instant from, Instant to, int limit) {
        return db.list(TOP_TOPICS, rs -> new TopicCount(rs.getString(1), rs.getInt(2)),
                from.getEpochSecond(), to.getEpochSecond(), limit);
    }

    private int count(String sql, Object... args) {
        return (int) db.number(sql, args);
    }
}
