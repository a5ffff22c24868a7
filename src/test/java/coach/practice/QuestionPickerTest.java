package coach.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.bank.BankLoader;
import coach.bank.Library;
import coach.bank.Question;
import coach.store.Database;
import coach.store.TempDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuestionPickerTest {

    private static final Library LIBRARY = new BankLoader().load(Path.of("banks")).library();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final TempDatabase temp = new TempDatabase();

    private Database db;
    private PracticeStore store;

    @BeforeEach
    void open() {
        db = temp.db();
        store = new PracticeStore(db);
        db.update("INSERT INTO users (user_id, chat_id, language, zone, daily_time, created_at) VALUES (1, 1, 'en', "
                + "'UTC', '09:00', 0)");
    }

    @Test
    void aNewUsersFirstQuestionsAreEasyOnesFromTheirTopics() {
        for (int seed = 0; seed < 20; seed++) {
            db.update("DELETE FROM asked");
            QuestionPicker picker = new QuestionPicker(store, new Random(seed));
            for (int i = 0; i < 3; i++) {
                Question q = picker.next(LIBRARY, 1, Set.of("redis", "mysql"), TODAY).orElseThrow();
                assertEquals(1, q.difficulty(), q.id());
                assertEquals(true, Set.of("redis", "mysql").contains(q.topic()), q.id());
                store.ask(1, q.id(), q.topic(), Instant.EPOCH);
            }
        }
    }

    @Test
    void afterThatAnyUnseenQuestionMayCome() {
        List<Question> redis = LIBRARY.bank("redis").orElseThrow().questions();
        redis.stream().limit(QuestionPicker.EASY_START).forEach(q -> store.ask(1, q.id(), q.topic(), Instant.EPOCH));
        QuestionPicker picker = new QuestionPicker(store, new Random(1));
        long hard = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> picker.next(LIBRARY, 1, Set.of("redis"), TODAY).orElseThrow())
                .filter(q -> q.difficulty() > 1).count();
        assertEquals(true, hard > 0, "harder questions once the start is behind");
    }
}
