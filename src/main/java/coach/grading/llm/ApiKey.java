package coach.grading.llm;

import java.util.Optional;

/**
 * The model endpoint's API key, read from {@code COACH_LLM_API_KEY} only. It is sent as {@code Authorization: Bearer}
 * and shows up nowhere else: not in {@link #toString()}, a log line or an exception.
 */
public final class ApiKey {

    public static final String VARIABLE = "COACH_LLM_API_KEY";
    private static final ApiKey NONE = new ApiKey(null);

    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /** The key in the environment, or none when the variable is unset or blank (a local model needs none). */
    public static ApiKey fromEnvironment() {
        return of(System.getenv(VARIABLE));
    }

    public static ApiKey of(String secret) {
        return secret == null || secret.isBlank() ? NONE : new ApiKey(secret.strip());
    }

    public static ApiKey none() {
        return NONE;
    }

    /** The header value, when there is a key. */
    Optional<String> bearer() {
        return Optional.ofNullable(secret).map(s -> "Bearer " + s);
    }

    @Override
    public String toString() {
        return secret == null ? "ApiKey[none]" : "ApiKey[***]";
    }
}
