package coach.report;

import coach.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Problems users reported about questions, kept until an admin deals with them. */
public final class ReportStore {

    private final Database db;

    public ReportStore(Database db) {
        this.db = db;
    }

    /** A user's report about a question (question id may be null). */
    public record Report(long id, long userId, String questionId, String text, Instant createdAt) {
    }

    public long add(long userId, String questionId, String text, Instant now) {
        return db.insert("INSERT INTO reports (user_id, question_id, text, created_at) VALUES (?, ?, ?, ?)",
                userId, questionId, text, now.getEpochSecond());
    }

    /** The newest open reports first, at most {@code limit}. */
    public List<Report> newestOpen(int limit) {
        return db.list("""
                SELECT id, user_id, question_id, text, created_at FROM reports WHERE status = 'open'
                ORDER BY id DESC LIMIT ?""", ReportStore::map, limit);
    }

    public int countOpen() {
        return (int) db.number("SELECT COUNT(*) FROM reports WHERE status = 'open'");
    }

    /** Closes an open report; false when there is no open report with that id. */
    public boolean close(long id) {
        return db.update("UPDATE reports SET status = 'closed' WHERE id = ? AND status = 'open'", id) == 1;
    }

    private static Report map(ResultSet rs) throws SQLException {
        return new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochSecond(rs.getLong(5)));
    }
}
