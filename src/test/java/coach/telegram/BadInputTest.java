package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import coach.Coach;
import coach.MutableClock;
import coach.TestCoach;
import coach.bench.FakeBotApi;
import coach.chat.Reply;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Ten thousand generated updates, odd in every way Telegram allows and some it does not, through the real mapper,
 * handler, engine and outbox: nothing fails, every reply is a message Telegram would accept, and the database
 * stays consistent.
 */
class BadInputTest {

    private static final int UPDATES = 10_000;
    private static final long SEED = Long.getLong("coach.badinput.seed", 20261123L);
    private static final long GROUP = -100_555;
    private static final long ADMIN = 77;
    private static final String[] COMMANDS = {"start", "help", "topics", "question", "skip", "time", "tz", "pause",
            "resume", "stats", "lang", "report", "battle", "stop", "top", "frobnicate", ""};
    private static final String[] NASTY = {"'); DROP TABLE users;--", "\" OR 1=1 --", "<b>bold</b>", "<script>x</script>",
            "&amp;&lt;&", "a < b > c", "\u0000\u0001\u001f", "\u202e\u202dreversed", "مرحبا بالعالم", "שלום עולם",
            "👩‍👩‍👧‍👦🏳️‍🌈", "e\u0301\u0301\u0301", "\uFEFF", "\n\n\n", "   ", "/", "@", "/start@", "ﷺ", "𝕳𝖊𝖑𝖑𝖔"};

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = MutableClock.at("2026-11-23T02:00:00Z");
    private final Random random = new Random(SEED);
    private final ListAppender<ILoggingEvent> errors = new ListAppender<>();
    private FakeBotApi api;
    private Coach coach;
    private Sender sender;
    private final Parallel prework = Parallel.of(2);
    private UpdateHandler handler;
    private int nextId = 1;

    @BeforeEach
    void assemble() throws Exception {
        api = new FakeBotApi();
        api.makeAdmin(GROUP, ADMIN);
        coach = TestCoach.assemble(dir, TestCoach.config(api.url()), clock);
        Outbox outbox = new Outbox(coach.database());
        ApiCalls calls = new ApiCalls(new OkHttpTelegramClient(FakeBotApi.TOKEN,
                TelegramBot.telegramUrl(java.net.URI.create(api.url()))));
        sender = new Sender(outbox, calls, coach.engine(), clock, 25, 1);
        handler = new UpdateHandler(coach.database(), new UpdateLog(coach.database()),
                new UpdateMapper(FakeBotApi.BOT_USERNAME), coach.engine(), outbox, sender, new ChatRoles(calls, clock),
                prework, clock);
        errors.start();
        root().addAppender(errors);
    }

    @AfterEach
    void close() {
        root().detachAppender(errors);
        prework.close();
        sender.close(0);
        coach.close();
        api.close();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void tenThousandOddUpdatesAreHandledAndEveryReplyIsValid() throws Exception {
        List<Update> batch = new ArrayList<>();
        int unreadable = 0;
        for (int i = 0; i < UPDATES; i++) {
            ObjectNode update = update();
            try {
                batch.add(json.treeToValue(update, Update.class));
            } catch (Exception e) {
                unreadable++;
            }
            if (batch.size() == 100) {
                handler.consume(batch);
                batch.clear();
            }
            clock.advance(Duration.ofMillis(random.nextInt(300)));
        }
        handler.consume(batch);

        assertEquals(List.of(), errors.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getFormattedMessage()).limit(5).toList(), "seed " + SEED);
        assertEquals(0, unreadable, "every generated update is one the library can read");
        assertEquals(UPDATES, coach.database().number("SELECT COUNT(*) FROM handled_updates"));
        List<Reply> replies = queued();
        assertEquals(List.of(), problems(replies), "seed " + SEED);
        assertTrue(replies.size() > UPDATES / 2, "the coach answered: " + replies.size());
        assertTrue(replies.stream().noneMatch(r -> r instanceof Reply.Send s && s.html().contains("something went wrong")));
        assertConsistent();
    }

    /** Hands the updates to the handler as one poll's batch. */
    private void consume(ObjectNode... updates) {
        List<Update> batch = new ArrayList<>();
        for (ObjectNode update : updates) {
            update.put("update_id", nextId++);
            batch.add(json.convertValue(update, Update.class));
        }
        handler.consume(batch);
    }

    @Test
    void anAnswerInThePollThatAsksItsQuestionIsGradedAgainstThatQuestion() {
        consume(api.text(5, "/start"));
        consume(api.text(5, "/question"), api.text(5, "GIL 全局解释器锁"), api.text(5, "/skip"));
        List<String> texts = queued().stream().filter(r -> r instanceof Reply.Send)
                .map(r -> ((Reply.Send) r).html()).toList();
        assertTrue(texts.get(texts.size() - 2).contains("/100"), "graded once its question was asked: " + texts);
        assertTrue(texts.get(texts.size() - 1).contains("no open question"), "the skip came after: " + texts);
        assertEquals(4, coach.database().number("SELECT COUNT(*) FROM handled_updates"));
        assertEquals(nextId, new UpdateLog(coach.database()).nextOffset(), "the offset passes the whole poll");
    }

