package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void tooManyRequestsSlowsDown() {
        assertEquals(Refusal.SLOW_DOWN, Refusal.of(429, "Too Many Requests: retry after 7"));
    }

    @Test
    void aBlockedUserOrAVanishedChatIsUnreachable() {
        assertEquals(Refusal.UNREACHABLE, Refusal.of(403, "Forbidden: bot was blocked by the user"));
        assertEquals(Refusal.UNREACHABLE, Refusal.of(400, "Bad Request: chat not found"));
        assertEquals(Refusal.UNREACHABLE, Refusal.of(400, "Bad Request: Chat Not Found"));
    }

    @Test
    void htmlTelegramCannotParseIsSentAsPlainText() {
        assertEquals(Refusal.NOT_HTML, Refusal.of(400, "Bad Request: can't parse entities: unexpected end tag"));
    }

    @Test
    void serverErrorsAndUnreadableAnswersAreRetried() {
        assertEquals(Refusal.TROUBLE, Refusal.of(502, "Bad Gateway"));
        assertEquals(Refusal.TROUBLE, Refusal.of(500, "Internal Server Error"));
        assertEquals(Refusal.TROUBLE, Refusal.of(0, null));
    }

    @Test
    void anEditToTheSameTextOrALateToastIsDroppedQuietly() {
        assertEquals(Refusal.HARMLESS, Refusal.of(400, "Bad Request: message is not modified"));
        assertEquals(Refusal.HARMLESS, Refusal.of(400, "Bad Request: query is too old and response timeout expired"));
    }

    @Test
    void anyOtherRefusalIsFinal() {
        assertEquals(Refusal.FINAL, Refusal.of(400, "Bad Request: message text is empty"));
        assertEquals(Refusal.FINAL, Refusal.of(404, "Not Found"));
    }
}
