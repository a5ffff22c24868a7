package coach.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.Coach;
import coach.Config;
import coach.MutableClock;
import coach.TestCoach;
import coach.grading.llm.FakeModel;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./coach chat} with a model configured: "grading…" at once, the grade when the model has given it. */
class TerminalChatModelTest {

    @TempDir
    Path dir;

    @Test
    void theModelsGradeAppearsAfterTheGradingNotice() throws Exception {
        StringWriter screen = new StringWriter();
        try (FakeModel model = new FakeModel().answers(FakeModel.judging(point -> FakeModel.Verdict.missed()));
             PipedWriter keyboard = new PipedWriter()) {
            Config config = TestCoach.withModel(TestCoach.config("https://api.telegram.org"), model.url(), 50);
            try (Coach coach = Coach.assembleLocal(config, dir.resolve("chat.db"), MutableClock.at("2026-11-23T02:00:00Z"),
                    new Random(7))) {
                TerminalChat chat = new TerminalChat(coach.engine(), "en",
                        new BufferedReader(new PipedReader(keyboard)), new PrintWriter(screen), dir);
                coach.startGrading(chat::arrived);
                CompletableFuture<Void> session = CompletableFuture.runAsync(() -> {
                    try {
                        chat.run();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                keyboard.write("/start\n/question\nIt keeps the data on disk.\n");
                keyboard.flush();
                Await.until("the model's grade on screen", () -> screen.toString().contains("Graded by the model"));
                keyboard.write("/quit\n");
                keyboard.flush();
                session.get();
            }
        }
        String out = screen.toString();
        int notice = out.indexOf("⏳ Grading your answer…");
        int grade = out.indexOf("Key-point coverage: 0/100");
        assertTrue(notice >= 0 && grade > notice, out);
        assertTrue(out.contains("🤖 Graded by the model.") && out.contains("💬 没有提到这一点。"), out);
        assertTrue(out.contains("[1] ✅ Knew it"), "the rating buttons can be pressed: " + out);
    }
}
