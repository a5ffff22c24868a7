package coach.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Coach;
import coach.MutableClock;
import coach.TestCoach;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL and HTML in whatever a person types is stored as typed and shown escaped, never run or rendered. */
class InjectionTest {

    private static final String EVIL = "'); DROP TABLE users;-- <b>\" OR 1=1 &";
    private static final String SHOWN = "'); DROP TABLE users;-- &lt;b&gt;\" OR 1=1 &amp;";
    private static final long MALLORY = 66;

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
        return coach.engine().handle(new Incoming(Incoming.Kind.TEXT, MALLORY, Incoming.ChatType.PRIVATE, MALLORY, EVIL,
                "en", text, 1, null, null));
    }

    private static String html(List<Reply> replies) {
        return String.join("\n", replies.stream().filter(r -> r instanceof Reply.Send).map(r -> ((Reply.Send) r).html())
                .toList());
    }

    @Test
    void aFirstNameIsStoredVerbatimAndGreetedEscaped() {
        assertTrue(html(say("/start")).startsWith("Hi " + SHOWN + "!"));
        assertEquals(EVIL, coach.users().find(MALLORY).orElseThrow().firstName());
        assertEquals(1, coach.database().number("SELECT COUNT(*) FROM users"));
    }

    @Test
    void anAnswerIsStoredVerbatim() {
        say("/question");
        say(EVIL);
        assertEquals(List.of(EVIL), coach.database().list("SELECT answer FROM asked WHERE user_id = ?",
                rs -> rs.getString(1), MALLORY));
    }

    @Test
    void aReportIsStoredVerbatimAndShownToAdminsEscaped() {
        List<Reply> replies = say("/report " + EVIL);
        assertEquals(List.of(EVIL), coach.database().list("SELECT text FROM reports", rs -> rs.getString(1)));
        Reply.Send toAdmin = replies.stream().filter(r -> r.chatId() == TestCoach.ADMIN).map(r -> (Reply.Send) r)
                .findFirst().orElseThrow();
        assertTrue(toAdmin.html().endsWith("\n\n" + SHOWN), toAdmin.html());
        assertTrue(toAdmin.html().contains("来自：" + SHOWN + "（66）"), toAdmin.html());
    }

    @Test
    void argumentsAreEchoedEscaped() {
        assertTrue(html(say("/tz " + EVIL)).startsWith("I don't know the time zone " + SHOWN + ". Did you mean "));
        String battle = html(coach.engine().handle(new Incoming(Incoming.Kind.TEXT, -100_1, Incoming.ChatType.SUPERGROUP,
                MALLORY, EVIL, "en", "/battle " + "x" + EVIL.replace(" ", ""), 1, null, null, Incoming.Role.ADMIN)));
        assertEquals("There is no topic “x');droptableusers;--&lt;b&gt;\"or1=1&amp;” with quiz questions. "
                + "Topics: python, redis", battle, "topic names are lower case");
        assertEquals(1, coach.database().number("SELECT COUNT(*) FROM users"));
    }
}