    @Test
    void longNamesAndArgumentsAreNeverCutInsideAnEmoji() {
        String emoji = "a" + "😀".repeat(120);
        ObjectNode start = api.text(5, "/start");
        ((ObjectNode) start.get("message").get("from")).put("first_name", emoji);
        consume(start, api.text(5, "/tz " + emoji), api.text(5, "/time " + emoji), api.text(5, "/" + emoji),
                api.groupText(GROUP, ADMIN, "/battle " + emoji));
        List<Reply> replies = queued();
        assertEquals(6, replies.size(), replies.toString());
        assertEquals(List.of(), problems(replies));
    }

    private List<Reply> queued() {
        return coach.database().list("SELECT payload FROM outbox ORDER BY id", rs -> Outbox.read(rs.getString(1)));
    }

    private List<String> problems(List<Reply> replies) {
        return replies.stream().flatMap(reply -> problems(reply).stream()).limit(10).toList();
    }

    private List<String> problems(Reply reply) {
        List<String> problems = new ArrayList<>();
        String where = reply.getClass().getSimpleName() + " to " + reply.chatId() + ": ";
        if (reply instanceof Reply.Send s) {
            TelegramHtml.problems(s.html(), TextSplitter.LIMIT).forEach(p -> problems.add(where + p));
            s.buttons().forEach(row -> row.forEach(b -> problems.addAll(button(where, b))));
        } else if (reply instanceof Reply.Edit e) {
            TelegramHtml.problems(e.html(), TextSplitter.LIMIT).forEach(p -> problems.add(where + p));
            e.buttons().forEach(row -> row.forEach(b -> problems.addAll(button(where, b))));
        } else if (reply instanceof Reply.Toast t && (t.text().length() > 200 || t.callbackId() == null)) {
            problems.add(where + "bad toast " + t);
        }
        return problems;
    }

    private static List<String> button(String where, Reply.Button b) {
        int bytes = b.data().getBytes(StandardCharsets.UTF_8).length;
        return bytes < 1 || bytes > 64 || b.label().isBlank() ? List.of(where + "bad button " + b) : List.of();
    }

    private void assertConsistent() {
        var db = coach.database();
        assertEquals("ok", db.one("PRAGMA integrity_check", rs -> rs.getString(1)).orElseThrow());
        assertEquals(0, db.list("PRAGMA foreign_key_check", rs -> rs.getString(1)).size(), "foreign keys hold");
        assertEquals(0, db.number("""
                SELECT COUNT(*) FROM asked a WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.user_id = a.user_id)"""));
        assertEquals(0, db.number("""
                SELECT COUNT(*) FROM (SELECT user_id FROM asked WHERE status = 'open' GROUP BY user_id HAVING COUNT(*) > 1)"""),
                "at most one open question per user");
        assertEquals(0, db.number("SELECT COUNT(*) FROM users WHERE language NOT IN ('zh', 'en')"));
        assertEquals(0, db.number("SELECT COUNT(*) FROM users WHERE user_id <= 0 OR chat_id <= 0"), "no group is a user");
        assertEquals(0, db.number("""
                SELECT COUNT(*) FROM subscriptions WHERE topic NOT IN ('python', 'redis')"""));
        assertEquals(0, db.number("""
                SELECT COUNT(*) FROM (SELECT chat_id FROM battles WHERE status <> 'finished' GROUP BY chat_id HAVING COUNT(*) > 1)"""));
        assertEquals(UPDATES + 1, db.number("SELECT next_offset FROM poll_state"));
        db.list("SELECT zone, daily_time FROM users", rs -> java.time.ZoneId.of(rs.getString(1))
                + java.time.LocalTime.parse(rs.getString(2)).toString());
    }

    // ---- generated updates -------------------------------------------------------------------------------

    private ObjectNode update() {
        long user = 1 + random.nextInt(400);
        ObjectNode update = switch (random.nextInt(12)) {
            case 0, 1, 2, 3 -> api.text(user, text());
            case 4 -> api.press(user, random.nextInt(5000), callbackData());
            case 5 -> edited(api.text(user, text()));
            case 6 -> api.groupText(random.nextBoolean() ? GROUP : -1 - random.nextInt(10),
                    random.nextInt(4) == 0 ? ADMIN : 1 + user % 8, groupText());
            case 7 -> api.channelPost(-100_000 - random.nextInt(50), groupText());
            case 8 -> api.pressIn(GROUP, user, random.nextInt(5000), callbackData());
            case 9 -> leftGroup(user);
            case 10 -> unknownKind();
            default -> api.sticker(user);
        };
        if (random.nextInt(8) == 0) {
            stripOptionalFields(update);
        }
        odd(update);
        update.put("update_id", nextId++);
        return update;
    }

