package coach.battle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Coach;
import coach.Config;
import coach.MutableClock;
import coach.TestCoach;
import coach.bank.Question;
import coach.chat.Incoming;
import coach.chat.Incoming.ChatType;
import coach.chat.Incoming.Kind;
import coach.chat.Incoming.Role;
import coach.chat.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Battles through the engine with a clock moved by hand; the ticker's passes are run by the test. */
class BattlesTest {

    private static final long GROUP = -1001;
    private static final long OTHER_GROUP = -1002;
    private static final long ADMIN = 1;
    private static final long ANN = 11;
    private static final long BOB = 12;
    private static final long CAT = 13;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T12:00:00Z");
    private final List<Reply> posted = new ArrayList<>();
    private Coach coach;
    private BattleTicker ticker;
    private int nextMessageId = 500;

    @BeforeEach
    void assemble() {
        open(TestCoach.config("https://api.telegram.org"));
    }

    private void open(Config config) {
        coach = TestCoach.assemble(dir, config, clock);
        ticker = new BattleTicker(coach.database(), coach.battles(), posted::addAll);
    }

    @AfterEach
    void close() {
        coach.close();
    }

    private List<Reply> command(long chat, ChatType type, long user, String name, Role role, String text) {
        return coach.engine().handle(new Incoming(Kind.TEXT, chat, type, user, name, "en", text, 1, null, null, role));
    }

    private List<Reply> admin(String text) {
        return command(GROUP, ChatType.SUPERGROUP, ADMIN, "Admin", Role.ADMIN, text);
    }

    private List<Reply> press(long chat, long user, String name, String data) {
        return coach.engine().handle(new Incoming(Kind.CALLBACK, chat, ChatType.SUPERGROUP, user, name, "en", "",
                nextMessageId, "cb" + user, data));
    }

    private String toast(List<Reply> replies) {
        return replies.stream().filter(r -> r instanceof Reply.Toast).map(r -> ((Reply.Toast) r).text())
                .findFirst().orElseThrow();
    }

    /** Runs the ticker once and returns what it queued. */
    private List<Reply> tick() {
        posted.clear();
        ticker.tick();
        return List.copyOf(posted);
    }

    /** Reports a round's message as accepted by Telegram, as the front end does. */
    private int deliver(List<Reply> replies) {
        Reply.Send round = replies.stream().filter(r -> r instanceof Reply.Send s && s.tag() != null)
                .map(r -> (Reply.Send) r).findFirst().orElseThrow(() -> new AssertionError("no round in " + replies));
        int id = ++nextMessageId;
        assertEquals(List.of(), coach.engine().delivered(round.tag(), round.chatId(), id));
        return id;
    }

    private Battle battle() {
        return new BattleStore(coach.database()).running(GROUP).orElseThrow();
    }

    private Question.Quiz quiz() {
        return coach.library().question(battle().question()).orElseThrow().quiz();
    }

    private String option(boolean right) {
        Battle b = battle();
        int correct = quiz().correct();
        return Presses.data(b.id(), b.round(), right ? correct : (correct + 1) % quiz().options().size());
    }

    private static String html(List<Reply> replies) {
        return replies.stream().map(r -> r instanceof Reply.Send s ? s.html() : r instanceof Reply.Edit e ? e.html() : "")
                .collect(Collectors.joining("\n"));
    }

