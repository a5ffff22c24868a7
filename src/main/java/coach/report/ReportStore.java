package coach.report;

import coach.store.Database;
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

    public List<Report> open() {
        return db.list("SELECT id, user_id, question_id, text, created_at FROM reports WHERE status = 'open' ORDER BY id",
                rs -> new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochSecond(rs.getLong(5))));
    }
}
