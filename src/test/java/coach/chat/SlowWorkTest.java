package coach.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Coach;
import coach.MutableClock;
import coach.TestCoach;
import coach.progress.Progress;
import coach.progress.ProgressPicture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grading, drawing and reading banks happen before the transaction, and the transaction checks they still fit. */
class SlowWorkTest {

    private static final long ANN = 7;
    private static final long BOB = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private final AtomicInteger drawn = new AtomicInteger();
    private Coach coach;

    private void assemble(Function<Progress, byte[]> painter) {
        coach = TestCoach.assemble(dir, TestCoach.config("https://api.telegram.org"), clock, progress -> {
            drawn.incrementAndGet();
            return painter.apply(progress);
        });
    }

    @AfterEach
    void close() {
        coach.close();
    }

    private static Incoming text(long userId, String text) {
        return new Incoming(Incoming.Kind.TEXT, userId, Incoming.ChatType.PRIVATE, userId, "Ann", "en", text, 1, null,
                null);
    }

    private List<Reply> say(long userId, String text) {
        return coach.engine().handle(text(userId, text));
    }

    private static boolean hasPicture(List<Reply> replies) {
        return replies.stream().anyMatch(r -> r instanceof Reply.Photo);
    }

    private void answerOne(long userId) {
        say(userId, "/start");
        say(userId, "/question");
        say(userId, "an answer");
    }

    @Test
    void aPictureBeingDrawnDoesNotDelayAnotherUsersReply() throws Exception {
        CountDownLatch drawing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        assemble(progress -> {
            drawing.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ProgressPicture.render(progress);
        });
        answerOne(ANN);
        say(BOB, "/start");
        CompletableFuture<List<Reply>> stats = CompletableFuture.supplyAsync(() -> say(ANN, "/stats"));
        try {
            assertTrue(drawing.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the picture is being drawn");

            List<Reply> bobs = assertTimeoutPreemptively(PATIENCE, () -> say(BOB, "/question"));

            assertTrue(bobs.get(0) instanceof Reply.Send send && send.html().contains("difficulty"), bobs.toString());
            assertFalse(stats.isDone(), "Bob was answered while Ann's picture was still being drawn");
        } finally {
            finish.countDown();
        }
        assertTrue(hasPicture(stats.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)));
    }

    @Test
    void aPictureOfAnOlderStateIsDrawnAgain() {
        assemble(ProgressPicture::render);
        answerOne(ANN);
        Prework early = coach.engine().prepare(text(ANN, "/stats"));
        say(ANN, "/question");
        say(ANN, "another answer");

        assertThrows(Prework.Stale.class, () -> coach.engine().handle(text(ANN, "/stats"), early));
        drawn.set(0);
        List<Reply> replies = say(ANN, "/stats");
        assertTrue(hasPicture(replies));
        assertEquals(1, drawn.get(), "drawn once, outside the transaction");
    }

    @Test
    void anAnswerGradedForAQuestionSinceSkippedIsGradedAgain() {
        assemble(ProgressPicture::render);
        say(ANN, "/start");
        say(ANN, "/question");
        Prework early = coach.engine().prepare(text(ANN, "GIL answer"));
        say(ANN, "/skip");
        say(ANN, "/question");

        assertThrows(Prework.Stale.class, () -> coach.engine().handle(text(ANN, "GIL answer"), early));
        String graded = Conversation.text(say(ANN, "GIL answer"));
        assertTrue(graded.contains("/100"), graded);
    }

    @Test
    void theLastAttemptApologisesInsteadOfTryingForever() {
        assemble(ProgressPicture::render);
        answerOne(ANN);
        Incoming stats = text(ANN, "/stats");
        Prework work = coach.engine().prepare(stats);
        for (int attempt = 1; attempt < Prework.ATTEMPTS; attempt++) {
            work = coach.engine().prepareAgain(stats, work);
        }
        say(ANN, "/question");
        say(ANN, "another answer");

        String reply = Conversation.text(coach.engine().handle(stats, work));
        assertTrue(reply.contains("something went wrong"), reply);
    }
}
