package coach.pending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Coach;
import coach.Config;
import coach.TestCoach;
import coach.bench.FakeBotApi;
import coach.bench.FakeBotApi.Call;
import coach.grading.llm.FakeModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real telegrambots client, the fake Bot API and a fake model: typing, "grading…", then the grade. */
class ModelGradingTelegramTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private static final long ANN = 100;

    @TempDir
    Path dir;

    @Test
    void anAnswerOverTelegramIsGradedByTheModel() throws Exception {
        try (FakeBotApi api = new FakeBotApi();
             FakeModel model = new FakeModel().answers(FakeModel.judging(point -> FakeModel.Verdict.missed()))) {
            Config config = TestCoach.withModel(TestCoach.config(api.url()), model.url(), 50);
            try (Coach coach = TestCoach.assemble(dir, config, CLOCK); Coach.Online bot = coach.connect(FakeBotApi.TOKEN)) {
                api.push(api.text(ANN, "/start"));
                api.await("sendMessage", c -> c.chatId() == ANN && c.buttonData().contains("t:redis"));
                api.push(api.text(ANN, "/question"));
                api.await("sendMessage", c -> c.chatId() == ANN && c.text().contains("/skip"));
                api.push(api.text(ANN, "It keeps the data on disk."));

                Call typing = api.await("sendChatAction", c -> c.chatId() == ANN);
                assertEquals("typing", typing.body().path("action").asText());
                Call notice = api.await("sendMessage", c -> c.chatId() == ANN && c.text().contains("Grading your answer"));
                Call graded = api.await("sendMessage", c -> c.chatId() == ANN && c.text().contains("Graded by the model"));
                assertTrue(graded.text().contains("Key-point coverage: 0/100"), graded.text());
                assertTrue(graded.buttonData().contains("r:1:0"), graded.body().toString());
                assertTrue(typing.atMillis() <= notice.atMillis() && notice.atMillis() <= graded.atMillis());
                assertEquals(0, coach.database().number("SELECT COUNT(*) FROM pending_gradings"));
            }
            assertEquals(1, model.requests().stream().filter(r -> r.body().path("max_tokens").asInt() != 1).count());
        }
    }
}
