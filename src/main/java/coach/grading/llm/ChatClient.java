package coach.grading.llm;

import coach.grading.llm.ModelFailure.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST {url}/chat/completions} on an OpenAI-compatible server (OpenAI, Ollama, vLLM, llama.cpp), through the
 * JDK's {@link HttpClient}: no extra dependency, and nothing shared with the Telegram client's connection pool. The
 * whole exchange, body included, is bounded by the configured timeout.
 */
final class ChatClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlmSettings settings;
    private final ApiKey key;
    private final Clock clock;
    private final HttpClient http;

    ChatClient(LlmSettings settings, ApiKey key, Clock clock) {
        this.settings = settings;
        this.key = key;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).build();
    }

    /** The assistant's message of the first choice; a refusal, an HTTP error or a broken envelope is a failure. */
    JsonNode message(ObjectNode body) throws ModelFailure, InterruptedException {
        HttpResponse<String> response = send(body);
        int status = response.statusCode();
        if (status != 200) {
            throw statusFailure(response);
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ModelFailure(Kind.NOT_JSON, "the response body is not JSON");
        }
        JsonNode choice = root == null ? null : root.path("choices").path(0);
        if (choice == null || !choice.path("message").isObject()) {
            throw new ModelFailure(Kind.SCHEMA_MISMATCH, "no choices[0].message in the response");
        }
        JsonNode message = choice.path("message");
        if (message.path("refusal").isTextual() && !message.path("refusal").asText().isBlank()
                || "content_filter".equals(choice.path("finish_reason").asText())) {
            throw new ModelFailure(Kind.REFUSAL, "the model declined");
        }
        return message;
    }

    /** The text content of the assistant's message. */
    String content(ObjectNode body) throws ModelFailure, InterruptedException {
        JsonNode content = message(body).path("content");
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new ModelFailure(Kind.NOT_JSON, "the message has no text content");
        }
        return content.asText();
    }

    private HttpResponse<String> send(ObjectNode body) throws ModelFailure, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.completions())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        key.bearer().ifPresent(bearer -> request.header("Authorization", bearer));
        CompletableFuture<HttpResponse<String>> exchange =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            return exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw timedOut();
            }
            String what = e.getCause() instanceof IOException ? e.getCause().getClass().getSimpleName() : "error";
            throw new ModelFailure(Kind.UNREACHABLE, what + " talking to " + settings.url().getHost());
        }
    }

    private ModelFailure timedOut() {
        return new ModelFailure(Kind.TIMEOUT, "no answer within " + settings.timeout().toMillis() + " ms");
    }

    private ModelFailure statusFailure(HttpResponse<String> response) {
        int status = response.statusCode();
        Duration retryAfter = response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
        Kind kind = status == 429 ? Kind.RATE_LIMITED : status >= 500 ? Kind.SERVER_ERROR : Kind.CLIENT_ERROR;
        return new ModelFailure(kind, "HTTP " + status, retryAfter);
    }

    /** {@code Retry-After} as seconds or as an HTTP date; unreadable or past means no wait. */
    Duration retryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
    }
}
