package coach.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Coach;
import coach.MutableClock;
import coach.TestCoach;
import coach.progress.ProgressPicture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conversation engine with a fixed clock and the small test banks, no Telegram involved. */
class EngineTest {

    private static final long ANN = 7;

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private Coach coach;

    @BeforeEach
    void assemble() {
        coach = TestCoach.assemble(dir, TestCoach.config("https://api.telegram.org"), clock);
    }

    @AfterEach
    void close() {
        coach.close();
    }

    private List<Reply> say(String text) {
        return coach.engine().handle(new Incoming(Incoming.Kind.TEXT, ANN, Incoming.ChatType.PRIVATE, ANN, "Ann",
                "en", text, 1, null, null));
    }

    private List<Reply> press(String data) {
        return coach.engine().handle(new Incoming(Incoming.Kind.CALLBACK, ANN, Incoming.ChatType.PRIVATE, ANN, "Ann",
                "en", "", 5, "cb", data));
    }

    private static String text(List<Reply> replies) {
        return replies.stream().map(r -> r instanceof Reply.Send s ? s.html() : r instanceof Reply.Edit e ? e.html()
                : r instanceof Reply.Toast t ? "(" + t.text() + ")" : "").reduce("", (a, b) -> a + "\n" + b);
    }

    private static List<String> buttons(List<Reply> replies) {
        return replies.stream().filter(r -> r instanceof Reply.Send).map(r -> (Reply.Send) r)
                .flatMap(s -> s.buttons().stream().flatMap(List::stream)).map(Reply.Button::data).toList();
    }

    /** Asks for a question and answers it so that it is the GIL question. */
    private String answerGil(String answer) {
        press("t:redis");
        say("/question");
        String q = text(say("/question"));
        if (!q.contains("GIL")) {
            say("/skip");
            say("/question");
        }
        return text(say(answer));
    }

    @Test
    void startGreetsSubscribesToEveryTopicAndOffersThePicker() {
        List<Reply> replies = say("/start");
        assertTrue(text(replies).contains("Hi Ann!"), text(replies));
        assertTrue(buttons(replies).containsAll(List.of("t:python", "t:redis", "q")));
        assertEquals(java.util.Set.of("python", "redis"), coach.users().subscriptions(ANN));
        assertTrue(text(say("/start")).contains("Welcome back"));
        assertTrue(text(say("/topics")).contains("Topic ids for /mock and /battle (titles work too): python, redis"));
    }

    @Test
    void anyFirstMessageRegistersTheUser() {
        assertTrue(text(say("/help")).contains("/question"));
        assertTrue(coach.users().find(ANN).isPresent());
    }

    @Test
    void togglingATopicEditsThePickerInPlace() {
        say("/start");
        List<Reply> replies = press("t:redis");
        Reply.Edit edit = (Reply.Edit) replies.stream().filter(r -> r instanceof Reply.Edit).findFirst().orElseThrow();
        assertEquals(5, edit.messageId());
        assertTrue(edit.buttons().toString().contains("▫️ Redis"));
        assertTrue(text(replies).contains("(Unsubscribed: Redis)"));
        assertEquals(java.util.Set.of("python"), coach.users().subscriptions(ANN));
        press("t:redis");
        assertEquals(java.util.Set.of("python", "redis"), coach.users().subscriptions(ANN));
    }

    @Test
    void answerIsScoredWithCoveredAndMissedPointsThenTheReference() {
        say("/start");
        String feedback = answerGil("GIL 就是全局解释器锁，它让同一时刻只有一个线程在执行字节码");
        assertTrue(feedback.contains("Key-point coverage: 42/100</b> (1 of 3 points made)"), feedback);
        assertTrue(feedback.contains("Key points you made:\n• 全局解释器锁 — <i>“"), feedback);
        assertTrue(feedback.contains("Key points you missed:\n• CPU 密集用多进程\n• I/O 密集多线程有效"), feedback);
        assertTrue(feedback.contains("&lt;b&gt; 不是标签 &amp; 也要转义"), "bank text is escaped: " + feedback);
        assertTrue(feedback.contains("<a href=\"https://docs.python.org/3/glossary.html#term-global-interpreter-lock\">"));
    }