    @Test
    void threePlayersSpeedBonusDoublePressLatePressAndTheScoreboard() {
        List<Reply> start = admin("/battle redis 2");
        Reply.Send round = (Reply.Send) start.get(0);
        assertTrue(round.html().contains("round 1/2"), round.html());
        assertTrue(round.html().contains("20 s left"), round.html());
        assertEquals(4, round.buttons().get(0).size());
        round.buttons().get(0).forEach(b -> assertTrue(b.data().getBytes().length <= 64));
        int message = deliver(start);

        clock.advance(Duration.ofSeconds(2));
        assertEquals("✅ Right! +145 points", toast(press(GROUP, ANN, "Ann", option(true))));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(toast(press(GROUP, CAT, "<Cat>", option(false))).startsWith("❌"));
        assertEquals("You have already answered this round.", toast(press(GROUP, ANN, "Ann", option(false))));
        clock.advance(Duration.ofSeconds(5));
        assertEquals("✅ Right! +130 points", toast(press(GROUP, BOB, "Bob", option(true))));

        clock.advance(Duration.ofSeconds(12));
        String late = option(true);
        List<Reply> ended = tick();
        Reply.Edit result = (Reply.Edit) ended.get(0);
        assertEquals(message, result.messageId());
        assertEquals(List.of(), result.buttons());
        assertTrue(result.html().contains("2 chose this") && result.html().contains("1 chose this"), result.html());
        assertTrue(result.html().contains("💡") && result.html().contains("href=\"https://redis.io/"), result.html());
        assertEquals("This round is over.", toast(press(GROUP, 14, "Dan", late)));

        clock.advance(Duration.ofSeconds(3));
        List<Reply> second = tick();
        assertTrue(html(second).contains("round 2/2"), html(second));
        deliver(second);
        press(GROUP, BOB, "Bob", option(true));
        press(GROUP, ANN, "Ann", option(false));
        List<Reply> last = press(GROUP, CAT, "<Cat>", option(true));
        String board = html(last);
        assertTrue(board.contains("Battle over"), "every player answered, so the round and battle end: " + board);
        assertTrue(board.contains("🥇 Bob · 280 points (2 right)\n🥈 &lt;Cat&gt; · 150 points (1 right)\n"
                + "🥉 Ann · 145 points (1 right)"), board);
        assertFalse(board.contains("<Cat>"));
        assertEquals("This battle has ended.", toast(press(GROUP, ANN, "Ann", Presses.data(battleId(), 2, 0))));
        assertEquals(List.of(), tick());
    }

    private long battleId() {
        return coach.database().number("SELECT MAX(id) FROM battles");
    }

    @Test
    void onlyAdminsStartAndStopAndTheFrontEndIsAskedOnlyWhenItMatters() {
        assertTrue(html(command(GROUP, ChatType.SUPERGROUP, ANN, "Ann", Role.MEMBER, "/battle")).contains("Only this chat's admins"));
        assertTrue(html(command(GROUP, ChatType.SUPERGROUP, ANN, "Ann", Role.UNKNOWN, "/stop")).contains("could not check"));
        assertEquals(0, coach.database().number("SELECT COUNT(*) FROM battles"));

        Incoming battle = new Incoming(Kind.TEXT, GROUP, ChatType.GROUP, ANN, "Ann", "en", "/battle", 1, null, null);
        assertTrue(coach.engine().needsRole(battle));
        assertFalse(coach.engine().needsRole(battle.withRole(Role.MEMBER)));
        assertFalse(coach.engine().needsRole(new Incoming(Kind.TEXT, GROUP, ChatType.GROUP, ANN, "Ann", "en", "/top", 1, null, null)));
        assertFalse(coach.engine().needsRole(new Incoming(Kind.TEXT, ANN, ChatType.PRIVATE, ANN, "Ann", "en", "/battle", 1, null, null)));

        assertTrue(html(admin("/battle REDIS 1")).contains("Redis"), "a topic in any case");
        admin("/stop");
        assertTrue(html(admin("/battle nosuch")).contains("There is no topic “nosuch”"));
        assertTrue(html(admin("/battle 99")).contains("from 1 to 20"));
        admin("/battle");
        assertTrue(html(admin("/battle")).contains("already running"));
        String stopped = html(admin("/stop"));
        assertTrue(stopped.contains("Battle stopped") && stopped.contains("Nobody answered"), stopped);
        assertTrue(html(admin("/stop")).contains("No battle is running"));
    }

    @Test
    void forgedMalformedAndForeignPressesChangeNothing() {
        deliver(admin("/battle redis 2"));
        long id = battle().id();
        List<String> forged = List.of("b:", "b:x:1:0", "b:" + id + ":1:9", "b:" + id + ":2:0", "b:999:1:0",
                "b:" + id + ":1:0:extra", "b:" + "9".repeat(40) + ":1:0", "r:1:0", "");
        for (String data : forged) {
            assertEquals("This button is not valid.", toast(press(GROUP, ANN, "Ann", data)), data);
        }
        assertEquals("This button is not valid.", toast(coach.engine().handle(Incoming.press(ANN, 3, "cb", option(true)))
                .stream().filter(r -> r instanceof Reply.Toast).toList()).isEmpty() ? "" : "This button is not valid.");
        admin("/stop");
        command(OTHER_GROUP, ChatType.SUPERGROUP, ADMIN, "Admin", Role.ADMIN, "/battle");
        assertEquals("This button belongs to another chat.",
                toast(press(GROUP, ANN, "Ann", Presses.data(battleId(), 1, 0))));
        assertEquals(0, coach.database().number("SELECT COUNT(*) FROM battle_answers"));
    }

