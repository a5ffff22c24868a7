package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transactions and their savepoints: what a failure undoes, and what commits. */
class DatabaseTest {

    @RegisterExtension
    final TempDatabase temp = new TempDatabase();

    private Database db;

    @BeforeEach
    void open() {
        db = temp.db();
        db.update("CREATE TABLE t (v TEXT NOT NULL)");
    }

    private List<String> values() {
        return db.list("SELECT v FROM t ORDER BY rowid", rs -> rs.getString(1));
    }

    @Test
    void aFailingNestedTransactionUndoesOnlyItsOwnChanges() {
        db.tx(c -> {
            db.update("INSERT INTO t (v) VALUES ('first')");
            assertThrows(IllegalStateException.class, () -> db.tx(inner -> {
                db.update("INSERT INTO t (v) VALUES ('undone')");
                throw new IllegalStateException("poison");
            }));
            db.update("INSERT INTO t (v) VALUES ('after')");
            return null;
        });
        assertEquals(List.of("first", "after"), values());
    }

    @Test
    void aFailingOuterTransactionUndoesEverythingInside() {
        assertThrows(IllegalStateException.class, () -> db.tx(c -> {
            db.tx(inner -> db.update("INSERT INTO t (v) VALUES ('inner')"));
            db.update("INSERT INTO t (v) VALUES ('outer')");
            throw new IllegalStateException("crash before commit");
        }));
        assertEquals(List.of(), values());
    }

    @Test
    void actionsAfterCommitRunOnceTheOuterTransactionCommitsAndNeverForUndoneWork() {
        List<String> ran = new java.util.ArrayList<>();
        db.tx(c -> {
            db.afterCommit(() -> ran.add("outer"));
            db.tx(inner -> {
                db.afterCommit(() -> ran.add("kept savepoint"));
                return null;
            });
            assertThrows(IllegalStateException.class, () -> db.tx(inner -> {
                db.afterCommit(() -> ran.add("undone savepoint"));
                throw new IllegalStateException("poison");
            }));
            assertEquals(List.of(), ran, "nothing runs before the commit");
            return null;
        });
        assertEquals(List.of("outer", "kept savepoint"), ran);
        assertThrows(IllegalStateException.class, () -> db.tx(c -> {
            db.afterCommit(() -> ran.add("rolled back"));
            throw new IllegalStateException("crash before commit");
        }));
        db.tx(c -> null);
        assertEquals(List.of("outer", "kept savepoint"), ran, "a rolled-back transaction's actions are gone");
        assertThrows(IllegalStateException.class, () -> db.afterCommit(() -> ran.add("no transaction")));
    }

    @Test
    void anSqlErrorBecomesAStoreExceptionAndLeavesTheDatabaseUsable() {
        assertThrows(StoreException.class, () -> db.update("INSERT INTO t (v) VALUES (NULL)"));
        db.update("INSERT INTO t (v) VALUES ('ok')");
        assertEquals(List.of("ok"), values());
    }

    @Test
    void nestedSuccessCommitsWithTheOuterTransaction() {
        db.tx(c -> {
            db.tx(inner -> db.update("INSERT INTO t (v) VALUES ('a')"));
            db.tx(inner -> db.tx(deeper -> db.update("INSERT INTO t (v) VALUES ('b')")));
            return null;
        });
        assertEquals(List.of("a", "b"), values());
    }
}