    @Test
    void ratingSchedulesTheReviewOnceAndSecondPressIsRefused() {
        say("/start");
        press("t:redis");
        say("/question");
        List<Reply> feedback = say("some answer");
        String rate = buttons(feedback).get(2);
        assertTrue(rate.matches("r:\\d+:2"), rate);
        assertTrue(text(feedback).contains("By your score this question comes back tomorrow"), text(feedback));
        List<Reply> first = press(rate);
        assertTrue(text(first).contains("This question comes back tomorrow (2026-11-24)"), text(first));
        assertTrue(first.stream().anyMatch(r -> r instanceof Reply.Markup));
        assertTrue(text(press(rate)).contains("already rated"));
    }

    @Test
    void theScoreSchedulesTheReviewAndAPressReplacesItRatherThanAddingAReview() {
        say("/start");
        press("t:redis");
        say("/question");
        List<Reply> feedback = say("some answer");
        assertTrue(text(feedback).contains("comes back tomorrow"), "a low score rates 'didn't know'");
        assertEquals(1, coach.database().number("SELECT reps FROM reviews WHERE user_id = ?", ANN));
        assertTrue(text(press(buttons(feedback).get(0))).contains("comes back in 3 days (2026-11-26)"));
        assertEquals(1, coach.database().number("SELECT reps FROM reviews WHERE user_id = ?", ANN),
                "still the first review: the press replaced the score's rating");
        assertEquals(1, coach.database().number("SELECT COUNT(*) FROM reviews WHERE user_id = ? AND due_day = ?",
                ANN, "2026-11-26"));
    }

    @Test
    void anOldRatingButtonCannotRescheduleAQuestionAnsweredAgainSince() {
        say("/start");
        press("t:redis");
        String question = questionOf(say("/question"));
        String oldRate = buttons(say("answer one")).get(0);
        clock.set("2026-11-24T02:00:00Z");
        assertEquals(question, questionOf(say("/question")), "the low score brought it back today");
        say("answer two");
        String due = coach.database().list("SELECT due_day FROM reviews WHERE user_id = ?", rs -> rs.getString(1), ANN)
                .get(0);
        assertTrue(text(press(oldRate)).contains("expired"));
        assertEquals(List.of(due), coach.database().list("SELECT due_day FROM reviews WHERE user_id = ?",
                rs -> rs.getString(1), ANN));
    }

    @Test
    void noRepeatsUntilExhaustedThenTheDueReviewComesFirst() {
        say("/start");
        press("t:redis");
        String first = questionOf(say("/question"));
        press(buttons(say("answer one")).get(2));
        String second = questionOf(say("/question"));
        assertFalse(first.equals(second), "a fresh question before any repeat");
        press(buttons(say("answer two")).get(0));
        clock.set("2026-11-24T02:00:00Z");
        assertEquals(first, questionOf(say("/question")), "yesterday's 'didn't know' is due today");
    }

    private static String questionOf(List<Reply> replies) {
        String html = text(replies);
        return html.substring(html.indexOf("<b>", html.indexOf("difficulty")));
    }

    @Test
    void skipRevealsTheAnswerWithoutScoreAndWithoutStreak() {
        say("/start");
        say("/question");
        String skipped = text(say("/skip"));
        assertTrue(skipped.contains("Skipped") && skipped.contains("Reference answer"), skipped);
        assertFalse(skipped.contains("/100"));
        assertTrue(text(say("/stats")).contains("No answers yet"));
        assertTrue(text(say("/skip")).contains("no open question"));
    }

    @Test
    void theMenuAndHelpListTheFlowsCommandsInOrder() {
        List<String> menu = coach.engine().menu();
        assertEquals(List.of("question", "skip", "mock", "topics", "stats", "weekly", "time", "tz", "pause", "resume",
                "lang", "report", "help", "start"), menu);
        String help = text(say("/help"));
        int last = -1;
        for (String command : menu) {
            int at = help.indexOf("\n/" + command + " ");
            assertTrue(at > last, "/" + command + " follows the one before it in: " + help);
            last = at;
        }
        assertFalse(help.contains("/admin"), "the admins' command stays out of /help");
    }