    @Test
    void aRestartResumesTheRoundOrEndsAnOverdueBattleWithTheScoreboardSoFar() {
        int message = deliver(admin("/battle redis 2"));
        press(GROUP, ANN, "Ann", option(true));
        coach.close();
        clock.advance(Duration.ofSeconds(10));
        open(TestCoach.config("https://api.telegram.org"));
        assertEquals("You have already answered this round.", toast(press(GROUP, ANN, "Ann", option(true))));
        clock.advance(Duration.ofSeconds(11));
        List<Reply> resumed = tick();
        assertEquals(message, ((Reply.Edit) resumed.get(0)).messageId());
        clock.advance(Duration.ofSeconds(3));
        deliver(tick());

        coach.close();
        clock.advance(Duration.ofMinutes(5));
        open(TestCoach.config("https://api.telegram.org"));
        List<Reply> ended = tick();
        assertTrue(ended.get(0) instanceof Reply.Edit edit && edit.buttons().isEmpty(), "no live buttons left");
        assertTrue(html(ended).contains("Battle stopped") && html(ended).contains("Ann · 150 points"), html(ended));
        assertEquals(0, coach.battles().running().size());
    }

    @Test
    void aRoundWhoseMessageIdCameLateStillLosesItsButtons() {
        List<Reply> start = admin("/battle redis 2");
        clock.advance(Duration.ofSeconds(21));
        List<Reply> ended = tick();
        assertTrue(ended.get(0) instanceof Reply.Send, "without the message id the result is a new message");
        Reply.Send round = (Reply.Send) start.get(0);
        List<Reply> followUp = coach.engine().delivered(round.tag(), GROUP, 777);
        assertEquals(1, followUp.size());
        assertTrue(followUp.get(0) instanceof Reply.Edit e && e.messageId() == 777 && e.buttons().isEmpty());
    }

    @Test
    void theCountdownIsEditedEveryFiveSecondsAtMost() {
        int message = deliver(admin("/battle redis 1"));
        List<Integer> shown = new ArrayList<>();
        for (int second = 1; second < 20; second++) {
            clock.advance(Duration.ofSeconds(1));
            for (Reply reply : tick()) {
                Reply.Edit edit = (Reply.Edit) reply;
                assertEquals(message, edit.messageId());
                shown.add(Integer.parseInt(edit.html().replaceAll("(?s).*⏱ (\\d+) s left.*", "$1")));
            }
        }
        assertEquals(List.of(15, 10, 5), shown);
    }

    @Test
    void aDailyBattleStartsAtItsMinuteOnceADayAndSurvivesARestart() {
        clock.set("2026-11-23T12:00:00Z"); // 20:00 in Shanghai
        assertTrue(html(admin("/battle daily 20:30")).contains("every day at 20:30 (Asia/Shanghai)"));
        assertTrue(html(admin("/battle daily 25:00")).contains("Usage: /battle daily HH:MM"));
        clock.set("2026-11-23T12:29:00Z");
        assertEquals(List.of(), tick());
        coach.close();
        open(TestCoach.config("https://api.telegram.org"));
        clock.set("2026-11-23T12:30:00Z");
        List<Reply> started = tick();
        assertTrue(html(started).contains("round 1/5") || html(started).contains("round 1/3"), html(started));
        admin("/stop");
        clock.set("2026-11-23T12:45:00Z");
        assertEquals(List.of(), tick(), "once a day");

        clock.set("2026-11-24T13:10:00Z"); // the next day, 21:10: forty minutes late after downtime
        assertEquals(List.of(), tick(), "too late, skipped");
        assertTrue(html(admin("/battle off")).contains("cancelled"));
        assertTrue(html(admin("/battle off")).contains("no daily battle"));
        clock.set("2026-11-25T12:30:00Z");
        assertEquals(List.of(), tick());
    }

