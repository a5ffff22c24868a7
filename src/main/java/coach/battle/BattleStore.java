package coach.battle;

import coach.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Battles, the presses in them, leaderboards and daily schedules in SQLite. */
final class BattleStore {

    private static final String COLUMNS = """
            id, chat_id, topic, language, questions, round, round_started_at, round_ends_at, message_id,
            shown_seconds, last_edit_at, status, next_round_at""";

    private final Database db;

    BattleStore(Database db) {
        this.db = db;
    }

    /** A member's points so far, with how many rounds they got right. */
    record Standing(long userId, String name, int points, int correct) {
    }

    /** How many members chose each option of a round, in option order. */
    record Tally(int[] counts) {
        Tally {
            counts = counts.clone();
        }

        int of(int option) {
            return option < counts.length ? counts[option] : 0;
        }
    }

    /** A chat's daily battle. */
    record Schedule(long chatId, LocalTime time, ZoneId zone, String language, LocalDate lastDay) {
    }

    long create(long chatId, String topic, String language, List<String> questions, long startedBy, long now,
                long roundEndsAt, int shownSeconds) {
        return db.insert("""
                INSERT INTO battles (chat_id, topic, language, questions, round, round_started_at, round_ends_at,
                                     shown_seconds, last_edit_at, status, started_by, started_at)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, 'playing', ?, ?)""",
                chatId, topic, language, String.join(",", questions), now, roundEndsAt, shownSeconds, now, startedBy,
                now);
    }

    Optional<Battle> find(long id) {
        return db.one("SELECT " + COLUMNS + " FROM battles WHERE id = ?", BattleStore::map, id);
    }

    Optional<Battle> running(long chatId) {
        return db.one("SELECT " + COLUMNS + " FROM battles WHERE chat_id = ? AND status <> 'finished'",
                BattleStore::map, chatId);
    }

    List<Battle> allRunning() {
        return db.list("SELECT " + COLUMNS + " FROM battles WHERE status <> 'finished' ORDER BY id", BattleStore::map);
    }

    void startRound(long id, int round, long now, long endsAt, int shownSeconds) {
        db.update("""
                UPDATE battles SET round = ?, round_started_at = ?, round_ends_at = ?, message_id = NULL,
                       shown_seconds = ?, last_edit_at = ?, status = 'playing', next_round_at = NULL
                WHERE id = ?""", round, now, endsAt, shownSeconds, now, id);
    }

    void endRound(long id, long nextRoundAt) {
        db.update("UPDATE battles SET status = 'between', next_round_at = ? WHERE id = ?", nextRoundAt, id);
    }

    void finish(long id, long now) {
        db.update("UPDATE battles SET status = 'finished', finished_at = ? WHERE id = ?", now, id);
    }

    void countdownShown(long id, int seconds, long now) {
        db.update("UPDATE battles SET shown_seconds = ?, last_edit_at = ? WHERE id = ?", seconds, now, id);
    }

    /** Records the message of a round once Telegram has it; false when the battle has moved on since. */
    boolean messageSent(long id, int round, int messageId) {
        return db.update("UPDATE battles SET message_id = ? WHERE id = ? AND round = ? AND status = 'playing'",
                messageId, id, round) == 1;
    }

    boolean answered(long battleId, int round, long userId) {
        return db.number("SELECT COUNT(*) FROM battle_answers WHERE battle_id = ? AND round = ? AND user_id = ?",
                battleId, round, userId) > 0;
    }