    @Test
    void openQuestionIsRepeatedInsteadOfReplaced() {
        say("/start");
        String q = text(say("/question"));
        String again = text(say("/question"));
        assertTrue(again.contains("still have an open question"));
        assertTrue(again.contains(q.substring(q.indexOf("<b>", q.indexOf("difficulty")))));
    }

    @Nested
    class Streaks {
        @Test
        void answersEitherSideOfLocalMidnightMakeTwoDays() {
            say("/start");
            clock.set("2026-11-23T15:59:00Z");
            say("/question");
            say("answer");
            clock.set("2026-11-23T16:01:00Z");
            say("/question");
            say("answer");
            assertTrue(text(say("/stats")).contains("Current streak: 2 days"), text(say("/stats")));
        }

        @Test
        void sameUtcDayInAnotherZoneCountsItsOwnCalendar() {
            say("/start");
            say("/tz America/Los_Angeles");
            clock.set("2026-11-23T07:00:00Z");
            say("/question");
            say("answer");
            clock.set("2026-11-23T09:00:00Z");
            say("/question");
            say("answer");
            assertTrue(text(say("/stats")).contains("Current streak: 2 days · longest: 2 days"));
        }

        @Test
        void zoneChangeKeepsPastDaysAndUsesTheNewCalendar() {
            say("/start");
            clock.set("2026-11-23T10:00:00Z");
            say("/question");
            say("answer");
            say("/tz America/Los_Angeles");
            clock.set("2026-11-24T07:00:00Z");
            assertTrue(text(say("/stats")).contains("Current streak: 1 day"), "Nov 23 in LA still counts today");
        }

        @Test
        void dstChangeDoesNotBreakTheStreak() {
            say("/start");
            say("/tz America/New_York");
            clock.set("2026-11-01T03:30:00Z");
            say("/question");
            say("answer");
            clock.set("2026-11-02T04:30:00Z");
            say("/question");
            say("answer");
            assertTrue(text(say("/stats")).contains("Current streak: 2 days"), "Oct 31 EDT and Nov 1 EST");
        }

        private void answerAt(String instant) {
            clock.set(instant);
            say("/question");
            say("answer");
        }

        @Test
        void statsShowFreezesHeldAndComeWithAPicture() throws Exception {
            say("/start");
            answerAt("2026-11-23T02:00:00Z");
            List<Reply> replies = say("/stats");
            assertTrue(text(replies).contains("Streak freezes: 0 of 2"), text(replies));
            Reply.Photo photo = (Reply.Photo) replies.get(replies.size() - 1);
            assertEquals(ANN, photo.chatId());
            assertTrue(photo.caption().contains("last 26 weeks"), photo.caption());
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(
                    new java.io.ByteArrayInputStream(photo.png()));
            assertEquals(ProgressPicture.WIDTH, image.getWidth());
        }

        @Test
        void aFreezeIsEarnedAndSpentOnTheUsersOwnCalendar() {
            say("/start");
            say("/tz America/Los_Angeles");
            for (int day = 16; day <= 22; day++) {
                answerAt("2026-11-" + day + "T20:00:00Z");
            }
            clock.set("2026-11-24T06:00:00Z");
            String losAngeles = text(say("/stats"));
            assertTrue(losAngeles.contains("Current streak: 7 days"), losAngeles);
            assertTrue(losAngeles.contains("Streak freezes: 1 of 2"), "23 Nov is still today in LA: " + losAngeles);

            say("/tz Asia/Shanghai");
            String shanghai = text(say("/stats"));
            assertTrue(shanghai.contains("Current streak: 7 days"), shanghai);
            assertTrue(shanghai.contains("Streak freezes: 0 of 2"), "23 Nov is over in Shanghai: " + shanghai);
            String daily = text(coach.engine().dailyQuestion(ANN, false).orElseThrow().replies());
            assertTrue(daily.strip().startsWith("🧊") && daily.contains("7-day streak alive (0 left)"), daily);
        }

        @Test
        void aDayWithoutAnswersEndsTheStreak() {
            say("/start");
            say("/question");
            say("answer");
            clock.set("2026-11-25T02:00:00Z");
            assertTrue(text(say("/stats")).contains("Current streak: 0 days · longest: 1 day"));
        }
    }