    private String text() {
        return switch (random.nextInt(6)) {
            case 0 -> "/" + COMMANDS[random.nextInt(COMMANDS.length)] + (random.nextBoolean() ? "" : " " + noise(100));
            case 1 -> "/" + COMMANDS[random.nextInt(COMMANDS.length)] + "@" + (random.nextBoolean()
                    ? "other_bot" : FakeBotApi.BOT_USERNAME) + " " + noise(20);
            case 2 -> noise(random.nextInt(50) == 0 ? 10_000 : 300);
            case 3 -> NASTY[random.nextInt(NASTY.length)];
            default -> noise(60);
        };
    }

    private String groupText() {
        return switch (random.nextInt(4)) {
            case 0 -> "/battle" + (random.nextBoolean() ? "" : " " + List.of("redis", "python", "daily 20:30", "off",
                    "99", "0", noise(10)).get(random.nextInt(7)));
            case 1 -> "/" + List.of("stop", "top", "help", "start", "question").get(random.nextInt(5));
            default -> text();
        };
    }

    private String callbackData() {
        return switch (random.nextInt(6)) {
            case 0 -> "q";
            case 1 -> "t:" + noise(10);
            case 2 -> "r:" + random.nextInt() + ":" + random.nextInt(5);
            case 3 -> "b:" + random.nextInt(100) + ":" + random.nextInt(30) + ":" + random.nextInt(6);
            case 4 -> noise(random.nextInt(200));
            default -> "";
        };
    }

    /** Random text drawn from Latin, CJK, Arabic, Hebrew, emoji, combining marks, controls and markup. */
    private String noise(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int cp = switch (random.nextInt(9)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> 0x4e00 + random.nextInt(0x5000);
                case 2 -> 0x0600 + random.nextInt(0x100);
                case 3 -> 0x05d0 + random.nextInt(27);
                case 4 -> 0x1f300 + random.nextInt(0x300);
                case 5 -> 0x0300 + random.nextInt(0x70);
                case 6 -> random.nextInt(0x20);
                case 7 -> "<>&\"'/@\\;".charAt(random.nextInt(9));
                default -> 0x200b + random.nextInt(0x40);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private ObjectNode edited(ObjectNode update) {
        update.set("edited_message", update.remove("message"));
        ((ObjectNode) update.get("edited_message")).put("edit_date", 1);
        return update;
    }

    private ObjectNode leftGroup(long user) {
        ObjectNode update = json.createObjectNode();
        ObjectNode member = update.putObject("my_chat_member");
        member.putObject("chat").put("id", -1 - random.nextInt(1000)).put("type", "supergroup").put("title", noise(20));
        member.putObject("from").put("id", user).put("is_bot", false).put("first_name", noise(10));
        member.put("date", 1);
        member.putObject("old_chat_member").put("status", "member")
                .putObject("user").put("id", 42).put("is_bot", true).put("first_name", "Coach");
        member.putObject("new_chat_member").put("status", random.nextBoolean() ? "left" : "kicked").put("until_date", 0)
                .putObject("user").put("id", 42).put("is_bot", true).put("first_name", "Coach");
        return update;
    }

    private ObjectNode unknownKind() {
        ObjectNode update = json.createObjectNode();
        update.putObject(List.of("message_reaction", "chat_boost", "business_message", "some_future_kind",
                "something_new").get(random.nextInt(5))).put("x", noise(10));
        return update;
    }

    /** Drops fields Telegram may leave out: the sender's name details, the pressed message, a press's data. */
    private void stripOptionalFields(ObjectNode update) {
        update.findParents("language_code").forEach(n -> ((ObjectNode) n).remove("language_code"));
        update.findParents("entities").forEach(n -> ((ObjectNode) n).remove("entities"));
        if (update.has("callback_query")) {
            ObjectNode query = (ObjectNode) update.get("callback_query");
            query.remove(random.nextBoolean() ? "message" : "data");
            if (!query.has("message")) {
                query.put("inline_message_id", "im" + random.nextInt(100));
            }
        }
        if (update.has("message") && random.nextBoolean()) {
            ((ObjectNode) update.get("message")).remove("text");
        }
    }

    /** Odd names and languages on every sender. */
    private void odd(ObjectNode update) {
        update.findParents("first_name").forEach(n -> {
            if (random.nextInt(3) == 0) {
                ((ObjectNode) n).put("first_name", random.nextBoolean() ? NASTY[random.nextInt(NASTY.length)] : noise(200));
            }
        });
        update.findParents("language_code").forEach(n -> ((ObjectNode) n).put("language_code",
                List.of("en", "zh", "zh-hans", "ar", "he", "", "xx-YY").get(random.nextInt(7))));
    }
}