    @Test
    void theLeaderboardShowsThisWeekAndAllTime() {
        assertTrue(html(command(GROUP, ChatType.SUPERGROUP, ANN, "Ann", Role.UNKNOWN, "/top")).contains("No battles played"));
        clock.set("2026-11-16T12:00:00Z"); // last week
        deliver(admin("/battle redis 1"));
        press(GROUP, ANN, "Ann", option(true));
        clock.advance(Duration.ofSeconds(20));
        tick();
        clock.set("2026-11-23T12:00:00Z"); // Monday of this week
        deliver(admin("/battle redis 1"));
        clock.advance(Duration.ofSeconds(10));
        press(GROUP, BOB, "Bob", option(true));
        clock.advance(Duration.ofSeconds(10));
        tick();
        String top = html(command(GROUP, ChatType.SUPERGROUP, CAT, "Cat", Role.UNKNOWN, "/top"));
        String week = top.substring(top.indexOf("This week"), top.indexOf("All time"));
        String all = top.substring(top.indexOf("All time"));
        assertTrue(week.contains("Bob · 125") && !week.contains("Ann"), week);
        assertTrue(all.indexOf("Ann · 150") < all.indexOf("Bob · 125"), all);
    }

    @Test
    void aChannelBattleTakesPressesFromItsReaders() {
        long channel = -1005;
        List<Reply> start = command(channel, ChatType.CHANNEL, channel, "Channel", Role.ADMIN, "/battle python 1");
        deliver(start);
        Battle b = new BattleStore(coach.database()).running(channel).orElseThrow();
        Question.Quiz quiz = coach.library().question(b.question()).orElseThrow().quiz();
        List<Reply> pressed = coach.engine().handle(new Incoming(Kind.CALLBACK, channel, ChatType.CHANNEL, ANN, "Ann",
                "en", "", nextMessageId, "cb", Presses.data(b.id(), 1, quiz.correct())));
        assertTrue(toast(pressed).startsWith("✅ Right!"));
        clock.advance(Duration.ofSeconds(20));
        assertTrue(html(tick()).contains("🥇 Ann · 150 points"));
    }

    @Test
    void aQuickGroupNeverGetsMoreThanTwentyMessagesAMinute() {
        Config config = TestCoach.config("https://api.telegram.org");
        close();
        open(new Config(config.apiUrl(), config.storagePath(), Path.of("banks").toAbsolutePath(), config.dailyTime(),
                config.dailyZone(), 25, 20, 20, config.admins()));
        List<Long> times = new ArrayList<>();
        List<Reply> start = admin("/battle 20");
        times.add(clock.millis());
        deliver(start);
        int rounds = 1;
        for (int second = 0; second < 600 && !coach.battles().running().isEmpty(); second++) {
            if (battle().status() == Battle.Status.PLAYING && battle().round() > 1) {
                press(GROUP, ANN, "Ann", option(true));
            } else if (battle().status() == Battle.Status.PLAYING) {
                press(GROUP, ANN, "Ann", option(true));
                clock.advance(Duration.ofSeconds(20));
            }
            List<Reply> replies = tick();
            replies.stream().filter(r -> !(r instanceof Reply.Toast)).forEach(r -> times.add(clock.millis()));
            if (replies.stream().anyMatch(r -> r instanceof Reply.Send s && s.tag() != null)) {
                deliver(replies);
                rounds++;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(20, rounds);
        assertTrue(coach.battles().running().isEmpty());
        for (long t : times) {
            long inMinute = times.stream().filter(x -> x >= t && x < t + 60_000).count();
            assertTrue(inMinute <= 20, inMinute + " messages in the minute from " + t);
        }
    }

    @Test
    void aChatThatRemovedTheCoachLosesItsBattleAndItsDailyBattle() {
        admin("/battle redis 1");
        admin("/battle daily 21:00");
        coach.engine().unreachable(GROUP);
        assertTrue(coach.battles().running().isEmpty());
        assertTrue(html(admin("/battle off")).contains("no daily battle"));
        assertEquals(List.of(), tick());
    }
}
