package coach.bench;

import coach.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Fills the database with users straight through SQL: some due for their daily question now, the rest later. */
final class UserSeeder {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int BATCH = 10_000;
    private static final long HALF_A_DAY_SECONDS = 43_200;

    private final Database db;

    UserSeeder(Database db) {
        this.db = db;
    }

    /** Users 1..due are due now and subscribed to every topic; the next {@code idle} are due in half a day. */
    void seed(int due, int idle, List<String> topics, Instant now) {
        db.tx(c -> {
            insertUsers(c, due, idle, now);
            subscribe(c, due, topics);
            return null;
        });
    }

    private static void insertUsers(Connection c, int due, int idle, Instant now) throws SQLException {
        String time = LocalTime.ofInstant(now, ZONE).withSecond(0).withNano(0).toString();
        try (PreparedStatement user = c.prepareStatement("""
                INSERT INTO users (user_id, chat_id, first_name, language, zone, daily_time, created_at, next_due_at)
                VALUES (?, ?, '', 'zh', ?, ?, ?, ?)""")) {
            for (long id = 1; id <= (long) due + idle; id++) {
                user.setLong(1, id);
                user.setLong(2, id);
                user.setString(3, ZONE.getId());
                user.setString(4, time);
                user.setLong(5, now.getEpochSecond());
                user.setLong(6, id <= due ? now.getEpochSecond() - 1 : now.getEpochSecond() + HALF_A_DAY_SECONDS);
                user.addBatch();
                if (id % BATCH == 0) {
                    user.executeBatch();
                }
            }
            user.executeBatch();
        }
    }

    private static void subscribe(Connection c, int due, List<String> topics) throws SQLException {
        try (PreparedStatement sub = c.prepareStatement("INSERT INTO subscriptions (user_id, topic) VALUES (?, ?)")) {
            for (long id = 1; id <= due; id++) {
                for (String topic : topics) {
                    sub.setLong(1, id);
                    sub.setString(2, topic);
                    sub.addBatch();
                }
                sub.executeBatch();
            }
        }
    }
}
