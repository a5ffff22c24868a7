package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dialect's statements, run against the database they are written for. */
class DialectTest {

    @RegisterExtension
    final TempDatabase temp = new TempDatabase();

    private Database db;
    private Dialect dialect;

    @BeforeEach
    void open() {
        db = temp.db();
        dialect = db.dialect();
        db.update("CREATE TABLE pairs (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    }

    @Test
    void insertingADuplicateKeyLeavesTheFirstRowAlone() {
        String insert = dialect.insertIgnoringDuplicates("pairs", List.of("k", "v"));
        assertEquals(1, db.update(insert, 1, "first"));
        assertEquals(0, db.update(insert, 1, "second"));
        assertEquals("first", db.one("SELECT v FROM pairs WHERE k = 1", rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void manyRowsInsertAtOnceAndDuplicatesAmongThemAreSkipped() {
        db.update(dialect.insertIgnoringDuplicates("pairs", List.of("k", "v")), 2, "kept");
        assertEquals(2, db.update(dialect.insertIgnoringDuplicates("pairs", List.of("k", "v"), 3),
                1, "one", 2, "replaced?", 3, "three"));
        assertEquals(List.of("one", "kept", "three"), db.list("SELECT v FROM pairs ORDER BY k", rs -> rs.getString(1)));
    }

    @Test
    void theGreaterOfTwoValues() {
        assertEquals(7, db.number("SELECT " + dialect.greaterOf("?", "?"), 3, 7));
        assertEquals(7, db.number("SELECT " + dialect.greaterOf("?", "?"), 7, 3));
    }

    @Test
    void rowsComeBackInTheOrderTheyWereInserted() {
        db.update("CREATE TABLE words (w TEXT NOT NULL)");
        for (String word : List.of("c", "a", "b")) {
            db.update("INSERT INTO words (w) VALUES (?)", word);
        }
        assertEquals(List.of("c", "a", "b"),
                db.list("SELECT w FROM words ORDER BY " + dialect.insertionOrder(), rs -> rs.getString(1)));
    }
}
