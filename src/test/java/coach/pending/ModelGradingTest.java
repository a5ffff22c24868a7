package coach.pending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.Coach;
import coach.Config;
import coach.MutableClock;
import coach.TestCoach;
import coach.chat.Conversation;
import coach.chat.Reply;
import coach.grading.llm.FakeModel;
import coach.grading.llm.FakeModel.Request;
import coach.grading.llm.FakeModel.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers graded by a model outside the update's transaction: stored with an immediate "grading…", applied by the
 * worker with the grader's line, never lost to a restart, never applied twice, and nobody else waits for the model.
 */
class ModelGradingTest {

    private static final long ANN = 7;
    private static final long BOB = 8;
    private static final String SCORE = "Key-point coverage";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    /** The model answers a grading only once this is counted down, or after ten seconds. */
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Reply> arrived = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Coach coach;

    @AfterEach
    void close() throws Exception {
        gate.countDown();
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A model that judges every point missed, with a sentence of feedback, once {@code gate} opens. */
    private static Function<Request, FakeModel.Reply> slowJudge(CountDownLatch gate) {
        return r -> {
            if (r.body().path("max_tokens").asInt() == 1) {
                return FakeModel.completion(r, Map.of());
            }
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            r.points().keySet().forEach(id -> verdicts.put(id, Verdict.missed()));
            return FakeModel.completion(r, verdicts);
        };
    }

    private FakeModel model(CountDownLatch opens) throws IOException {
        FakeModel model = new FakeModel().answers(slowJudge(opens));
        open.add(model);
        return model;
    }

    private static Config config(Optional<FakeModel> model, int perDay) {
        Config base = TestCoach.config("https://api.telegram.org");
        return model.map(m -> TestCoach.withModel(base, m.url(), perDay)).orElse(base);
    }

    private Coach start(Optional<FakeModel> model, int perDay, List<Reply> sink) {
        coach = Coach.assembleLocal(config(model, perDay), dir.resolve("coach.db"), clock, new Random(7));
        open.add(coach);
        coach.startGrading(sink::addAll);
        return coach;
    }

    private Conversation person(long userId) {
        Conversation person = new Conversation(() -> coach.engine(), userId, "P" + userId);
        person.say("/start");
        return person;
    }

    /** Ann, asked a question, answers it. */
    private Conversation annAnswers() {
        Conversation ann = person(ANN);
        ann.say("/question");
        ann.say("It keeps data on disk somehow.");
        return ann;
    }

    private long pending() {
        return coach.database().number("SELECT COUNT(*) FROM pending_gradings");
    }

    private long gradingRequests(FakeModel model) {
        return model.requests().stream().filter(r -> r.body().path("max_tokens").asInt() != 1).count();
    }

    private static String text(List<Reply> replies, long chatId) {
        return Conversation.text(replies.stream().filter(r -> r.chatId() == chatId).toList());
    }

    private static long count(String text, String part) {
        return (text.length() - text.replace(part, "").length()) / part.length();
    }

    @Test
    void anAnswerIsAcknowledgedAtOnceAndItsGradeFollowsWithWhoScoredIt() throws IOException {
        start(Optional.of(model(gate)), 50, arrived);
        Conversation ann = person(ANN);
        ann.say("/question");

        String acknowledged = Conversation.text(ann.say("It keeps data on disk somehow."));
        assertTrue(acknowledged.contains("⏳ Grading your answer…"), acknowledged);
        assertFalse(acknowledged.contains(SCORE), acknowledged);
        assertEquals(1, pending());
        assertTrue(Conversation.text(ann.say("/skip")).contains("still being graded"));

        gate.countDown();
        Await.until("ann's grade", () -> text(arrived, ANN).contains(SCORE));
        String graded = text(arrived, ANN);
        assertTrue(graded.contains("<b>Key-point coverage: 0/100</b>"), graded);
        assertTrue(graded.contains("🤖 Graded by the model."), graded);
        assertTrue(graded.contains("💬 没有提到这一点。"), graded);
        assertEquals(List.of("r:1:0", "r:1:1", "r:1:2"), Conversation.buttons(arrived));
        assertEquals(0, pending());
        assertEquals(1, coach.database().number("SELECT COUNT(*) FROM asked WHERE status = 'answered' AND score = 0"));
        assertTrue(Conversation.text(ann.say("/question")).contains("Reply with your answer"));
    }

    @Test
    void anotherUsersQuestionIsAnsweredWithinASecondWhileTheModelTakesTenSeconds() throws IOException {
        FakeModel model = model(gate);
        start(Optional.of(model), 50, arrived);
        annAnswers();
        Await.until("the model holding ann's answer", () -> gradingRequests(model) == 1);

        Conversation bob = person(BOB);
        long began = System.nanoTime();
        String question = Conversation.text(bob.say("/question"));
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertTrue(question.contains("Reply with your answer"), question);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "took " + took);
        assertEquals("", text(arrived, ANN), "the model has not answered yet");
        gate.countDown();
        Await.until("ann's grade", () -> text(arrived, ANN).contains(SCORE));
    }

