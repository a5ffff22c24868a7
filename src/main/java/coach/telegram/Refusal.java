package coach.telegram;

import java.util.Locale;

/** What a call Telegram refused calls for, from the refusal's error code and description. */
enum Refusal {
    /** 429: wait {@code retry_after}, then send the same call again. */
    SLOW_DOWN,
    /** 403, or a chat that is gone: stop sending there and mark its user inactive. */
    UNREACHABLE,
    /** The HTML did not parse: send the same words as plain text. */
    NOT_HTML,
    /** A server error, or an answer that could not be read (code 0): retry with backoff. */
    TROUBLE,
    /** Refused for a reason that changes nothing (an edit to the same text, a toast too late): drop it quietly. */
    HARMLESS,
    /** Refused for good: drop it and log why. */
    FINAL;

    static Refusal of(int code, String description) {
        String words = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (code == 429) {
            return SLOW_DOWN;
        }
        if (code == 403 || code == 400 && words.contains("chat not found")) {
            return UNREACHABLE;
        }
        if (code == 400 && words.contains("can't parse entities")) {
            return NOT_HTML;
        }
        if (code >= 500 || code == 0) {
            return TROUBLE;
        }
        return words.contains("message is not modified") || words.contains("query is too old") ? HARMLESS : FINAL;
    }
}
