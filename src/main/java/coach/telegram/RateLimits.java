package coach.telegram;

import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's sending limits as token buckets: a global pace of messages per second with no burst (so that no
 * one-second window ever holds more), and per chat about one message a second (private) or twenty a minute
 * (groups), each allowing a short burst. Not thread-safe: the sender's
 * dispatcher thread owns it.
 */
final class RateLimits {

    static final int CHAT_BURST = 3;
    /** Added to the spacing of global sends so that jitter never packs more than the cap into one second. */
    static final double GUARD = 0.01;
    static final double PRIVATE_PER_SECOND = 1.0;
    static final double GROUP_PER_SECOND = 20.0 / 60.0;

    private final Bucket global;
    private final Map<Long, Bucket> chats = new HashMap<>();

    RateLimits(int messagesPerSecond) {
        double spacingMillis = 1000.0 / messagesPerSecond * (1 + GUARD);
        this.global = new Bucket(1000.0 / spacingMillis, 1);
    }

    /** Takes a token from the chat's and the global bucket if both have one. */
    boolean tryAcquire(long chatId, long nowMillis) {
        Bucket chat = chats.computeIfAbsent(chatId, id -> id < 0
                ? new Bucket(GROUP_PER_SECOND, CHAT_BURST)
                : new Bucket(PRIVATE_PER_SECOND, CHAT_BURST));
        if (!chat.available(nowMillis) || !global.available(nowMillis)) {
            return false;
        }
        chat.take();
        global.take();
        return true;
    }

    /** Milliseconds until the global bucket has a token again (0 when it has one). */
    long millisUntilGlobalToken(long nowMillis) {
        return global.millisUntilToken(nowMillis);
    }

    /** Forgets chats whose buckets are full again, so the map does not grow without bound. */
    void forgetIdle(long nowMillis) {
        chats.values().removeIf(b -> b.full(nowMillis));
    }

    private static final class Bucket {
        private final double perMilli;
        private final double capacity;
        private double tokens;
        private long updated = Long.MIN_VALUE;

        Bucket(double perSecond, double capacity) {
            this.perMilli = perSecond / 1000.0;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        boolean available(long now) {
            refill(now);
            return tokens >= 1.0;
        }

        long millisUntilToken(long now) {
            refill(now);
            return tokens >= 1.0 ? 0 : (long) Math.ceil((1.0 - tokens) / perMilli);
        }

        void take() {
            tokens -= 1.0;
        }

        boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (updated != Long.MIN_VALUE && now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * perMilli);
            }
            updated = Math.max(updated, now);
        }
    }
}
