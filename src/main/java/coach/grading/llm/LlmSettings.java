package coach.grading.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code grading.llm} settings: an OpenAI-compatible endpoint ({@code url} ends before {@code /chat/completions}),
 * the model, how long one request may take, how many gradings a user gets per local day, and how many requests run at
 * once. The API key is not among them: it comes from the environment only.
 */
public record LlmSettings(URI url, String model, Duration timeout, int perUserPerDay, int concurrency) {

    public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:11434/v1");
    public static final String DEFAULT_MODEL = "qwen2.5:7b-instruct";
    public static final int DEFAULT_TIMEOUT_SECONDS = 20;
    public static final int DEFAULT_PER_USER_PER_DAY = 50;
    public static final int DEFAULT_CONCURRENCY = 4;

    public LlmSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || perUserPerDay < 1 || concurrency < 1) {
            throw new IllegalArgumentException("timeout, perUserPerDay and concurrency must be positive");
        }
    }

    /** {@code POST} here for a chat completion. */
    URI completions() {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }
}
