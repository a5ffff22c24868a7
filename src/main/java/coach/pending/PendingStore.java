package coach.pending;

import coach.chat.Turn;
import coach.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Answers waiting for the model, in SQLite beside the outbox. {@link #enabled} says whether answers are graded later
 * (a model is configured); each {@link #add} signals the worker, which reads the row once the adding transaction
 * has committed.
 */
public final class PendingStore {

    private static final String COLUMNS = """
            SELECT id, user_id, chat_id, question_id, answer, flow, asked_id, mock_id, position, created_at
            FROM pending_gradings""";

    private final Database db;
    private final boolean enabled;
    private final Semaphore added = new Semaphore(0);

    public PendingStore(Database db, boolean enabled) {
        this.db = db;
        this.enabled = enabled;
    }

    /** True when answers are graded by the model after their transaction, not offline inside it. */
    public boolean enabled() {
        return enabled;
    }

    /** Stores an answer for the worker, in the caller's transaction. */
    public void add(PendingGrading p) {
        db.update("""
                INSERT INTO pending_gradings (user_id, chat_id, question_id, answer, flow, asked_id, mock_id, position,
                                              created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                p.userId(), p.chatId(), p.questionId(), p.answer(), p.flow(), p.askedId(), p.mockId(), p.position(),
                p.createdAt().getEpochSecond());
        added.release();
    }

    /** Stores an answer for the worker and tells the user it is being graded, with the typing status. */
    public void defer(Turn turn, PendingGrading p) {
        add(p);
        turn.typing();
        turn.say(turn.t("grading.started"));
    }

    /**
     * True, having asked the user to wait, while an answer of theirs waits for the model: until it is applied, nothing
     * may answer, skip or stop what it answers. Always false when answers are graded at once.
     */
    public boolean holds(Turn turn) {
        if (!enabled || !waiting(turn.user().userId())) {
            return false;
        }
        turn.say(turn.t("grading.wait"));
        return true;
    }

    /** True while an answer of the user waits for its grade. */
    public boolean waiting(long userId) {
        return db.number("SELECT COUNT(*) FROM pending_gradings WHERE user_id = ?", userId) > 0;
    }

    /** Every waiting answer, oldest first. */
    public List<PendingGrading> all() {
        return db.list(COLUMNS + " ORDER BY id", PendingStore::map);
    }

    /** True while the row has not been applied. */
    boolean exists(long id) {
        return db.number("SELECT COUNT(*) FROM pending_gradings WHERE id = ?", id) > 0;
    }

    void delete(long id) {
        db.update("DELETE FROM pending_gradings WHERE id = ?", id);
    }

    /** Waits until an answer was added since the last call, or the timeout passes; true when one was. */
    boolean awaitAdded(long millis) throws InterruptedException {
        boolean any = added.tryAcquire(millis, TimeUnit.MILLISECONDS);
        added.drainPermits();
        return any;
    }

    private static PendingGrading map(ResultSet rs) throws SQLException {
        return new PendingGrading(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), optionalLong(rs, 7), optionalLong(rs, 8),
                rs.getObject(9) == null ? null : rs.getInt(9), Instant.ofEpochSecond(rs.getLong(10)));
    }

    private static Long optionalLong(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column) == null ? null : rs.getLong(column);
    }
}
