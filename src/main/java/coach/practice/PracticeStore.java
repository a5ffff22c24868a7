package coach.practice;

import coach.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Asked questions, answers, reviews and answer days in SQLite. */
public final class PracticeStore {

    private final Database db;

    public PracticeStore(Database db) {
        this.db = db;
    }

    private static final String ASKED_COLUMNS =
            "SELECT id, user_id, question_id, topic, asked_at, status, score, rating FROM asked ";

    public Optional<Asked> open(long userId) {
        return db.one(ASKED_COLUMNS + "WHERE user_id = ? AND status = 'open' ORDER BY id DESC LIMIT 1",
                PracticeStore::mapAsked, userId);
    }

    public Optional<Asked> find(long askedId) {
        return db.one(ASKED_COLUMNS + "WHERE id = ?", PracticeStore::mapAsked, askedId);
    }

    /** The most recent question put to the user, whatever became of it. */
    public Optional<Asked> latest(long userId) {
        return db.one(ASKED_COLUMNS + "WHERE user_id = ? ORDER BY id DESC LIMIT 1", PracticeStore::mapAsked, userId);
    }

    /** True when no later row asks the user the same question (a rating may then still replace its review). */
    public boolean latestOfItsQuestion(Asked asked) {
        return db.number("SELECT COUNT(*) FROM asked WHERE user_id = ? AND question_id = ? AND id > ?",
                asked.userId(), asked.questionId(), asked.id()) == 0;
    }

    /** Records a new open question, closing any question still open. */
    public Asked ask(long userId, String questionId, String topic, Instant now) {
        return db.tx(c -> {
            db.update("UPDATE asked SET status = 'closed' WHERE user_id = ? AND status = 'open'", userId);
            long id = db.insert("""
                    INSERT INTO asked (user_id, question_id, topic, asked_at, status) VALUES (?, ?, ?, ?, 'open')""",
                    userId, questionId, topic, now.getEpochSecond());
            return new Asked(id, userId, questionId, topic, now, Asked.Status.OPEN, null, null);
        });
    }

    /** Records a question asked and answered outside the open-question flow (in a mock), leaving any open one. */
    public Asked recordAnswer(long userId, String questionId, String topic, Instant askedAt, String answer, int score,
                              Instant now) {
        long id = db.insert("""
                INSERT INTO asked (user_id, question_id, topic, asked_at, status, answer, score, answered_at)
                VALUES (?, ?, ?, ?, 'answered', ?, ?, ?)""",
                userId, questionId, topic, askedAt.getEpochSecond(), answer, score, now.getEpochSecond());
        return new Asked(id, userId, questionId, topic, askedAt, Asked.Status.ANSWERED, score, null);
    }

    /** Records a question asked and skipped outside the open-question flow (in a mock), leaving any open one. */
    public Asked recordSkip(long userId, String questionId, String topic, Instant askedAt, Instant now) {
        long id = db.insert("""
                INSERT INTO asked (user_id, question_id, topic, asked_at, status, answered_at)
                VALUES (?, ?, ?, ?, 'skipped', ?)""",
                userId, questionId, topic, askedAt.getEpochSecond(), now.getEpochSecond());
        return new Asked(id, userId, questionId, topic, askedAt, Asked.Status.SKIPPED, null, null);
    }

