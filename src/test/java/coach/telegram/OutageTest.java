package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.LiveBot;
import coach.bench.FakeBotApi.Call;
import coach.bench.FakeBotApi.Scope;
import coach.bench.FakeBotApi.Trouble;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Bot API failing in every way for a while, for polls and for sends, while users keep writing: once it heals the
 * bot is back within five seconds, and every update is answered exactly once. The outage lasts a few seconds here;
 * {@code mvn test -Dtest=OutageTest -Dcoach.outage.seconds=60} runs the minute-long version.
 */
class OutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("coach.outage.seconds", 4));
    private static final Duration RECOVERY = Duration.ofSeconds(5);
    private static final int USERS = 16;
    private static final int PINGS = 4;
    private static final long FIRST_USER = 10;
    private static final Trouble[] EVERY_TROUBLE = Trouble.values();

    @RegisterExtension
    final LiveBot live = LiveBot.on(Clock.systemUTC())
            .preparing(server -> {
                server.holdPollsFor(Duration.ofMillis(500));
                server.stallTroubleFor(Duration.ofMillis(1600));
            })
            .with(new TelegramBot.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(1500)));

    @Test
    void everyUpdateIsAnsweredOnceAndTheBotIsBackWithinFiveSecondsOfHealing() throws Exception {
        live.api().push(live.api().text(1, "/help"));
        live.api().await("sendMessage", c -> c.chatId() == 1);

        long healAt = System.currentTimeMillis() + OUTAGE.toMillis();
        live.api().outage(OUTAGE, Scope.SENDS, EVERY_TROUBLE);
        List<String> pings = new ArrayList<>();
        List<String> presses = new ArrayList<>();
        Thread users = new Thread(() -> write(pings, presses), "outage-users");
        users.start();
        Thread.sleep(OUTAGE.toMillis() / 4);
        live.api().outage(OUTAGE.dividedBy(2), Scope.POLLS, EVERY_TROUBLE);
        users.join();
        Thread.sleep(Math.max(0, healAt - System.currentTimeMillis()));

        live.api().push(live.api().text(2, "/help"));
        Call probe = live.api().await("sendMessage", c -> c.chatId() == 2);
        assertTrue(probe.atMillis() - healAt <= RECOVERY.toMillis(),
                "answered " + (probe.atMillis() - healAt) + " ms after the server healed");

        live.api().awaitCount("sendMessage", c -> c.text().contains("no command /p"), pings.size());
        live.api().awaitCount("answerCallbackQuery", c -> true, presses.size());
        Map<String, Long> replies = live.api().calls("sendMessage").stream()
                .collect(Collectors.groupingBy(Call::text, Collectors.counting()));
        for (String ping : pings) {
            assertEquals(1L, replies.getOrDefault("There is no command " + ping + ". Send /help for the list.", 0L),
                    "one reply to " + ping);
        }
        Map<String, Long> toasts = live.api().calls("answerCallbackQuery").stream()
                .collect(Collectors.groupingBy(c -> c.body().path("callback_query_id").asText(), Collectors.counting()));
        assertEquals(presses.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)), toasts);
        assertEquals(pings.size() + presses.size() + 2,
                live.coach().database().number("SELECT COUNT(*) FROM handled_updates"), "every update handled");
        Await.until("the outbox is empty", () -> live.online().bot().pending() == 0);
    }

    @Test
    void unreadablePollAnswersAreBackedOffLikeFailures() throws Exception {
        live.api().awaitFirstPoll(Await.PATIENCE);
        int before = live.api().requests("getUpdates");
        live.api().outage(Duration.ofSeconds(2), Scope.POLLS, Trouble.GARBAGE);
        Thread.sleep(2000);
        int during = live.api().requests("getUpdates") - before;
        assertTrue(during <= 6, "polled " + during + " times in 2 s of unreadable answers");
        live.api().push(live.api().text(3, "/help"));
        live.api().await("sendMessage", c -> c.chatId() == 3);
    }

    /** Each user sends a few unknown commands and presses a stale button, spread over half the outage. */
    private void write(List<String> pings, List<String> presses) {
        long pause = OUTAGE.toMillis() / 2 / (USERS * (PINGS + 1));
        for (int k = 0; k < PINGS + 1; k++) {
            for (long user = FIRST_USER; user < FIRST_USER + USERS; user++) {
                if (k < PINGS) {
                    String ping = "/p" + user + "x" + k;
                    pings.add(ping);
                    live.api().push(live.api().text(user, ping));
                } else {
                    var press = live.api().press(user, 7, "zz");
                    presses.add(press.path("callback_query").path("id").asText());
                    live.api().push(press);
                }
                sleep(pause);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
