package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.LiveBot;
import coach.bench.FakeBotApi.Call;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** People flooding the bot are slowed down politely, and their backlog never holds up anyone else's reply. */
class FloodTest {

    private static final int FLOODERS = 6;
    private static final int MESSAGES = 60;
    private static final long FIRST_FLOODER = 500;
    private static final long CALM = 42;
    /** Twenty answers and one notice per flooder. */
    private static final int ANSWERED = 21;

    @RegisterExtension
    final LiveBot live = LiveBot.on(Clock.systemUTC());

    @Test
    void floodersAreSlowedDownAndCannotDelayACalmUser() throws InterruptedException {
        for (int k = 0; k < MESSAGES; k++) {
            for (long flooder = FIRST_FLOODER; flooder < FIRST_FLOODER + FLOODERS; flooder++) {
                live.api().push(live.api().text(flooder, "/f" + k));
            }
        }
        live.api().push(live.api().press(FIRST_FLOODER, 9, "zz"));
        waitUntilHandled(FLOODERS * MESSAGES + 1);
        live.api().awaitCount("sendMessage", c -> true, FLOODERS * RateLimits.CHAT_BURST);

        live.api().push(live.api().text(CALM, "/help"));
        waitUntilHandled(FLOODERS * MESSAGES + 2);
        int before = live.api().calls("sendMessage").size();
        Call calm = live.api().await("sendMessage", c -> c.chatId() == CALM);
        List<Call> sends = live.api().calls("sendMessage");
        int floodBetween = sends.indexOf(calm) - before;
        assertTrue(floodBetween <= 2 * FLOODERS,
                "after the calm user's message was handled, " + floodBetween + " flood replies went first");
        live.api().await("answerCallbackQuery", c -> true);

        live.online().close();
        for (long flooder = FIRST_FLOODER; flooder < FIRST_FLOODER + FLOODERS; flooder++) {
            long sent = live.api().sentTo(flooder).size();
            long waiting = live.coach().database().number("SELECT COUNT(*) FROM outbox WHERE chat_id = ?", flooder);
            assertEquals(ANSWERED, sent + waiting, "flooder " + flooder + ": sent " + sent + ", waiting " + waiting);
            long notices = live.coach().database().number("SELECT COUNT(*) FROM outbox WHERE chat_id = ? AND payload LIKE ?",
                    flooder, "%Please send it again in%")
                    + live.api().sentTo(flooder).stream().filter(c -> c.text().contains("Please send it again in")).count();
            assertEquals(1, notices, "one notice for flooder " + flooder);
        }
    }

    private void waitUntilHandled(int updates) {
        Await.until(updates + " updates handled",
                () -> live.coach().database().number("SELECT COUNT(*) FROM handled_updates") >= updates);
    }
}
