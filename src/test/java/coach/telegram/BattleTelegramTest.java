package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.LiveBot;
import coach.MutableClock;
import coach.bank.Question;
import coach.bench.FakeBotApi.Call;
import coach.bench.FakeBotApi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quiz battles end to end: the real client, the in-process fake Bot API, and the battle clock moved by the test
 * (presses are scored at the test clock's time; the sender paces real sends within the group limits).
 */
class BattleTelegramTest {

    private static final long GROUP = -100_777;
    private static final long CHANNEL = -100_888;
    private static final long ADMIN = 1;
    private static final long ANN = 11;
    private static final long BOB = 12;
    private static final long CAT = 13;

    private final MutableClock clock = MutableClock.at("2026-11-23T12:00:00Z");
    @RegisterExtension
    final LiveBot live = LiveBot.on(clock).preparing(server -> server.makeAdmin(GROUP, ADMIN));

    /** Waits for the round's message to reach the fake server and for the coach to record its id. */
    private Call round(long chat, int number) {
        Call round = live.api().await("sendMessage", c -> c.chatId() == chat && !c.buttonData().isEmpty()
                && c.text().contains(" " + number + "/"));
        Await.until("the round's message id is recorded", () -> live.coach().database().number(
                "SELECT COUNT(*) FROM battles WHERE chat_id = ? AND message_id = ?", chat, round.messageId()) > 0);
        return round;
    }

    private String data(Call round, boolean right) {
        Question question = live.coach().library().banks().stream().flatMap(b -> b.questions().stream())
                .filter(q -> q.quiz() != null && round.text().contains(q.question())).findFirst().orElseThrow();
        int option = right ? question.quiz().correct() : (question.quiz().correct() + 1) % question.quiz().options().size();
        return round.buttonData().get(option);
    }

    private String pressAndToast(long chat, long user, Call round, String data) {
        int before = live.api().calls("answerCallbackQuery").size();
        live.api().push(live.api().pressIn(chat, user, round.messageId(), data));
        return live.api().awaitCount("answerCallbackQuery", c -> true, before + 1).get(before).body().path("text").asText();
    }

    @Test
    void aSupergroupBattleWithThreePlayers() {
        live.api().push(live.api().groupText(GROUP, BOB, "/battle"));
        live.api().await("sendMessage", c -> c.chatId() == GROUP && c.text().contains("Only this chat's admins"));
        assertEquals(1, live.api().calls("getChatMember").size());

        live.api().push(live.api().groupText(GROUP, ADMIN, "/battle@" + FakeBotApi.BOT_USERNAME + " redis 2"));
        Call first = round(GROUP, 1);
        assertEquals(4, first.buttonData().size());

        clock.advance(Duration.ofSeconds(2));
        assertEquals("✅ Right! +145 points", pressAndToast(GROUP, ANN, first, data(first, true)));
        assertEquals("You have already answered this round.", pressAndToast(GROUP, ANN, first, data(first, false)));
        clock.advance(Duration.ofSeconds(6));
        assertEquals("✅ Right! +130 points", pressAndToast(GROUP, BOB, first, data(first, true)));
        assertTrue(pressAndToast(GROUP, CAT, first, data(first, false)).startsWith("❌"));

        clock.advance(Duration.ofSeconds(12));
        live.online().battles().tick();
        Call result = live.api().await("editMessageText", c -> c.chatId() == GROUP && c.text().contains("chose this"));
        assertEquals(first.messageId(), result.body().path("message_id").asInt());
        assertTrue(result.buttonData().isEmpty());
        assertEquals("This round is over.", pressAndToast(GROUP, 14, first, data(first, true)));

        clock.advance(Duration.ofSeconds(3));
        live.online().battles().tick();
        Call second = round(GROUP, 2);
        for (long player : List.of(ANN, BOB, CAT)) {
            pressAndToast(GROUP, player, second, data(second, player != CAT));
        }
        Call board = live.api().await("sendMessage", c -> c.chatId() == GROUP && c.text().contains("Battle over"));
        assertTrue(board.text().contains("🥇 User11 · 295 points (2 right)"), board.text());
        assertTrue(board.text().contains("🥈 User12 · 280 points (2 right)"), board.text());

        live.api().push(live.api().groupText(GROUP, CAT, "/top"));
        Call top = live.api().await("sendMessage", c -> c.chatId() == GROUP && c.text().contains("Leaderboard"));
        assertTrue(top.text().contains("User11 · 295"), top.text());
        assertGroupLimitKept(GROUP);
    }

    @Test
    void aChannelBattleStartedByAPost() {
        live.api().push(live.api().channelPost(CHANNEL, "/battle python 1"));
        Call round = round(CHANNEL, 1);
        assertEquals(0, live.api().calls("getChatMember").size(), "only admins can post in a channel");
        clock.advance(Duration.ofSeconds(10));
        assertEquals("✅ Right! +125 points", pressAndToast(CHANNEL, ANN, round, data(round, true)));
        assertTrue(pressAndToast(CHANNEL, BOB, round, data(round, false)).startsWith("❌"));
        clock.advance(Duration.ofSeconds(10));
        live.online().battles().tick();
        Call board = live.api().await("sendMessage", c -> c.chatId() == CHANNEL && c.text().contains("对战结束"));
        assertTrue(board.text().contains("🥇 User11 · 125 分"), "a channel speaks Chinese: " + board.text());
        assertTrue(board.text().contains("User12 · 0 分"), board.text());
        assertGroupLimitKept(CHANNEL);
    }

    @Test
    void aBattleSurvivesARestartMidRound() {
        live.api().push(live.api().groupText(GROUP, ADMIN, "/battle redis 2"));
        Call first = round(GROUP, 1);
        assertEquals("✅ Right! +150 points", pressAndToast(GROUP, ANN, first, data(first, true)));
        clock.advance(Duration.ofSeconds(20));
        live.reopen();
        live.online().battles().tick();
        Call result = live.api().await("editMessageText", c -> c.chatId() == GROUP && c.text().contains("chose this"));
        assertEquals(first.messageId(), result.body().path("message_id").asInt());
        assertEquals("This round is over.", pressAndToast(GROUP, BOB, first, data(first, true)));

        live.api().push(live.api().groupText(GROUP, ADMIN, "/stop"));
        Call board = live.api().await("sendMessage", c -> c.chatId() == GROUP && c.text().contains("Battle stopped"));
        assertTrue(board.text().contains("🥇 User11 · 150 points"), board.text());
        assertEquals("This battle has ended.", pressAndToast(GROUP, BOB, first, data(first, true)));
    }

    /** No sixty seconds hold more than twenty messages or edits into the chat. */
    private void assertGroupLimitKept(long chat) {
        List<Long> times = live.api().calls().stream()
                .filter(c -> c.chatId() == chat && (c.method().startsWith("send") || c.method().startsWith("edit")))
                .map(Call::atMillis).sorted().toList();
        for (long t : times) {
            assertTrue(times.stream().filter(x -> x >= t && x < t + 60_000).count() <= 20);
        }
        for (int i = RateLimits.CHAT_BURST; i < times.size(); i++) {
            assertTrue(times.get(i) - times.get(i - RateLimits.CHAT_BURST) >= 2_900,
                    "after a burst of three, about one message every three seconds: " + times);
        }
    }
}
