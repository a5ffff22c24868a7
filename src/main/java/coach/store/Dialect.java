package coach.store;

import java.util.Collections;
import java.util.List;

/**
 * The SQL that differs from one database to another, written once for SQLite. The stores build these statements
 * here, so another database means another implementation of this interface (and its own migrations), nothing more.
 */
public interface Dialect {

    /** SQLite 3.24 and later. */
    Dialect SQLITE = new Dialect() {
        @Override
        public String insertIgnoringDuplicates(String table, List<String> columns, int rows) {
            String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            return "INSERT OR IGNORE INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                    + String.join(", ", Collections.nCopies(rows, row));
        }

        @Override
        public String greaterOf(String left, String right) {
            return "MAX(" + left + ", " + right + ")";
        }

        @Override
        public String insertionOrder() {
            return "rowid";
        }
    };

    /** An INSERT of one row with a parameter per column that leaves an existing row with the same key alone. */
    default String insertIgnoringDuplicates(String table, List<String> columns) {
        return insertIgnoringDuplicates(table, columns, 1);
    }

    /** The same for {@code rows} rows at once, their parameters row after row. */
    String insertIgnoringDuplicates(String table, List<String> columns, int rows);

    /** The greater of two values (SQLite's two-argument MAX; GREATEST elsewhere). */
    String greaterOf(String left, String right);

    /** An expression that orders a table's rows as they were inserted, for tables without an id column. */
    String insertionOrder();
}