    @Nested
    class WeeklySummary {

        private String sundayMessage() {
            clock.set("2026-11-29T12:00:00Z");
            return text(coach.engine().dailyQuestion(ANN, true).orElseThrow().replies());
        }

        private void answerOn(int day, boolean well) {
            clock.set("2026-11-" + day + "T02:00:00Z");
            say("/question");
            String open = coach.database().one(
                    "SELECT question_id FROM asked WHERE user_id = ? AND status = 'open'", rs -> rs.getString(1), ANN)
                    .orElseThrow();
            say(well ? coach.library().question(open).orElseThrow().answer() : "x");
        }

        @Test
        void isOnByDefaultAndTurnsOffAndOn() {
            say("/start");
            assertTrue(coach.users().find(ANN).orElseThrow().weekly());
            assertTrue(text(say("/weekly")).contains("Weekly summary on: every Sunday at 20:00 (Asia/Shanghai)"));
            assertTrue(text(say("/weekly off")).contains("Weekly summary off"));
            assertFalse(coach.users().find(ANN).orElseThrow().weekly());
            assertTrue(text(say("/weekly maybe")).contains("Use /weekly on or /weekly off"));
            assertFalse(coach.users().find(ANN).orElseThrow().weekly());
            say("/weekly ON");
            assertTrue(coach.users().find(ANN).orElseThrow().weekly());
        }

        @Test
        void anEmptyWeekSuggestsStartingSmallAboveTheDaysQuestion() {
            say("/start");
            String message = sundayMessage();
            assertTrue(message.contains("<b>Your week</b> · 11-23 – 11-29"), message);
            assertTrue(message.contains("No answers this week") && message.contains("Start again small"), message);
            assertTrue(message.indexOf("Today's question") > message.indexOf("Your week"), message);
        }

        @Test
        void weakAnswersOnMostDaysSuggestFocusingOnTheWeakestTopic() {
            say("/start");
            answerOn(22, true);
            for (int day = 23; day <= 26; day++) {
                answerOn(day, false);
            }
            String message = sundayMessage();
            assertTrue(message.contains("4 answers on 4 of 7 days · average score 0"), "Sunday the 22nd is last week: "
                    + message);
            assertTrue(message.contains("Weakest topic: Python (average 0)"), message);
            assertTrue(message.contains("Focus on Python for a few days"), message);
        }

        @Test
        void fewDaysSuggestAnsweringMoreOften() {
            say("/start");
            answerOn(24, true);
            answerOn(27, true);
            assertTrue(sundayMessage().contains("You answered on 2 of 7 days. Answering the daily question at 09:00"));
        }

        @Test
        void aStrongWeekSuggestsANewTopic() {
            say("/start");
            for (int day = 25; day <= 28; day++) {
                answerOn(day, true);
            }
            String message = sundayMessage();
            assertTrue(message.contains("4 answers on 4 of 7 days · average score 100"), message);
            assertTrue(message.contains("A strong week!"), message);
            assertTrue(message.contains("Streak: 4 days"), message);
        }
    }

    @Nested
    class Settings {
        @Test
        void badTimeGetsAnExample() {
            assertTrue(text(say("/time 25:99")).contains("/time 08:30"));
            assertTrue(text(say("/time 7:05")).contains("07:05"));
            assertEquals("07:05", coach.users().find(ANN).orElseThrow().dailyTime().toString());
        }

        @Test
        void timeAndZoneWithoutAnArgumentShowTheSettingAndAnExample() {
            assertEquals("\nYour daily question comes at 09:00 (Asia/Shanghai). To change it, send the time in "
                    + "24-hour HH:MM, for example /time 08:30.", text(say("/time")));
            assertEquals("\nYour time zone is Asia/Shanghai; it is 10:00 there now. To change it, send a city, zone "
                    + "or UTC offset, for example /tz Europe/Berlin, /tz Beijing or /tz UTC+8.", text(say("/tz")));
        }

