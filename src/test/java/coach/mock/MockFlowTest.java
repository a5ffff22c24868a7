package coach.mock;

import static coach.chat.Conversation.buttons;
import static coach.chat.Conversation.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Coach;
import coach.MutableClock;
import coach.TestCoach;
import coach.chat.Conversation;
import coach.chat.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mock interviews through the engine, with a fixed clock and the small test banks. */
class MockFlowTest {

    private static final long ANN = 7;

    /** An answer to each test question and the score it earns. */
    private record Known(String question, String answer, int score) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("什么是 GIL？它对多线程有什么影响？", "GIL 让同一时刻只有一个线程在执行字节码", 42),
            new Known("__new__ 和 __init__ 有什么区别？", "__new__ 负责创建并返回实例，__init__ 再对它做初始化", 100),
            new Known("Redis 如何实现持久化？RDB 和 AOF 有什么区别？", "RDB 是把内存定期存成快照", 42),
            new Known("Redis 内存满了会怎样？说说淘汰策略。", "到了 maxmemory 就会按 LRU 把旧的键淘汰掉", 72));

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private Coach coach;
    private final Conversation ann = new Conversation(() -> coach.engine(), ANN, "Ann");

    @BeforeEach
    void assemble() {
        coach = TestCoach.assemble(dir, TestCoach.config("https://api.telegram.org"), clock);
        ann.say("/start");
    }

    @AfterEach
    void close() {
        coach.close();
    }

    /** The test question shown in the replies. */
    private static Known shown(List<Reply> replies) {
        String html = text(replies);
        return KNOWN.stream().filter(k -> html.contains(k.question())).findFirst()
                .orElseThrow(() -> new AssertionError("no known question in " + html));
    }

    private long count(String sql) {
        return coach.database().number(sql, ANN);
    }

    @Test
    void fullMockOfThreeQuestionsEndsWithAReportCard() {
        List<Reply> replies = ann.say("/mock 3");
        assertTrue(text(replies).contains("<b>Mock interview</b>: 3 questions"), text(replies));
        List<Known> asked = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            assertTrue(text(replies).contains("<b>Question " + i + "/3</b>"), text(replies));
            assertTrue(buttons(replies).get(0).startsWith("m:stop:"), buttons(replies).toString());
            asked.add(shown(replies));
            replies = ann.say(asked.get(i - 1).answer());
        }
        assertEquals(3, new HashSet<>(asked).size(), "three different questions");
        String card = text(replies);
        assertTrue(card.contains("Answer 3/3 recorded"), card);
        int average = Math.round(asked.stream().mapToInt(Known::score).sum() / 3f);
        assertTrue(card.contains("<b>Report card</b>: 3 questions, average " + average + "/100"), card);
        for (int i = 0; i < 3; i++) {
            String line = (i + 1) + ". " + asked.get(i).question() + " — " + asked.get(i).score() + "/100";
            assertTrue(card.contains(line), line + " in " + card);
        }
        assertMissedPointsNamed(asked, card);
        assertReviewListsTheWeakOnes(asked, card);
        assertEquals(3, buttons(replies).size(), "one reference-answer button per question: " + buttons(replies));
        assertTrue(card.contains("open each question's reference answer"), card);
        assertTrue(text(ann.say("hello")).contains("no open question"), "the mock is over");
    }

    @Test
    void theReportCardListsEachQuestionsMissedPointsUnderItAndOpensItsReferenceAnswer() {
        List<Reply> replies = ann.say("/mock python 2");
        for (int i = 0; i < 2; i++) {
            replies = ann.say(shown(replies).answer());
        }
        String card = text(replies);
        String gilLine = card.substring(card.indexOf("GIL"));
        assertTrue(gilLine.contains("/100\n    ✗ CPU 密集用多进程"), "the missed point right under its question: " + card);
        String gil = buttons(replies).stream().filter(b -> b.equals("m:a:python-gil")).findFirst().orElseThrow();
        String answer = text(ann.press(gil));
        assertTrue(answer.contains("GIL") && answer.contains("Reference answer"), answer);
        assertTrue(text(ann.press("m:a:redis-eviction")).contains("ended"), "only questions of the user's mocks");
    }

    private static void assertMissedPointsNamed(List<Known> asked, String card) {
        if (asked.stream().anyMatch(k -> k.question().contains("GIL"))) {
            assertTrue(card.contains("✗ CPU 密集用多进程"), card);
        }
        if (asked.stream().anyMatch(k -> k.question().contains("内存满了"))) {
            assertTrue(card.contains("✗ noeviction 默认报错"), card);
        }
        assertFalse(card.contains("✗ 全局解释器锁"), "a point made is not missed: " + card);
    }

    private static void assertReviewListsTheWeakOnes(List<Known> asked, String card) {
        String review = card.substring(card.indexOf("What to review"));
        for (Known k : asked) {
            assertEquals(k.score() < 60, review.contains(k.question() + " (" + k.score() + "/100)"), k + " " + review);
        }
    }

    @Test
    void mockAnswersCountAsPracticeAndScheduleReviewsFromTheScore() {
        List<Reply> replies = ann.say("/mock python 2");
        for (int i = 0; i < 2; i++) {
            replies = ann.say(shown(replies).answer());
        }
        assertTrue(text(ann.say("/stats")).contains("Current streak: 1 day"));
        assertTrue(text(ann.say("/stats")).contains("Answers: 2"));
        assertEquals(2, count("SELECT COUNT(*) FROM reviews WHERE user_id = ?"));
        assertEquals(2, count("SELECT COUNT(*) FROM asked WHERE user_id = ? AND rating IS NOT NULL"));
        assertEquals(1, count("SELECT COUNT(*) FROM reviews WHERE user_id = ? AND question_id = 'python-new-init' "
                + "AND due_day = '2026-11-26'"), "100/100 rates 'knew it': back in 3 days");
        assertEquals(1, count("SELECT COUNT(*) FROM reviews WHERE user_id = ? AND question_id = 'python-gil' "
                + "AND due_day = '2026-11-24'"), "33/100 rates 'didn't know': back tomorrow");
        assertTrue(text(replies).contains("80 and up: knew it"), "the card explains the rating");
    }

    @Test
    void keyPointsMissedAgainAreCountedAcrossMocks() {
        for (int round = 0; round < 2; round++) {
            List<Reply> replies = ann.say("/mock python 2");
            for (int i = 0; i < 2; i++) {
                replies = ann.say(shown(replies).answer());
            }
            String card = text(replies);
            assertEquals(round == 1, card.contains("• CPU 密集用多进程 (missed twice in your mock interviews)"), card);
        }
    }

    @Nested
    class SkipAndStop {
        @Test
        void skipScoresZeroAndStopEndsEarlyWithTheCardSoFar() {
            List<Reply> first = ann.say("/mock 3");
            Known one = shown(first);
            List<Reply> second = ann.say(one.answer());
            Known two = shown(second);
            List<Reply> third = ann.say("/skip");
            assertTrue(text(third).contains("Skipped (0 points)") && text(third).contains("Question 3/3"), text(third));
            String card = text(ann.say("/mock stop"));
            assertTrue(card.contains("stopped after 2 of 3 questions"), card);
            assertTrue(card.contains("1. " + one.question() + " — " + one.score() + "/100"), card);
            assertTrue(card.contains("2. " + two.question() + " — skipped, 0/100"), card);
            assertFalse(card.contains("3. "), "the unanswered question is left out: " + card);
            assertTrue(card.contains(two.question() + " (0/100)"), "a skipped question is to review: " + card);
            assertEquals(1, count("SELECT COUNT(*) FROM asked WHERE user_id = ? AND status = 'skipped'"));
            assertTrue(text(ann.say("/mock stop")).contains("no mock interview running"));
        }

        @Test
        void theStopButtonEndsTheMockOnceAndOnlyItsOwnMock() {
            List<Reply> first = ann.say("/mock 2");
            String stop = buttons(first).get(0);
            List<Reply> stopped = ann.press(stop);
            assertTrue(text(stopped).contains("stopped before any answer"), text(stopped));
            assertTrue(stopped.stream().anyMatch(r -> r instanceof Reply.Markup m && m.buttons().isEmpty()));
            assertTrue(text(ann.press(stop)).contains("(This mock interview has already ended.)"));
            ann.say("/mock 2");
            assertTrue(text(ann.press(stop)).contains("already ended"), "an old button does not stop a new mock");
            assertTrue(text(ann.say("/question")).contains("mock interview is running"));
        }
    }

    @Test
    void restartMidMockResumesFromTheDatabase() {
        List<Reply> replies = ann.say("/mock 3");
        Known one = shown(replies);
        replies = ann.say(one.answer());
        Known two = shown(replies);
        coach.close();
        coach = TestCoach.assemble(dir, TestCoach.config("https://api.telegram.org"), clock);
        assertTrue(text(ann.say("/question")).contains(two.question()), "the mock's question, not a new one");
        replies = ann.say(two.answer());
        assertTrue(text(replies).contains("Answer 2/3 recorded") && text(replies).contains("Question 3/3"),
                text(replies));
        String card = text(ann.say(shown(replies).answer()));
        assertTrue(card.contains("1. " + one.question() + " — " + one.score() + "/100"), card);
        assertTrue(card.contains("2. " + two.question() + " — " + two.score() + "/100"), card);
        assertTrue(card.contains("Report card</b>: 3 questions"), card);
    }

    @Nested
    class AlongsideNormalPractice {
        @Test
        void anOpenQuestionWaitsForTheEndOfTheMock() {
            List<Reply> normal = ann.say("/question");
            Known waiting = shown(normal);
            List<Reply> replies = ann.say("/mock 2");
            assertTrue(text(replies).contains("open question stays open"), text(replies));
            assertFalse(text(replies).contains(waiting.question()), "the mock asks other questions first");
            String busy = text(ann.say("/question"));
            assertTrue(busy.contains("mock interview is running") && busy.contains("/mock stop"), busy);
            for (int i = 0; i < 2; i++) {
                replies = ann.say(shown(replies).answer());
            }
            assertTrue(text(replies).contains("earlier question is still open"), text(replies));
            assertTrue(text(ann.say("/question")).contains(waiting.question()));
            String feedback = text(ann.say(waiting.answer()));
            assertTrue(feedback.contains("Key-point coverage: " + waiting.score() + "/100"), feedback);
        }

        @Test
        void theDailyQuestionWaitsWhileAMockRuns() {
            ann.say("/mock 2");
            assertTrue(coach.engine().dailyQuestion(ANN, false).isEmpty());
            ann.say("/mock stop");
            assertTrue(coach.engine().dailyQuestion(ANN, false).isPresent());
        }

        @Test
        void aReportDuringAMockNamesTheMockQuestion() {
            ann.say("/question");
            ann.say("/mock 2");
            String current = coach.database().one("""
                    SELECT question_id FROM mock_items WHERE status = 'open'""", rs -> rs.getString(1)).orElseThrow();
            assertTrue(text(ann.say("/report")).contains("(question " + current + " will be attached)"));
        }
    }

    @Nested
    class Arguments {
        @Test
        void badCountsAndTopicsAreExplainedWithTheTopicIds() {
            assertTrue(text(ann.say("/mock 0")).contains("1 to 10 questions, so 0 won't do"));
            assertTrue(text(ann.say("/mock 11")).contains("so 11 won't do"));
            assertTrue(text(ann.say("/mock 99999999999")).contains("won't do"));
            assertTrue(text(ann.say("/mock golang")).contains("There is no topic golang. Topics: python, redis"));
            assertTrue(text(ann.say("/mock <b>")).contains("no topic &lt;b&gt;"));
            assertTrue(text(ann.say("/mock redis python")).contains("There is no topic redis python."));
            assertTrue(text(ann.say("/mock 3 4")).contains("Use /mock [topic] [n]"));
            assertTrue(text(ann.say("/mock stop")).contains("no mock interview running"));
            assertEquals(0, count("SELECT COUNT(*) FROM mocks WHERE user_id = ?"));
        }

        @Test
        void topicAndCountInEitherOrderAndFewerWhenTheTopicIsSmall() {
            String intro = text(ann.say("/mock 5 REDIS"));
            assertTrue(intro.contains("2 questions") && intro.contains("Only 2 questions were available"), intro);
            assertTrue(intro.contains("Redis"), intro);
            String again = text(ann.say("/mock"));
            assertTrue(again.contains("already running") && again.contains("Question 1/2"), again);
        }

        @Test
        void defaultIsFiveQuestionsFromTheSubscribedTopics() {
            ann.press("t:python");
            String intro = text(ann.say("/mock"));
            assertTrue(intro.contains("Only 2 questions"), intro);
            Matcher m = Pattern.compile("Question 1/(\\d)").matcher(intro);
            assertTrue(m.find() && m.group(1).equals("2"), intro);
            assertTrue(intro.contains("Redis"), "only the subscribed topic: " + intro);
        }

        @Test
        void anEmptyAnswerKeepsTheQuestion() {
            ann.say("/mock 2");
            assertTrue(text(ann.say("   ")).contains("That answer is empty"));
            assertTrue(text(ann.say("长".repeat(5000))).contains("too long (5000 characters)"));
            assertEquals(0, count("SELECT COUNT(*) FROM asked WHERE user_id = ?"));
        }
    }
}
