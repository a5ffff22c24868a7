package coach.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.LiveBot;
import coach.MutableClock;
import coach.bench.FakeBotApi;
import coach.chat.Incoming;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Daily delivery with a hand-moved clock, through the real client and the fake Bot API. */
class DailySchedulerTest {

    private static final long SHANGHAI = 1, BERLIN = 2, NEW_YORK = 3, PAUSED = 4;

    private final MutableClock clock = MutableClock.at("2026-11-22T16:00:00Z");
    @RegisterExtension
    final LiveBot live = LiveBot.on(clock);

    @BeforeEach
    void start() {
        say(SHANGHAI, "/tz Asia/Shanghai");
        say(BERLIN, "/tz Europe/Berlin");
        say(NEW_YORK, "/tz America/New_York");
        say(PAUSED, "/pause");
        // The clock starts on a Sunday afternoon in Berlin and New York; these users test the plain daily question,
        // and the Sunday summary has its own users below.
        for (long user : List.of(SHANGHAI, BERLIN, NEW_YORK)) {
            say(user, "/weekly off");
        }
    }


    private void say(long user, String text) {
        live.coach().engine().handle(Incoming.text(user, text));
    }

    private List<FakeBotApi.Call> dailies(long user) {
        return live.api().sentTo(user).stream().filter(c -> c.text().contains("Today's question")
                || c.text().contains("今日一题")).toList();
    }

