package coach.mock;

import coach.bank.Question;
import coach.mock.Mock.Item;
import coach.mock.Mock.ItemStatus;
import coach.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Mock interviews, their questions and the key points their answers missed, in SQLite. */
public final class MockStore {

    private final Database db;

    public MockStore(Database db) {
        this.db = db;
    }

    /** A key point missed in a mock, with how many times the user has missed it across all their mocks. */
    public record MissedPoint(String point, int times) {
    }

    /** The user's running mock, if any. */
    public Optional<Mock> running(long userId) {
        return db.one("SELECT id FROM mocks WHERE user_id = ? AND status = 'running'", rs -> rs.getLong(1), userId)
                .flatMap(this::find);
    }

    private static final String ITEMS = """
            SELECT position, question_id, topic, status, asked_at, score FROM mock_items
            WHERE mock_id = ? ORDER BY position""";

    public Optional<Mock> find(long mockId) {
        List<Item> items = db.list(ITEMS, MockStore::mapItem, mockId);
        return db.one("SELECT id, user_id, topic, status FROM mocks WHERE id = ?",
                rs -> new Mock(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Mock.Status.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), items), mockId);
    }

    /** Records a new running mock with its questions, none asked yet. */
    public long start(long userId, String topic, List<Question> questions, Instant now) {
        return db.tx(c -> {
            long id = db.insert("INSERT INTO mocks (user_id, topic, status, started_at) VALUES (?, ?, 'running', ?)",
                    userId, topic, now.getEpochSecond());
            for (int i = 0; i < questions.size(); i++) {
                db.update("""
                        INSERT INTO mock_items (mock_id, position, question_id, topic, status)
                        VALUES (?, ?, ?, ?, 'pending')""", id, i + 1, questions.get(i).id(), questions.get(i).topic());
            }
            return id;
        });
    }

    /** Marks a question as put to the user now. */
    public void open(long mockId, int position, Instant now) {
        db.update("UPDATE mock_items SET status = 'open', asked_at = ? WHERE mock_id = ? AND position = ?",
                now.getEpochSecond(), mockId, position);
    }

    /** Records an answer: its row in the practice history, its score and the key points it missed. */
    public void answer(long mockId, int position, long askedId, int score, List<String> missed) {
        db.tx(c -> {
            settle(mockId, position, "answered", askedId, score);
            missed.forEach(point -> db.update("INSERT INTO mock_missed (mock_id, position, point) VALUES (?, ?, ?)",
                    mockId, position, point));
            return null;
        });
    }

    /** Records a skipped question, scored 0. */
    public void skip(long mockId, int position, long askedId) {
        settle(mockId, position, "skipped", askedId, 0);
    }

    /** Takes a question out of the mock: withdrawn from the banks, or left unanswered by a stop. */
    public void drop(long mockId, int position) {
        db.update("UPDATE mock_items SET status = 'dropped' WHERE mock_id = ? AND position = ?", mockId, position);
    }

    /** Ends the mock as finished or stopped. */
    public void end(long mockId, Mock.Status status, Instant now) {
        if (status == Mock.Status.RUNNING) {
            throw new IllegalArgumentException("a mock ends as finished or stopped");
        }
        db.update("UPDATE mocks SET status = ?, ended_at = ? WHERE id = ? AND status = 'running'",
                status.name().toLowerCase(Locale.ROOT), now.getEpochSecond(), mockId);
    }

    /** Ranks a mock's missed points; {@code %s} is the column that keeps the order they were stored in. */
    private static final String MISSED_MOST = """
            SELECT m.point, COUNT(*) AS times, MIN(CASE WHEN m.mock_id = ? THEN m.%s END) AS first
            FROM mock_missed m JOIN mocks k ON k.id = m.mock_id
            WHERE k.user_id = ? AND m.point IN (SELECT point FROM mock_missed WHERE mock_id = ?)
            GROUP BY m.point ORDER BY times DESC, first LIMIT ?""";

    /** The key points this mock missed: the ones the user misses most often across their mocks first, then in order. */
    public List<MissedPoint> missedMost(long userId, long mockId, int limit) {
        return db.list(MISSED_MOST.formatted(db.dialect().insertionOrder()),
                rs -> new MissedPoint(rs.getString(1), rs.getInt(2)), mockId, userId, mockId, limit);
    }

    /** The key points one answer of the mock missed, in the order the question lists them. */
    public List<String> missed(long mockId, int position) {
        return db.list("SELECT point FROM mock_missed WHERE mock_id = ? AND position = ? ORDER BY "
                + db.dialect().insertionOrder(), rs -> rs.getString(1), mockId, position);
    }

    /** True when the user has answered or skipped the question in a mock. */
    public boolean answeredInMock(long userId, String questionId) {
        return db.number("""
                SELECT COUNT(*) FROM mock_items i JOIN mocks m ON m.id = i.mock_id
                WHERE m.user_id = ? AND i.question_id = ? AND i.status IN ('answered', 'skipped')""",
                userId, questionId) > 0;
    }

    private void settle(long mockId, int position, String status, long askedId, int score) {
        db.update("UPDATE mock_items SET status = ?, asked_id = ?, score = ? WHERE mock_id = ? AND position = ?",
                status, askedId, score, mockId, position);
    }

    private static Item mapItem(ResultSet rs) throws SQLException {
        long askedAt = rs.getLong("asked_at");
        Instant askedAtOrNull = rs.wasNull() ? null : Instant.ofEpochSecond(askedAt);
        int score = rs.getInt("score");
        Integer scoreOrNull = rs.wasNull() ? null : score;
        return new Item(rs.getInt("position"), rs.getString("question_id"), rs.getString("topic"),
                ItemStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), askedAtOrNull, scoreOrNull);
    }
}