        @Test
        void zonesAreReadAsPeopleWriteThem() {
            for (String typed : List.of("asia/shanghai", "UTC+8", "GMT+8", "+08:00", "Beijing", "shanghai")) {
                assertTrue(text(say("/tz " + typed)).contains("it is 10:00 there now"), typed);
            }
            assertTrue(text(say("/tz Europe/Berlin")).contains("it is 03:00 there now"));
        }

        @Test
        void anUnknownZoneGetsTheThreeClosest() {
            assertEquals("\nI don't know the time zone Shanghia. Did you mean /tz Asia/Shanghai, /tz Africa/Bangui"
                    + " or /tz America/Bahia? A city or a UTC offset works too, for example /tz Beijing or /tz UTC+8.", text(say("/tz Shanghia")));
        }

        @Test
        void languageSwitchesTheInterface() {
            assertTrue(text(say("/lang fr")).contains("zh or en"));
            assertTrue(text(say("/lang zh")).contains("中文"));
            assertTrue(text(say("/help")).contains("来一道题"));
        }

        @Test
        void pauseAndResume() {
            assertTrue(text(say("/pause")).contains("paused"));
            assertTrue(coach.users().find(ANN).orElseThrow().paused());
            assertTrue(text(say("/pause")).contains("already paused"));
            assertTrue(text(say("/resume")).contains("Resumed"));
            assertTrue(text(say("/resume")).contains("already on"));
        }
    }

    @Nested
    class OddInput {
        @Test
        void aFlooderGetsOneNoticeAskingToSendAgainThenSilenceButPressesStillGetTheirToast() {
            say("/question");
            for (int i = 0; i < 19; i++) {
                assertTrue(text(say("/help")).contains("Commands"));
            }
            String notice = "You are writing faster than I can answer well, so I did not read that message. "
                    + "Please send it again in 60 s; your open question stays open.";
            assertEquals("\n" + notice, text(say("my long answer")));
            assertEquals(List.of(), say("/help"));
            clock.advance(java.time.Duration.ofSeconds(15));
            assertTrue(text(press("q")).contains("still have an open question"), "a press is not a message");
            clock.advance(java.time.Duration.ofSeconds(45));
            assertTrue(text(say("my long answer")).contains("Key-point coverage"), "the question stayed open for the answer");
        }

        @Test
        void practisingAtAQuickPaceNeverMeetsTheLimit() {
            // 40 actions in 2 minutes: each question answered within 5 s, rated and the next one asked at once.
            List<String> replies = new java.util.ArrayList<>();
            replies.add(text(say("/start")));
            clock.advance(java.time.Duration.ofSeconds(3));
            replies.add(text(say("/question")));
            for (int round = 0; round < 12; round++) {
                clock.advance(java.time.Duration.ofSeconds(5));
                List<Reply> feedback = say("GIL 多进程 " + round);
                replies.add(text(feedback));
                String rate = buttons(feedback).get(round % 3);
                clock.advance(java.time.Duration.ofSeconds(1));
                replies.add(text(press(rate)));
                clock.advance(java.time.Duration.ofSeconds(1));
                replies.add(text(press("q")));
            }
            clock.advance(java.time.Duration.ofSeconds(20));
            replies.add(text(say("/stats")));
            clock.advance(java.time.Duration.ofSeconds(10));
            replies.add(text(say("/topics")));
            assertEquals(40, replies.size());
            replies.forEach(r -> assertFalse(r.contains("faster than I can answer") || r.isBlank(), r));
            assertEquals(12, replies.stream().filter(r -> r.contains("Key-point coverage")).count());
        }

        @Test
        void unknownCommand() {
            assertTrue(text(say("/frobnicate now")).contains("no command /frobnicate"));
        }

        @Test
        void textWithNoOpenQuestionOffersOne() {
            List<Reply> replies = say("hello");
            assertTrue(text(replies).contains("no open question"));
            assertEquals(List.of("q"), buttons(replies));
        }

        @Test
        void tooLongAnswerKeepsTheQuestionOpen() {
            say("/question");
            assertTrue(text(say("长".repeat(10_000))).contains("too long (10000 characters)"));
            assertTrue(text(say("/skip")).contains("Skipped"));
        }