    @Test
    void gradingsLeftByACrashAreGradedOnceAfterARestart() throws Exception {
        start(Optional.of(model(gate)), 50, arrived);
        annAnswers();
        Conversation bob = person(BOB);
        bob.say("/mock 2");
        assertTrue(Conversation.text(bob.say("I would look it up.")).contains("Grading your answer"));
        assertEquals(2, pending());
        coach.close();
        assertEquals(List.of(), arrived.stream().filter(r -> r.chatId() == ANN || r.chatId() == BOB).toList());

        CountDownLatch opened = new CountDownLatch(0);
        FakeModel second = model(opened);
        List<Reply> afterRestart = new CopyOnWriteArrayList<>();
        start(Optional.of(second), 50, afterRestart);
        Await.until("both grades", () -> text(afterRestart, ANN).contains(SCORE)
                && text(afterRestart, BOB).contains("recorded"));
        assertEquals(0, pending());
        coach.close();

        assertEquals(2, gradingRequests(second));
        assertEquals(1, count(text(afterRestart, ANN), SCORE));
        String mock = text(afterRestart, BOB);
        assertEquals(1, count(mock, "✔ Answer 1/2 recorded."), mock);
        assertTrue(mock.contains("🤖 Graded by the model.") && mock.contains("Question 2/2"), mock);
        try (Coach again = Coach.assembleLocal(config(Optional.empty(), 50), dir.resolve("coach.db"), clock,
                new Random(7))) {
            assertEquals(2, again.database().number("SELECT COUNT(*) FROM asked WHERE status = 'answered'"));
            assertEquals(1, again.database().number("SELECT COUNT(*) FROM mock_items WHERE status = 'answered'"));
        }
    }

    @Test
    void whileAMockAnswerWaitsTheMockCannotBeSkippedOrStopped() throws IOException {
        start(Optional.of(model(gate)), 50, arrived);
        Conversation bob = person(BOB);
        List<String> stop = Conversation.buttons(bob.say("/mock 2"));
        bob.say("I would look it up.");

        for (List<Reply> refused : List.of(bob.say("/skip"), bob.say("/mock stop"), bob.press(stop.get(0)),
                bob.say("Another answer."))) {
            assertTrue(Conversation.text(refused).contains("still being graded"), Conversation.text(refused));
        }
        gate.countDown();
        Await.until("bob's grade", () -> text(arrived, BOB).contains("recorded"));
        assertTrue(text(arrived, BOB).contains("Question 2/2"), text(arrived, BOB));
        String card = Conversation.text(bob.say("/mock stop"));
        assertTrue(card.contains("Mock interview stopped after 1 of 2 questions."), card);
        assertEquals(1, coach.database().number("SELECT COUNT(*) FROM mock_items WHERE status = 'answered'"));
    }

    @Test
    void withoutAModelAnswersLeftWaitingAreGradedOfflineAtStart() throws Exception {
        start(Optional.of(model(gate)), 50, arrived);
        Conversation ann = annAnswers();
        coach.close();

        List<Reply> offline = new CopyOnWriteArrayList<>();
        start(Optional.empty(), 50, offline);

        String graded = text(offline, ANN);
        assertTrue(graded.contains(SCORE) && graded.contains("⚙️ Graded offline."), graded);
        assertEquals(0, pending());
        assertTrue(Conversation.text(ann.say("/question")).contains("Reply with your answer"));
    }

    @Test
    void theDailyBudgetEndsOnceWithANoticeThenAnswersAreGradedOffline() throws IOException {
        CountDownLatch opened = new CountDownLatch(0);
        FakeModel model = model(opened);
        start(Optional.of(model), 1, arrived);
        Conversation ann = person(ANN);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ann.say("/question");
            ann.say("It keeps data on disk somehow.");
            int answers = i;
            Await.until("grade " + i, () -> count(text(arrived, ANN), SCORE) == answers);
            String all = text(arrived, ANN);
            lines.add(all.substring(all.lastIndexOf(SCORE)));
        }
        assertTrue(lines.get(0).contains("🤖 Graded by the model."), lines.get(0));
        assertTrue(lines.get(1).contains("today's model gradings are used up"), lines.get(1));
        assertTrue(lines.get(2).contains("⚙️ Graded offline.") && !lines.get(2).contains("used up"), lines.get(2));
        assertEquals(1, gradingRequests(model));
        assertEquals(3, coach.database().number("SELECT count FROM model_budget WHERE user_id = ?", ANN));
    }
}