    /** Moves the clock minute by minute and ticks, as the running scheduler would. */
    private void runUntil(String instant) {
        Instant end = Instant.parse(instant);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(1));
            live.online().daily().tick();
        }
    }

    private Instant deliveredAt(long user) {
        return live.coach().database().one("SELECT delivered_at FROM deliveries WHERE user_id = ?",
                rs -> Instant.ofEpochSecond(rs.getLong(1)), user).orElseThrow();
    }

    private Instant deliveredOn(long user, String day) {
        return live.coach().database().one("SELECT delivered_at FROM deliveries WHERE user_id = ? AND day = ?",
                rs -> Instant.ofEpochSecond(rs.getLong(1)), user, day).orElseThrow(() ->
                new AssertionError("nothing delivered to " + user + " on " + day));
    }

    private List<FakeBotApi.Call> summaries(long user) {
        return live.api().sentTo(user).stream().filter(c -> c.text().contains("本周小结")).toList();
    }

    @Nested
    class WeeklySummary {

        private static final long FAN = 10, QUIET = 11, LATE_CONVERT = 12, NIGHT_OWL = 13, NO_TOPICS = 14;
        private static final String SUNDAY = "2026-11-29";
        private DeliveryStore deliveries;

        @BeforeEach
        void deliveries() {
            deliveries = new DeliveryStore(live.coach().database());
        }

        @Test
        void sundayBringsOneMessageWithTheSummaryThenTheQuestionAtEightInTheEvening() {
            say(FAN, "/tz Asia/Shanghai");
            live.online().daily().tick();
            for (int day = 23; day <= 28; day++) {
                clock.set("2026-11-" + day + "T01:00:30Z");
                live.online().daily().tick();
                if (day % 2 == 0) {
                    say(FAN, "GIL 全局解释器锁");
                }
            }
            clock.set("2026-11-29T00:30:00Z");
            runUntil("2026-11-29T11:59:00Z");
            assertFalse(deliveries.delivered(FAN, LocalDate.parse(SUNDAY)), "nothing on Sunday before 20:00");
            runUntil("2026-11-29T16:00:00Z");
            assertEquals(Instant.parse("2026-11-29T12:00:00Z"), deliveredOn(FAN, SUNDAY), "20:00 in Shanghai");
            assertTrue(deliveries.summarised(FAN, LocalDate.parse(SUNDAY)));

            FakeBotApi.Call sunday = live.api().await("sendMessage", c -> c.chatId() == FAN && c.text().contains("本周小结"));
            String text = sunday.text();
            assertTrue(text.startsWith("📊") && text.indexOf("今日一题") > text.indexOf("本周小结"), text);
            assertTrue(text.contains("11-23 – 11-29") && text.contains("7 天中有 3 天作答，共 3 题"), text);
            assertTrue(text.contains("💡"), "one suggestion: " + text);
            live.api().awaitCount("sendMessage", c -> c.chatId() == FAN && c.text().contains("今日一题"), 7);
            assertEquals(7, dailies(FAN).size(), "one message a day, Sunday included");
            assertEquals(1, summaries(FAN).size());
        }

        @Test
        void withTheSummaryOffSundayIsAnOrdinaryMorning() {
            say(QUIET, "/weekly off");
            clock.set("2026-11-29T00:30:00Z");
            runUntil("2026-11-29T16:00:00Z");
            assertEquals(Instant.parse("2026-11-29T01:00:00Z"), deliveredOn(QUIET, SUNDAY));
            assertFalse(deliveries.summarised(QUIET, LocalDate.parse(SUNDAY)));
            live.api().await("sendMessage", c -> c.chatId() == QUIET && c.text().contains("今日一题"));
            assertEquals(0, summaries(QUIET).size());
        }

        @Test
        void turnedOnAfterSundaysQuestionWentOutTheDayStillHasOneMessage() {
            say(LATE_CONVERT, "/weekly off");
            clock.set("2026-11-29T00:30:00Z");
            runUntil("2026-11-29T01:05:00Z");
            say(LATE_CONVERT, "/weekly on");
            runUntil("2026-11-29T16:00:00Z");
            assertEquals(1, deliveries.count(LATE_CONVERT));
            assertFalse(deliveries.summarised(LATE_CONVERT, LocalDate.parse(SUNDAY)));
            assertEquals(0, summaries(LATE_CONVERT).size());
        }

        @Test
        void aDailyTimeAfterEightCarriesTheSummaryAtThatTime() {
            say(NIGHT_OWL, "/time 21:30");
            clock.set("2026-11-29T11:00:00Z");
            runUntil("2026-11-29T16:00:00Z");
            assertEquals(Instant.parse("2026-11-29T13:30:00Z"), deliveredOn(NIGHT_OWL, SUNDAY));
            assertTrue(deliveries.summarised(NIGHT_OWL, LocalDate.parse(SUNDAY)));
        }

        @Test
        void withNoQuestionLeftTheSummaryGoesAlone() {
            say(NO_TOPICS, "/help");
            live.coach().engine().handle(Incoming.press(NO_TOPICS, 1, "cb1", "t:python"));
            live.coach().engine().handle(Incoming.press(NO_TOPICS, 1, "cb2", "t:redis"));
            clock.set("2026-11-28T00:00:00Z");
            runUntil("2026-11-29T12:05:00Z");
            assertFalse(deliveries.delivered(NO_TOPICS, LocalDate.parse("2026-11-28")), "no question on Saturday");
            FakeBotApi.Call summary = live.api().await("sendMessage", c -> c.chatId() == NO_TOPICS);
            assertTrue(summary.text().contains("本周小结") && !summary.text().contains("今日一题"), summary.text());
            assertEquals(1, live.coach().database().number(
                    "SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND question_id IS NULL AND summary = 1",
                    NO_TOPICS), "recorded as the day's message, with no question");
        }
    }

    @Test
    void threeZonesEachGetExactlyOneQuestionAtTheirMinuteAndThePausedNone() {
        runUntil("2026-11-23T16:00:00Z");
        assertEquals(Instant.parse("2026-11-23T01:00:00Z"), deliveredAt(SHANGHAI));
        assertEquals(Instant.parse("2026-11-23T08:00:00Z"), deliveredAt(BERLIN));
        assertEquals(Instant.parse("2026-11-23T14:00:00Z"), deliveredAt(NEW_YORK));
        for (long user : List.of(SHANGHAI, BERLIN, NEW_YORK)) {
            live.api().awaitCount("sendMessage", c -> c.chatId() == user && c.text().contains("今日一题"), 1);
            assertEquals(1, dailies(user).size(), "user " + user);
        }
        assertEquals(0, new DeliveryStore(live.coach().database()).count(PAUSED));
    }

    @Test
    void theDailyQuestionIsOpenForAnAnswer() {
        runUntil("2026-11-23T01:05:00Z");
        live.api().awaitCount("sendMessage", c -> c.chatId() == SHANGHAI && c.text().contains("今日一题"), 1);
        assertTrue(live.coach().engine().handle(Incoming.text(SHANGHAI, "我的回答")).toString().contains("/100"));
    }

    @Test
    void aRestartTheSameDayNeverSendsTheQuestionAgain() {
        runUntil("2026-11-23T01:05:00Z");
        live.restart();
        runUntil("2026-11-23T20:00:00Z");
        assertEquals(1, new DeliveryStore(live.coach().database()).count(SHANGHAI));
    }

    @Test
    void downAtTheMinuteDeliversOnStartIfStillThatDayAndSkipsAnOverDay() {
        live.online().daily().tick();
        clock.set("2026-11-23T05:00:00Z");
        live.online().daily().tick();
        assertEquals(Instant.parse("2026-11-23T05:00:00Z"), deliveredAt(SHANGHAI), "13:00 in Shanghai: same day");
        clock.set("2026-11-25T12:00:00Z");
        live.online().daily().tick();
        assertEquals(1, new DeliveryStore(live.coach().database()).count(SHANGHAI),
                "24 Nov in Shanghai was missed while down and is not made up on the 25th after its minute");
    }

    @Test
    void aStreakAtRiskIsMentionedInOneLine() {
        say(SHANGHAI, "/question");
        say(SHANGHAI, "answer");
        clock.set("2026-11-25T00:00:00Z");
        live.online().daily().tick();
        clock.set("2026-11-25T01:01:00Z");
        live.online().daily().tick();
        FakeBotApi.Call daily = live.api().await("sendMessage", c -> c.chatId() == SHANGHAI && c.text().contains("今日一题"));
        assertTrue(daily.text().startsWith("⚠️") && daily.text().contains("1 天的连续记录中断了"), daily.text());
    }

    @Test
    void aStormOf429sDelaysButDeliversEveryone() {
        for (int i = 0; i < 6; i++) {
            live.api().inject(FakeBotApi.Fault.tooManyRequests("sendMessage", 1));
        }
        runUntil("2026-11-23T16:00:00Z");
        for (long user : List.of(SHANGHAI, BERLIN, NEW_YORK)) {
            live.api().awaitCount("sendMessage", c -> c.chatId() == user && c.text().contains("今日一题"), 1);
        }
        assertEquals(3, live.api().calls("sendMessage").stream().filter(c -> c.text().contains("今日一题")).count());
        assertEquals(0, live.api().faultsWaiting(), "every injected fault was served");
    }

    @Test
    void aBlockedUserIsMarkedInactiveAndGetsNothingMore() {
        live.api().inject(FakeBotApi.Fault.status("sendMessage", 403, "Forbidden: bot was blocked by the user")
                .forChat(SHANGHAI));
        runUntil("2026-11-23T01:02:00Z");
        Await.until("the blocked user is marked inactive", () -> !live.coach().users().find(SHANGHAI).orElseThrow().active());
        assertEquals(0, live.api().faultsWaiting(), "every injected fault was served");
        runUntil("2026-11-24T02:00:00Z");
        assertEquals(1, new DeliveryStore(live.coach().database()).count(SHANGHAI), "no question on the 24th");
        assertEquals(0, dailies(SHANGHAI).size());
    }

    @Test
    void aRestartInTheMiddleOfABroadcastMissesNobodyAndRepeatsNobody() throws Exception {
        for (long user = 100; user < 140; user++) {
            say(user, "/tz Asia/Shanghai");
        }
        live.api().delaySends(Duration.ofMillis(40));
        runUntil("2026-11-23T01:01:00Z");
        live.api().awaitCount("sendMessage", c -> c.text().contains("今日一题"), 8);
        live.restart();
        live.api().awaitCount("sendMessage", c -> c.text().contains("今日一题"), 41);
        Await.until("the outbox is empty", () -> live.online().bot().pending() == 0);
        java.util.Map<Long, Long> perChat = live.api().calls("sendMessage").stream()
                .filter(c -> c.text().contains("今日一题"))
                .collect(java.util.stream.Collectors.groupingBy(FakeBotApi.Call::chatId,
                        java.util.stream.Collectors.counting()));
        assertEquals(41, perChat.size(), "nobody missed");
        assertTrue(perChat.values().stream().allMatch(n -> n == 1), "nobody twice: " + perChat);
    }

    @Test
    void changingTheTimeReschedules() {
        live.online().daily().tick();
        say(SHANGHAI, "/time 07:00");
        runUntil("2026-11-22T23:05:00Z");
        assertEquals(Instant.parse("2026-11-22T23:00:00Z"), deliveredAt(SHANGHAI));
    }
}