        @Test
        void theTailOfAnAnswerTelegramSplitIsNeverGradedAlone() {
            say("/question");
            String head = text(say("GIL ".repeat(1024)));
            assertTrue(head.contains("too long (4095 characters)"), head);
            clock.advance(java.time.Duration.ofSeconds(1));
            assertEquals(List.of(), say("多进程 multiprocessing 的结尾部分"), "the second part joins the first");
            clock.advance(java.time.Duration.ofSeconds(2));
            assertEquals(List.of(), say("和第三部分"), "a third part joins too");
            clock.advance(java.time.Duration.ofSeconds(30));
            assertTrue(text(say("GIL 多进程")).contains("Key-point coverage"), "the question stayed open for the shortened answer");
        }

        @Test
        void aShortMessageAfterAShortOneIsReadAsUsual() {
            say("/question");
            clock.advance(java.time.Duration.ofSeconds(1));
            assertTrue(text(say("GIL")).contains("Key-point coverage"));
            clock.advance(java.time.Duration.ofSeconds(1));
            assertTrue(text(say("hello")).contains("no open question"));
        }

        @Test
        void stickerGetsAHint() {
            List<Reply> replies = coach.engine().handle(new Incoming(Incoming.Kind.MEDIA, ANN,
                    Incoming.ChatType.PRIVATE, ANN, "Ann", "en", "", 3, null, null));
            assertTrue(text(replies).contains("only read text"));
        }

        @Test
        void forgedAndForeignButtonsChangeNothing() {
            say("/question");
            List<Reply> feedback = say("an answer");
            String rate = buttons(feedback).get(0);
            List<Reply> foreign = coach.engine().handle(new Incoming(Incoming.Kind.CALLBACK, 8, Incoming.ChatType.PRIVATE,
                    8, "Bob", "en", "", 5, "cb2", rate));
            assertTrue(text(foreign).contains("expired"));
            assertTrue(text(press("r:abc:0")).contains("expired"));
            assertTrue(text(press("r:1")).contains("expired"));
            assertTrue(text(press("x".repeat(300))).contains("expired"));
            assertTrue(text(press("t:../../etc")).contains("no longer exists"));
            assertTrue(text(press(rate)).contains("Saved"), "the real owner can still rate");
        }

        @Test
        void everyPressGetsExactlyOneToast() {
            for (String data : List.of("q", "t:python", "r:1:1", "zzz")) {
                assertEquals(1, press(data).stream().filter(r -> r instanceof Reply.Toast).count(), data);
            }
        }

        @Test
        void sqlInjectionTextIsStoredAndShownVerbatim() {
            say("/question");
            String evil = "'); DROP TABLE users; -- <script>";
            say(evil);
            assertTrue(coach.users().find(ANN).isPresent());
            assertTrue(text(say("/report " + evil)).contains("Thank you"));
        }
    }

    @Nested
    class Reports {
        @Test
        void reportGoesToAdminsWithTheQuestionId() {
            say("/question");
            assertTrue(text(say("/report")).matches("(?s).*\\(question (python|redis)-.*"));
            List<Reply> replies = say("The answer has a typo");
            Reply.Send admin = (Reply.Send) replies.stream().filter(r -> r.chatId() == TestCoach.ADMIN).findFirst()
                    .orElseThrow();
            assertTrue(admin.html().matches("(?s).*(python|redis)-.*") && admin.html().contains("The answer has a typo"));
            assertTrue(text(replies).contains("went to the admins"));
        }

        @Test
        void anotherCommandCancelsTheReport() {
            say("/report");
            say("/help");
            assertTrue(text(say("just text")).contains("no open question"));
        }
    }

    @Test
    void groupsAreToldWhereTheCoachLives() {
        List<Reply> replies = coach.engine().handle(new Incoming(Incoming.Kind.TEXT, -100, Incoming.ChatType.SUPERGROUP,
                ANN, "Ann", "en", "/help", 1, null, null));
        assertTrue(text(replies).contains("message me privately"));
        assertEquals(List.of(), coach.engine().handle(new Incoming(Incoming.Kind.TEXT, -100,
                Incoming.ChatType.SUPERGROUP, ANN, "Ann", "en", "chatter", 2, null, null)));
    }
}
