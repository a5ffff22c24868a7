package coach.telegram;

import coach.store.Database;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which updates are handled, so that a crash or restart neither loses nor repeats one: the next offset to ask
 * Telegram for, and the ids already handled, both committed with the handling itself.
 */
final class UpdateLog {

    /** Handled ids older than this many below the offset are forgotten; Telegram never resends them. */
    static final int KEEP = 10_000;

    private final Database db;
    private final String markHandled;

    UpdateLog(Database db) {
        this.db = db;
        this.markHandled = db.dialect().insertIgnoringDuplicates("handled_updates", List.of("update_id", "handled_at"));
    }

    int nextOffset() {
        return (int) db.number("SELECT next_offset FROM poll_state WHERE id = 1");
    }

    /** The ids from {@code from} to {@code to} (a poll's first and last) already handled: one query per poll. */
    Set<Integer> handledAmong(int from, int to) {
        return new HashSet<>(db.list("SELECT update_id FROM handled_updates WHERE update_id BETWEEN ? AND ?",
                rs -> rs.getInt(1), from, to));
    }

    /** Records the update as handled; the offset moves past it with {@link #advanceTo}, in the same transaction. */
    void markHandled(int updateId, Instant now) {
        db.update(markHandled, updateId, now.getEpochSecond());
    }

    /** Moves the next offset forward to {@code offset}, never back: every update below it has been handled. */
    void advanceTo(int offset) {
        db.update("UPDATE poll_state SET next_offset = " + db.dialect().greaterOf("next_offset", "?") + " WHERE id = 1",
                offset);
    }

    /**
     * Keeps the next offset at or below {@code updateId}, an update not handled yet while later ones were: after a
     * crash it is fetched again, and the later ones, already recorded as handled, are skipped.
     */
    void holdAt(int updateId) {
        db.update("UPDATE poll_state SET next_offset = ? WHERE id = 1 AND next_offset > ?", updateId, updateId);
    }

    void forgetOld() {
        db.update("DELETE FROM handled_updates WHERE update_id < (SELECT next_offset FROM poll_state WHERE id = 1) - ?",
                KEEP);
    }
}
