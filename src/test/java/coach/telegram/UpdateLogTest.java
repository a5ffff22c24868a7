package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.store.Database;
import coach.store.TempDatabase;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The offset to poll from and the handled ids, as a restart after a crash would find them. */
class UpdateLogTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @RegisterExtension
    final TempDatabase temp = new TempDatabase();

    private Database db;
    private UpdateLog log;

    @BeforeEach
    void open() {
        db = temp.db();
        log = new UpdateLog(db);
    }

    @Test
    void handledIdsAreFoundByTheirPollsRange() {
        log.markHandled(7, NOW);
        log.markHandled(5, NOW);
        log.markHandled(12, NOW);
        assertEquals(Set.of(5, 7), log.handledAmong(5, 11));
        assertEquals(Set.of(), log.handledAmong(8, 11));
    }

    @Test
    void anUpdateLeftForLaterKeepsTheOffsetAtItSoACrashCannotLoseIt() {
        // 6 waits for its slow work to be done again while 7 and 8 are handled in the same transaction
        db.tx(c -> {
            log.markHandled(5, NOW);
            log.markHandled(7, NOW);
            log.markHandled(8, NOW);
            log.advanceTo(9);
            log.holdAt(6);
            return null;
        });
        assertEquals(6, log.nextOffset(), "a restart fetches 6 again");
        assertEquals(Set.of(5, 7, 8), log.handledAmong(5, 8), "and skips 7 and 8, already handled");

        log.holdAt(9);
        assertEquals(6, log.nextOffset(), "holding never moves the offset forward");
        log.markHandled(6, NOW);
        log.advanceTo(9);
        assertEquals(9, log.nextOffset(), "once 6 is handled the offset passes the whole poll");
        log.advanceTo(3);
        assertEquals(9, log.nextOffset(), "and never moves back");
    }
}