    void answer(Battle battle, long userId, String name, int option, boolean correct, int points, long now) {
        db.update("""
                INSERT INTO battle_answers (battle_id, round, chat_id, user_id, name, option, correct, points, answered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                battle.id(), battle.round(), battle.chatId(), userId, name, option, correct ? 1 : 0, points, now);
    }

    /** True when someone played an earlier round and everyone who did has answered this one. */
    boolean everyPlayerAnswered(long battleId, int round) {
        return db.one("""
                SELECT COUNT(DISTINCT p.user_id),
                       COUNT(DISTINCT CASE WHEN a.user_id IS NOT NULL THEN p.user_id END)
                FROM battle_answers p
                LEFT JOIN battle_answers a ON a.battle_id = p.battle_id AND a.round = ? AND a.user_id = p.user_id
                WHERE p.battle_id = ? AND p.round < ?""",
                rs -> rs.getInt(1) > 0 && rs.getInt(1) == rs.getInt(2), round, battleId, round).orElse(false);
    }

    Tally tally(long battleId, int round, int options) {
        int[] counts = new int[options];
        db.list("SELECT option, COUNT(*) FROM battle_answers WHERE battle_id = ? AND round = ? GROUP BY option",
                rs -> new int[] {rs.getInt(1), rs.getInt(2)}, battleId, round)
                .forEach(row -> {
                    if (row[0] >= 0 && row[0] < options) {
                        counts[row[0]] = row[1];
                    }
                });
        return new Tally(counts);
    }

    List<Standing> scoreboard(long battleId) {
        return db.list("""
                SELECT user_id, MAX(name), SUM(points), SUM(correct), MIN(answered_at) FROM battle_answers
                WHERE battle_id = ? GROUP BY user_id ORDER BY SUM(points) DESC, SUM(correct) DESC, MIN(answered_at)""",
                BattleStore::standing, battleId);
    }

    /** The chat's best players since {@code sinceMillis} (0 for all time), with the name they last played under. */
    List<Standing> leaderboard(long chatId, long sinceMillis, int limit) {
        return db.list("""
                SELECT a.user_id,
                       (SELECT n.name FROM battle_answers n WHERE n.chat_id = a.chat_id AND n.user_id = a.user_id
                        ORDER BY n.answered_at DESC LIMIT 1),
                       SUM(a.points), SUM(a.correct)
                FROM battle_answers a
                WHERE a.chat_id = ? AND a.answered_at >= ?
                GROUP BY a.user_id ORDER BY SUM(a.points) DESC, SUM(a.correct) DESC, a.user_id LIMIT ?""",
                BattleStore::standing, chatId, sinceMillis, limit);
    }

    void schedule(long chatId, LocalTime time, ZoneId zone, String language, LocalDate lastDay, long createdBy) {
        db.update("""
                INSERT INTO battle_schedules (chat_id, time, zone, language, last_day, created_by) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (chat_id) DO UPDATE SET time = excluded.time, zone = excluded.zone,
                    language = excluded.language, last_day = excluded.last_day, created_by = excluded.created_by""",
                chatId, time.toString(), zone.getId(), language, lastDay == null ? null : lastDay.toString(), createdBy);
    }

    boolean unschedule(long chatId) {
        return db.update("DELETE FROM battle_schedules WHERE chat_id = ?", chatId) > 0;
    }

    Optional<Schedule> scheduleOf(long chatId) {
        return db.one("SELECT chat_id, time, zone, language, last_day FROM battle_schedules WHERE chat_id = ?",
                BattleStore::scheduleRow, chatId);
    }

    List<Schedule> schedules() {
        return db.list("SELECT chat_id, time, zone, language, last_day FROM battle_schedules ORDER BY chat_id",
                BattleStore::scheduleRow);
    }

    void scheduleRan(long chatId, LocalDate day) {
        db.update("UPDATE battle_schedules SET last_day = ? WHERE chat_id = ?", day.toString(), chatId);
    }

    private static Standing standing(ResultSet rs) throws SQLException {
        return new Standing(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4));
    }

    private static Schedule scheduleRow(ResultSet rs) throws SQLException {
        String lastDay = rs.getString(5);
        return new Schedule(rs.getLong(1), LocalTime.parse(rs.getString(2)), ZoneId.of(rs.getString(3)),
                rs.getString(4), lastDay == null ? null : LocalDate.parse(lastDay));
    }

    private static Battle map(ResultSet rs) throws SQLException {
        Object messageId = rs.getObject(9);
        Object nextRound = rs.getObject(13);
        return new Battle(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                Arrays.asList(rs.getString(5).split(",")), rs.getInt(6), rs.getLong(7), rs.getLong(8),
                messageId == null ? null : ((Number) messageId).intValue(), rs.getInt(10), rs.getLong(11),
                Battle.Status.valueOf(rs.getString(12).toUpperCase(Locale.ROOT)),
                nextRound == null ? 0 : ((Number) nextRound).longValue());
    }
}
