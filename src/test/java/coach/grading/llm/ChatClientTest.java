package coach.grading.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.MutableClock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatClientTest {

    private final ChatClient client = new ChatClient(new LlmSettings(URI.create("http://127.0.0.1:9/v1"), "m",
            Duration.ofSeconds(1), 1, 1), ApiKey.none(), MutableClock.at("2026-03-01T08:00:00Z"));

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), client.retryAfter("7"));
        assertEquals(Duration.ofSeconds(30), client.retryAfter("Sun, 01 Mar 2026 08:00:30 GMT"));
        assertEquals(Duration.ZERO, client.retryAfter("Sun, 01 Mar 2026 07:00:00 GMT"));
        assertEquals(Duration.ZERO, client.retryAfter("soon"));
    }

    @Test
    void theEndpointIsTheUrlWithChatCompletions() {
        assertEquals(URI.create("http://h:1/v1/chat/completions"),
                new LlmSettings(URI.create("http://h:1/v1/"), "m", Duration.ofSeconds(1), 1, 1).completions());
        assertEquals(URI.create("https://api.example/v1/chat/completions"),
                new LlmSettings(URI.create("https://api.example/v1"), "m", Duration.ofSeconds(1), 1, 1).completions());
    }
}