    /** How many users have each question open, over every user. */
    public Map<String, Integer> openQuestionCounts() {
        return db.list("SELECT question_id, COUNT(*) FROM asked WHERE status = 'open' GROUP BY question_id",
                        rs -> Map.entry(rs.getString(1), rs.getInt(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Closes an open question without an answer, as when its question left the banks. */
    public void close(long askedId) {
        db.update("UPDATE asked SET status = 'closed' WHERE id = ? AND status = 'open'", askedId);
    }

    public void answer(long askedId, String answer, int score, Instant now) {
        db.update("UPDATE asked SET status = 'answered', answer = ?, score = ?, answered_at = ? WHERE id = ?",
                answer, score, now.getEpochSecond(), askedId);
    }

    public void skip(long askedId, Instant now) {
        db.update("UPDATE asked SET status = 'skipped', answered_at = ? WHERE id = ?", now.getEpochSecond(), askedId);
    }

    public void rate(long askedId, Rating rating) {
        db.update("UPDATE asked SET rating = ? WHERE id = ?", rating.ordinal(), askedId);
    }

    /** The question's latest review for the user, if it was ever reviewed. */
    public Optional<Review> review(long userId, String questionId) {
        return db.one("""
                SELECT stability, difficulty, reviewed_day, due_day, reps FROM reviews
                WHERE user_id = ? AND question_id = ?""", rs -> mapReview(rs, 1), userId, questionId);
    }

    /**
     * The review as it stood before its latest rating; empty for a first review. A rating that replaces the latest
     * one (a press after the score rated the answer) starts from here.
     */
    public Optional<Review> reviewBefore(long userId, String questionId) {
        return db.one("""
                SELECT before_stability, before_difficulty, before_reviewed_day, before_due_day, before_reps
                FROM reviews WHERE user_id = ? AND question_id = ? AND before_reviewed_day IS NOT NULL""",
                rs -> mapReview(rs, 1), userId, questionId);
    }

    /** Saves a review and the state it was computed from ({@code before}, null the first time). */
    public void saveReview(long userId, String questionId, Review review, Review before) {
        db.update("""
                INSERT INTO reviews (user_id, question_id, stability, difficulty, reviewed_day, due_day, reps,
                    before_stability, before_difficulty, before_reviewed_day, before_due_day, before_reps)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, question_id) DO UPDATE SET stability = excluded.stability,
                    difficulty = excluded.difficulty, reviewed_day = excluded.reviewed_day, due_day = excluded.due_day,
                    reps = excluded.reps, before_stability = excluded.before_stability,
                    before_difficulty = excluded.before_difficulty, before_reviewed_day = excluded.before_reviewed_day,
                    before_due_day = excluded.before_due_day, before_reps = excluded.before_reps""",
                userId, questionId, review.stability(), review.difficulty(), review.reviewed().toString(),
                review.due().toString(), review.reps(),
                before == null ? null : before.stability(), before == null ? null : before.difficulty(),
                before == null ? null : before.reviewed().toString(), before == null ? null : before.due().toString(),
                before == null ? null : before.reps());
    }

    private static Review mapReview(ResultSet rs, int first) throws SQLException {
        return new Review(rs.getDouble(first), rs.getDouble(first + 1), LocalDate.parse(rs.getString(first + 2)),
                LocalDate.parse(rs.getString(first + 3)), rs.getInt(first + 4));
    }

    /** Question ids whose review is due on or before the day, the most overdue first. */
    public List<String> dueReviews(long userId, LocalDate today) {
        return db.list("""
                SELECT question_id FROM reviews WHERE user_id = ? AND due_day <= ? ORDER BY due_day, question_id""",
                rs -> rs.getString(1), userId, today.toString());
    }

    /** Every question id ever put to the user. */
    public Set<String> seen(long userId) {
        return new HashSet<>(db.list("SELECT DISTINCT question_id FROM asked WHERE user_id = ?",
                rs -> rs.getString(1), userId));
    }

    /** Question ids put to the user, the longest ago first (by their last time). */
    public List<String> leastRecentlyAsked(long userId) {
        return db.list("""
                SELECT question_id FROM asked WHERE user_id = ? GROUP BY question_id ORDER BY MAX(id)""",
                rs -> rs.getString(1), userId);
    }

    public void addAnswerDay(long userId, LocalDate day) {
        db.update(db.dialect().insertIgnoringDuplicates("answer_days", List.of("user_id", "day")), userId,
                day.toString());
    }

    public List<LocalDate> answerDays(long userId) {
        return db.list("SELECT day FROM answer_days WHERE user_id = ? ORDER BY day",
                rs -> LocalDate.parse(rs.getString(1)), userId);
    }

    /** Answers given at or after {@code since}, oldest first. */
    public List<Answer> answersSince(long userId, Instant since) {
        return db.list("""
                SELECT topic, score, answered_at FROM asked
                WHERE user_id = ? AND status = 'answered' AND answered_at >= ? ORDER BY answered_at, id""",
                rs -> new Answer(rs.getString(1), rs.getInt(2), Instant.ofEpochSecond(rs.getLong(3))),
                userId, since.getEpochSecond());
    }

    /** One graded answer: its topic, score and when it was given. */
    public record Answer(String topic, int score, Instant answeredAt) {
    }

    /** Number of answers and average score per topic, topics in alphabetical order. */
    public List<TopicScore> scoresByTopic(long userId) {
        return db.list("""
                SELECT topic, COUNT(*), AVG(score) FROM asked
                WHERE user_id = ? AND status = 'answered' GROUP BY topic ORDER BY topic""",
                rs -> new TopicScore(rs.getString(1), rs.getInt(2), (int) Math.round(rs.getDouble(3))), userId);
    }

    /** Answers and their average score in one topic. */
    public record TopicScore(String topic, int answers, int averageScore) {
    }

    private static Asked mapAsked(ResultSet rs) throws SQLException {
        int score = rs.getInt("score");
        Integer scoreOrNull = rs.wasNull() ? null : score;
        int rating = rs.getInt("rating");
        Integer ratingOrNull = rs.wasNull() ? null : rating;
        return new Asked(rs.getLong("id"), rs.getLong("user_id"), rs.getString("question_id"), rs.getString("topic"),
                Instant.ofEpochSecond(rs.getLong("asked_at")),
                Asked.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), scoreOrNull, ratingOrNull);
    }
}
