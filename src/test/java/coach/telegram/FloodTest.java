package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.Coach;
import coach.TestCoach;
import coach.bench.FakeBotApi.Call;
import coach.bench.FakeBotApi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** People flooding the bot are slowed down politely, and their backlog never holds up anyone else's reply. */
class FloodTest {

    private static final int FLOODERS = 6;
    private static final int MESSAGES = 60;
    private static final long FIRST_FLOODER = 500;
    private static final long CALM = 42;
    /** Twenty answers and one notice per flooder. */
    private static final int ANSWERED = 21;

    @TempDir
    Path dir;

    private FakeBotApi api;
    private Coach coach;
    private Coach.Online bot;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        coach = TestCoach.assemble(dir, TestCoach.config(api.url()), Clock.systemUTC());
        bot = coach.connect(FakeBotApi.TOKEN);
    }

    @AfterEach
    void stop() {
        bot.close();
        coach.close();
        api.close();
    }

    @Test
    void floodersAreSlowedDownAndCannotDelayACalmUser() throws InterruptedException {
        for (int k = 0; k < MESSAGES; k++) {
            for (long flooder = FIRST_FLOODER; flooder < FIRST_FLOODER + FLOODERS; flooder++) {
                api.push(api.text(flooder, "/f" + k));
            }
        }
        api.push(api.press(FIRST_FLOODER, 9, "zz"));
        waitUntilHandled(FLOODERS * MESSAGES + 1);
        api.awaitCount("sendMessage", c -> true, FLOODERS * RateLimits.CHAT_BURST);

        api.push(api.text(CALM, "/help"));
        waitUntilHandled(FLOODERS * MESSAGES + 2);
        int before = api.calls("sendMessage").size();
        Call calm = api.await("sendMessage", c -> c.chatId() == CALM);
        List<Call> sends = api.calls("sendMessage");
        int floodBetween = sends.indexOf(calm) - before;
        assertTrue(floodBetween <= 2 * FLOODERS,
                "after the calm user's message was handled, " + floodBetween + " flood replies went first");
        api.await("answerCallbackQuery", c -> true);

        bot.close();
        for (long flooder = FIRST_FLOODER; flooder < FIRST_FLOODER + FLOODERS; flooder++) {
            long sent = api.sentTo(flooder).size();
            long waiting = coach.database().number("SELECT COUNT(*) FROM outbox WHERE chat_id = ?", flooder);
            assertEquals(ANSWERED, sent + waiting, "flooder " + flooder + ": sent " + sent + ", waiting " + waiting);
            long notices = coach.database().number("SELECT COUNT(*) FROM outbox WHERE chat_id = ? AND payload LIKE ?",
                    flooder, "%Please send it again in%")
                    + api.sentTo(flooder).stream().filter(c -> c.text().contains("Please send it again in")).count();
            assertEquals(1, notices, "one notice for flooder " + flooder);
        }
    }

    private void waitUntilHandled(int updates) {
        Await.until(updates + " updates handled",
                () -> coach.database().number("SELECT COUNT(*) FROM handled_updates") >= updates);
    }
}
