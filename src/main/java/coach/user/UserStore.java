package coach.user;

import coach.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and their topic subscriptions in SQLite. A change to when a user gets the daily question clears their
 * next due moment, which the daily scheduler then computes afresh.
 */
public final class UserStore {

    private final Database db;

    public UserStore(Database db) {
        this.db = db;
    }

    private static final String FIND = """
            SELECT user_id, chat_id, first_name, language, zone, daily_time, paused, active, awaiting, weekly
            FROM users WHERE user_id = ?""";

    public Optional<User> find(long userId) {
        return db.one(FIND, UserStore::map, userId);
    }

    private static final String INSERT = """
            INSERT INTO users (user_id, chat_id, first_name, language, zone, daily_time, paused, active, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, 1, ?)""";

    public void create(User user, Instant now) {
        db.update(INSERT, user.userId(), user.chatId(), user.firstName(), user.language(), user.zone().getId(),
                user.dailyTime().toString(), now.getEpochSecond());
    }

    public void setLanguage(long userId, String language) {
        db.update("UPDATE users SET language = ? WHERE user_id = ?", language, userId);
    }

    public void setZone(long userId, ZoneId zone) {
        db.update("UPDATE users SET zone = ?, next_due_at = NULL WHERE user_id = ?", zone.getId(), userId);
    }

    public void setDailyTime(long userId, LocalTime time) {
        db.update("UPDATE users SET daily_time = ?, next_due_at = NULL WHERE user_id = ?", time.toString(), userId);
    }

    public void setPaused(long userId, boolean paused) {
        db.update("UPDATE users SET paused = ?, next_due_at = NULL WHERE user_id = ?", paused ? 1 : 0, userId);
    }

    public void setWeekly(long userId, boolean weekly) {
        db.update("UPDATE users SET weekly = ?, next_due_at = NULL WHERE user_id = ?", weekly ? 1 : 0, userId);
    }

    public void setActive(long userId, boolean active) {
        db.update("UPDATE users SET active = ?, next_due_at = NULL WHERE user_id = ? AND active <> ?",
                active ? 1 : 0, userId, active ? 1 : 0);
    }

    /** Marks the chat as unreachable (blocked or deleted); the user's data stays. */
    public void deactivateChat(long chatId) {
        db.update("UPDATE users SET active = 0 WHERE chat_id = ?", chatId);
    }

    public void setAwaiting(long userId, String awaiting) {
        db.update("UPDATE users SET awaiting = ? WHERE user_id = ?", awaiting, userId);
    }

    public Set<String> subscriptions(long userId) {
        return new LinkedHashSet<>(db.list("SELECT topic FROM subscriptions WHERE user_id = ? ORDER BY topic",
                rs -> rs.getString(1), userId));
    }

    public void subscribe(long userId, Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(topics.size() * 2);
        topics.forEach(topic -> {
            args.add(userId);
            args.add(topic);
        });
        db.update(db.dialect().insertIgnoringDuplicates("subscriptions", List.of("user_id", "topic"), topics.size()),
                args.toArray());
    }

    public void unsubscribe(long userId, String topic) {
        db.update("DELETE FROM subscriptions WHERE user_id = ? AND topic = ?", userId, topic);
    }

    /** Columns in the order {@link #FIND} selects them. */
    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), ZoneId.of(rs.getString(5)),
                dailyTime(rs.getString(6)), rs.getInt(7) == 1, rs.getInt(8) == 1, rs.getString(9), rs.getInt(10) == 1);
    }

    /** Daily times read so far: a day has 1,440 minutes, and parsing one is slower than the rest of the row. */
    private static final Map<String, LocalTime> DAILY_TIMES = new ConcurrentHashMap<>();

    private static LocalTime dailyTime(String stored) {
        return DAILY_TIMES.computeIfAbsent(stored, LocalTime::parse);
    }
}
