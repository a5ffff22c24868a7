package coach.chat;

import java.util.HashMap;
import java.util.Map;

/**
 * Telegram clients send a text over 4,096 characters as several messages, one right after another, so the tail of a
 * long answer arrives as a message of its own. A text longer than {@link Flow#MAX_ANSWER} (a little under the
 * split length, as clients cut at a word boundary) may be the first part; a text from the same person within
 * {@link #JOIN_MILLIS} of such a part continues it and is never read as a message of its own. Kept in memory.
 */
final class Parts {

    static final long JOIN_MILLIS = 3_000;
    private static final int FORGET_ABOVE = 10_000;

    /** Per person, when the latest part of a long text arrived. */
    private final Map<Long, Long> lastPart = new HashMap<>();

    /** Records a free text; true when it continues a long text sent just before. */
    synchronized boolean continues(long userId, int length, long nowMillis) {
        if (lastPart.size() > FORGET_ABOVE) {
            lastPart.values().removeIf(at -> nowMillis - at > JOIN_MILLIS);
        }
        Long previous = lastPart.get(userId);
        boolean continuation = previous != null && nowMillis - previous <= JOIN_MILLIS;
        if (continuation || length > Flow.MAX_ANSWER) {
            lastPart.put(userId, nowMillis);
        } else {
            lastPart.remove(userId);
        }
        return continuation;
    }
}
