package coach.grading.llm;

import static coach.grading.llm.Questions.PARAPHRASE;
import static coach.grading.llm.Questions.PERSISTENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import coach.MutableClock;
import coach.grading.llm.Graded.Reason;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The seam callers use: budget per user and local day, the start-up probe, gradings off the caller's thread. */
class LlmGradingTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private FakeModel model;
    private LlmGrading grading;

    @BeforeEach
    void start() throws Exception {
        model = new FakeModel().answers(LlmGraderTest.honest());
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void stop() {
        logger().detachAppender(log);
        if (grading != null) {
            grading.close();
        }
        model.close();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(LlmGrading.class);
    }

    private LlmGrading grading(URI url, int perDay) {
        LlmSettings settings = new LlmSettings(url, "fake-7b", Duration.ofSeconds(5), perDay, 2);
        grading = LlmGrading.of(settings, ApiKey.of(LlmGraderTest.KEY), LlmGraderTest.OFFLINE, new InMemoryBudgetStore(),
                clock);
        return grading;
    }

    private Graded grade(long user, LocalDate day) {
        return grading.grade(user, day, PERSISTENCE, PARAPHRASE).join();
    }

    @Test
    void withoutSettingsEveryAnswerIsGradedOfflineAtOnce() {
        grading = LlmGrading.fromConfig(Optional.empty(), LlmGraderTest.OFFLINE, new InMemoryBudgetStore(), clock);
        CompletableFuture<Graded> future = grading.grade(1, MONDAY, PERSISTENCE, PARAPHRASE);
        assertTrue(future.isDone());
        assertEquals(Reason.NOT_CONFIGURED, future.join().reason());
        assertEquals("graded offline", future.join().line());
        assertEquals(LlmGraderTest.OFFLINE.grade(PERSISTENCE, PARAPHRASE), future.join().grade());
        assertFalse(grading.probe().join());
    }

    @Test
    void theBudgetIsPerUserAndLocalDayAndItsEndIsToldOnce() {
        grading(model.url(), 2);
        assertTrue(grade(1, MONDAY).byModel());
        assertTrue(grade(1, MONDAY).byModel());
        Graded third = grade(1, MONDAY);
        assertEquals(Reason.BUDGET_SPENT, third.reason());
        assertTrue(third.budgetNotice());
        Graded fourth = grade(1, MONDAY);
        assertEquals(Reason.BUDGET_SPENT, fourth.reason());
        assertFalse(fourth.budgetNotice());
        assertTrue(grade(2, MONDAY).byModel(), "another user has their own budget");
        assertTrue(grade(1, MONDAY.plusDays(1)).byModel(), "the user's next day");
        assertEquals(4, model.requests().size());
    }

    @Test
    void aModelThatDoesNotAnswerTheProbeIsWarnedAboutOnceAndGradingIsOffline() throws Exception {
        URI closed;
        try (FakeModel gone = new FakeModel()) {
            closed = gone.url();
        }
        grading(closed, 50);
        assertFalse(grading.probe().join());
        assertEquals(Reason.UNAVAILABLE, grade(1, MONDAY).reason());
        assertEquals(Reason.UNAVAILABLE, grade(1, MONDAY).reason());
        List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getFormattedMessage().contains(closed.toString()), warnings.get(0).getFormattedMessage());
        assertFalse(warnings.get(0).getFormattedMessage().contains(LlmGraderTest.KEY));
    }

    @Test
    void aModelAnsweringTheProbeIsUsedAndNothingIsLogged() {
        grading(model.url(), 50);
        assertTrue(grading.probe().join());
        assertEquals(1, model.requests().get(0).body().path("max_tokens").asInt());
        assertTrue(grade(1, MONDAY).byModel());
        assertEquals(List.of(), log.list);
    }

    @Test
    void aSlowModelHoldsNeitherTheCallerNorOfflineGradings() {
        model.answers(model.held());
        grading(model.url(), 1);
        CompletableFuture<Graded> slow = grading.grade(1, MONDAY, PERSISTENCE, PARAPHRASE);
        assertFalse(slow.isDone(), "the model is still thinking; the caller has its future");
        CompletableFuture<Graded> spent = grading.grade(1, MONDAY, PERSISTENCE, PARAPHRASE);
        assertTrue(spent.isDone(), "an offline grading completes at once");
        model.release.countDown();
        assertTrue(slow.join().byModel());
    }
}
