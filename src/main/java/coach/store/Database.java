package coach.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite database: one connection in WAL mode, migrated at open, shared by every repository.
 *
 * <p>All access goes through {@link #tx}, which serialises callers and joins an enclosing transaction on the
 * same thread, so a repository method called inside another's transaction commits with it.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int KEPT_STATEMENTS = 256;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** Prepared statements by their SQL, the least recently used closed beyond {@value #KEPT_STATEMENTS}. */
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= KEPT_STATEMENTS) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    /**
     * Actions to run once the outermost transaction commits, by nesting level: a savepoint that succeeds hands its
     * actions to the level around it, one that fails drops them with its changes.
     */
    private final List<List<Runnable>> afterCommit = new ArrayList<>();

    private Database(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and applies pending migrations. */
    public static Database open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            Flyway.configure()
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .mixed(true)
                    .load()
                    .migrate();
            // Ids come back from RETURNING; without this the driver would run a query after every INSERT.
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("jdbc.get_generated_keys", "false");
            Connection connection = DriverManager.getConnection(url, properties);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA busy_timeout = 5000");
            }
            connection.setAutoCommit(false);
            return new Database(connection);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs work in a transaction. A nested call on the same thread runs in a savepoint of the outer transaction:
     * its failure undoes only its own changes, and its success commits with the outer transaction.
     */
    public <T> T tx(SqlWork<T> work) {
        lock.lock();
        int depth = lock.getHoldCount();
        String savepoint = "sp" + depth;
        try {
            actionsAt(depth).clear();
            if (depth > 1) {
                execute("SAVEPOINT " + savepoint);
            }
            T result = work.apply(connection);
            if (depth > 1) {
                execute("RELEASE " + savepoint);
                actionsAt(depth - 1).addAll(actionsAt(depth));
                actionsAt(depth).clear();
            } else {
                connection.commit();
                runAfterCommit();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            actionsAt(depth).clear();
            undo(depth, savepoint);
            throw e instanceof SQLException sql ? new StoreException(sql.getMessage(), sql) : (RuntimeException) e;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code action} once the current transaction has committed, still holding the database, so that actions
     * run in the order their transactions committed; never when the transaction, or the savepoint it was registered
     * in, rolls back. The action must be quick and must not use the database.
     */
    public void afterCommit(Runnable action) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("afterCommit outside a transaction");
        }
        actionsAt(lock.getHoldCount()).add(action);
    }

    private List<Runnable> actionsAt(int depth) {
        while (afterCommit.size() < depth) {
            afterCommit.add(new ArrayList<>());
        }
        return afterCommit.get(depth - 1);
    }

    private void runAfterCommit() {
        List<Runnable> actions = actionsAt(1);
        if (actions.isEmpty()) {
            return;
        }
        List<Runnable> committed = List.copyOf(actions);
        actions.clear();
        for (Runnable action : committed) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.error("An action after a commit failed", e);
            }
        }
    }

    /**
     * Runs work that changes the database with one statement at most (and may add {@link #afterCommit} actions): in
     * the caller's transaction when there is one, otherwise in a transaction of its own. A single statement needs no
     * savepoint, since SQLite undoes a failed statement's own changes and keeps the rest.
     */
    public <T> T statement(SqlWork<T> work) {
        if (!lock.isHeldByCurrentThread()) {
            return tx(work);
        }
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Runs a statement without parameters, prepared once and kept like the others (the savepoints, mostly). */
    private void execute(String sql) throws SQLException {
        bind(sql).execute();
    }

    private void undo(int depth, String savepoint) {
        try {
            if (depth > 1) {
                execute("ROLLBACK TO " + savepoint);
                execute("RELEASE " + savepoint);
            } else {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /** The SQL that differs between databases, for this one. */
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    /** Executes one INSERT, UPDATE or DELETE with parameters; returns the number of rows changed. */
    public int update(String sql, Object... args) {
        return statement(c -> bind(sql, args).executeUpdate());
    }

    /**
     * Executes an INSERT into a table keyed by an {@code id} column and returns the id the row was given, asked for
     * with {@code RETURNING id} (SQLite 3.35 and later, PostgreSQL), in the statement itself.
     */
    public long insert(String sql, Object... args) {
        return statement(c -> {
            try (ResultSet keys = bind(sql + " RETURNING id", args).executeQuery()) {
                if (!keys.next()) {
                    throw new SQLException("the insert returned no id: " + sql);
                }
                return keys.getLong(1);
            }
        });
    }

    /** Runs a query and maps every row. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
        return statement(c -> {
            try (ResultSet rs = bind(sql, args).executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    /** Runs a query and maps its first row, if any. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        return statement(c -> {
            try (ResultSet rs = bind(sql, args).executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        });
    }

    /** Runs a query whose first column is a number; 0 when there is no row or the value is null. */
    public long number(String sql, Object... args) {
        return one(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    /**
     * The statement for {@code sql}, prepared once and kept (SQLite spends longer preparing a statement than running
     * a small one), with {@code args} bound. Called only under the lock, inside {@link #tx}.
     */
    private PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        } else {
            s.clearParameters();
        }
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // a statement that cannot close is gone with the connection anyway
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            statements.values().forEach(Database::closeQuietly);
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Work against the connection inside a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
