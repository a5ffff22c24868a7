package coach.admin;

import static coach.chat.Conversation.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Coach;
import coach.Config;
import coach.MutableClock;
import coach.TestCoach;
import coach.chat.Conversation;
import coach.chat.Incoming;
import coach.chat.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /admin through the engine: a copy of the test banks to reload, a fixed clock, and the admin from the config. */
class AdminFlowTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private Path banks;
    private Coach coach;
    private final Conversation admin = new Conversation(() -> coach.engine(), TestCoach.ADMIN, "Root");
    private final Conversation ann = new Conversation(() -> coach.engine(), 7, "Ann");
    private final Conversation bob = new Conversation(() -> coach.engine(), 8, "Bob");
    private final Conversation carl = new Conversation(() -> coach.engine(), 10, "Carl");

    @BeforeEach
    void assemble() throws IOException {
        banks = Files.createDirectories(dir.resolve("banks"));
        for (String file : List.of("python.json", "redis.json")) {
            Files.copy(TestCoach.testBanks().resolve(file), banks.resolve(file));
        }
        Config base = TestCoach.config("https://api.telegram.org");
        Config config = new Config(base.apiUrl(), base.storagePath(), banks, base.dailyTime(), base.dailyZone(),
                base.messagesPerSecond(), base.battleRounds(), base.battleRoundSeconds(), base.admins());
        coach = TestCoach.assemble(dir, config, clock);
    }

    @AfterEach
    void close() {
        coach.close();
    }

    @Test
    void statsCountUsersTodayOnTheAdminsCalendarAndTopTopicsOfTheWeek() {
        ann.say("/start");
        ann.press("t:python");
        bob.say("/start");
        bob.press("t:redis");
        clock.set("2026-11-15T10:00:00Z");
        answer(bob);
        clock.set("2026-11-22T15:59:00Z");
        answer(bob);
        clock.set("2026-11-22T16:00:00Z");
        answer(ann);
        clock.set("2026-11-23T02:00:00Z");
        answer(ann);
        carl.say("/question");
        carl.say("/skip");
        String stats = text(admin.say("/admin stats"));
        assertTrue(stats.contains("<b>Usage</b> on 2026-11-23 (Asia/Shanghai)"), stats);
        assertTrue(stats.contains("Users: 4 (4 reachable)"), "Ann, Bob, Carl and the admin: " + stats);
        assertTrue(stats.contains("Active today: 2"), "Ann answered and Carl skipped after midnight there: " + stats);
        assertTrue(stats.contains("Answers today: 2"), "Bob's 23:59 answer was yesterday: " + stats);
        assertTrue(stats.contains("Top topics by answers, last 7 days</b>\n1. Redis: 2\n2. Python: 1"),
                "Bob's answer of Nov 15 is out of the week: " + stats);
    }

    private void answer(Conversation who) {
        who.say("/question");
        who.say("an answer");
    }

    @Nested
    class Reload {
        @Test
        void newBanksReplaceTheOldAndAnOpenQuestionThatLeftIsExplained() throws IOException {
            ann.say("/start");
            ann.press("t:python");
            String asked = text(ann.say("/question"));
            String removed = asked.contains("持久化") ? "redis-persistence" : "redis-eviction";
            rewrite("redis.json", removeQuestion(Files.readString(banks.resolve("redis.json")), removed));
            String reply = text(admin.say("/admin reload"));
            assertTrue(reply.contains("Banks reloaded: 3 questions in 2 topics (before: 4 in 2); 0 added, 1 removed."),
                    reply);
            assertTrue(reply.contains("1 user has an open question that was removed"), reply);
            assertEquals(3, coach.library().size());
            assertTrue(coach.library().question(removed).isEmpty());
            assertTrue(text(ann.say("my answer")).contains("withdrawn from the question banks"));
            assertTrue(text(ann.say("/question")).contains("<b>Redis</b>"), "a new question from the new banks");
        }

        @Test
        void aMockQuestionThatLeftIsDroppedFromTheRunningMock() throws IOException {
            ann.say("/start");
            String first = text(ann.say("/mock python 2"));
            String removed = first.contains("GIL") ? "python-gil" : "python-new-init";
            rewrite("python.json", removeQuestion(Files.readString(banks.resolve("python.json")), removed));
            admin.say("/admin reload");
            String next = text(ann.say("my answer"));
            assertTrue(next.contains("left out of this mock") && next.contains("<b>Question 1/1</b>"), next);
        }

        @Test
        void aMockWhoseOnlyQuestionLeftEndsWithoutACard() throws IOException {
            ann.say("/start");
            String first = text(ann.say("/mock python 1"));
            String removed = first.contains("GIL") ? "python-gil" : "python-new-init";
            rewrite("python.json", removeQuestion(Files.readString(banks.resolve("python.json")), removed));
            admin.say("/admin reload");
            String end = text(ann.say("/question"));
            assertTrue(end.contains("left out of this mock") && end.contains("ended with no answers to score"), end);
            assertFalse(end.contains("Report card"), end);
            assertTrue(text(ann.say("/question")).contains("difficulty"), "normal practice is back");
        }

        @Test
        void aBankSetThatFailsTheCheckerIsRejectedAndTheOldBanksStay() throws IOException {
            rewrite("python.json", Files.readString(banks.resolve("python.json"))
                    .replaceFirst("\"difficulty\": 2", "\"difficulty\": 9"));
            Files.writeString(banks.resolve("broken.json"), "{ not json <");
            String reply = text(admin.say("/admin reload"));
            assertTrue(reply.contains("rejected and the current banks (4 questions in 2 topics) stay in service"),
                    reply);
            assertTrue(reply.contains("python.json: python-gil: difficulty must be 1, 2 or 3"), reply);
            assertTrue(reply.contains("broken.json: -: is not valid JSON"), reply);
            assertEquals(4, coach.library().size());
            assertTrue(text(ann.say("/question")).contains("difficulty"), "practice goes on with the old banks");
        }

        private void rewrite(String file, String json) throws IOException {
            Files.writeString(banks.resolve(file), json);
        }

        /** The bank JSON without the question of that id. */
        private String removeQuestion(String json, String id) throws IOException {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode bank = (ObjectNode) mapper.readTree(json);
            ArrayNode questions = (ArrayNode) bank.get("questions");
            for (int i = 0; i < questions.size(); i++) {
                if (questions.get(i).get("id").asText().equals(id)) {
                    questions.remove(i);
                }
            }
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(bank);
        }
    }

    @Nested
    class Reports {
        @Test
        void openReportsNewestFirstEscapedAndClosedByNumber() {
            ann.say("/question");
            ann.say("/report the answer is wrong");
            clock.advance(Duration.ofMinutes(5));
            bob.say("/report <b>bold</b> & more");
            String list = text(admin.say("/admin reports"));
            assertTrue(list.contains("<b>Open reports</b>: 2"), list);
            assertTrue(list.indexOf("#2 · 2026-11-23 10:05 · user 8 · question —") < list.indexOf("#1 · 2026-11-23 10:00"),
                    list);
            assertTrue(list.matches("(?s).*#1 · 2026-11-23 10:00 · user 7 · question (python|redis)-.*"), list);
            assertTrue(list.contains("&lt;b&gt;bold&lt;/b&gt; &amp; more"), list);
            assertTrue(text(admin.say("/admin close 1")).contains("Report #1 closed."));
            assertFalse(text(admin.say("/admin reports")).contains("#1 ·"));
            assertTrue(text(admin.say("/admin close #1")).contains("no open report #1"));
            assertTrue(text(admin.say("/admin close one")).contains("Use /admin close N"));
            admin.say("/admin close 2");
            assertTrue(text(admin.say("/admin reports")).contains("No open reports."));
        }

        @Test
        void theListIsCappedWithACountOfTheRest() {
            for (int i = 1; i <= 12; i++) {
                ann.say("/report problem " + i);
            }
            String list = text(admin.say("/admin reports"));
            assertTrue(list.contains("#12 ·") && list.contains("#3 ·") && !list.contains("#2 ·"), list);
            assertTrue(list.contains("… and 2 older."), list);
        }
    }

    @Nested
    class Access {
        @Test
        void aNonAdminGetsExactlyTheUnknownCommandReply() throws IOException {
            String unknown = text(ann.say("/nosuch stats")).replace("/nosuch", "/admin");
            for (String command : List.of("/admin", "/admin stats", "/admin reload", "/admin reports", "/admin close 1")) {
                assertEquals(unknown, text(ann.say(command)), command);
            }
            Files.delete(banks.resolve("redis.json"));
            ann.say("/admin reload");
            assertEquals(4, coach.library().size(), "a non-admin's reload changes nothing");
        }

        @Test
        void anAdminInAGroupIsAnsweredAsForAnUnknownCommand() {
            assertEquals(group("/nosuch"), group("/admin stats"));
            assertEquals(List.of(), group("/admin stats"));
        }

        @Test
        void anAdminWithoutASubcommandGetsTheAdminHelp() {
            String help = text(admin.say("/admin"));
            assertTrue(help.contains("/admin reload") && help.contains("/admin close N"), help);
            assertFalse(text(admin.say("/help")).contains("/admin"), "admin commands stay out of the public help");
        }

        private List<Reply> group(String text) {
            return coach.engine().handle(new Incoming(Incoming.Kind.TEXT, -100, Incoming.ChatType.SUPERGROUP,
                    TestCoach.ADMIN, "Root", "en", text, 1, null, null));
        }
    }
}
