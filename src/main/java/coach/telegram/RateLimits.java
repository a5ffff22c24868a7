package coach.telegram;

import coach.chat.GroupChats;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's sending limits. Globally, a steady pace of messages per second that may catch up by one after a late
 * pass, and a sliding window: a message may start only when fewer than the limit are in flight or finished within
 * the last second. Since a message reaches Telegram after it starts and before it finishes, no one-second window
 * at Telegram can then hold more than the limit, however much the network or the machine delays single calls. Per
 * chat, about one message a second (private) or twenty a minute (groups, with at most twenty in any sixty
 * seconds), each allowing a short burst. Not thread-safe: the sender guards it with its lock.
 */
final class RateLimits {

    static final int CHAT_BURST = 3;
    /**
     * The global pace may catch up by one message after a late pass of the dispatcher; the window below still
     * keeps every second at Telegram within the limit.
     */
    static final int GLOBAL_BURST = 2;
    /** Added to the spacing of global sends so that jitter never packs more than the cap into one second. */
    static final double GUARD = 0.01;
    static final double PRIVATE_PER_SECOND = 1.0;
    static final double GROUP_PER_SECOND = GroupChats.MESSAGES_PER_MINUTE / 60.0;
    /** When the global window is full of calls still in flight, how long to wait before looking again. */
    static final long IN_FLIGHT_WAIT_MILLIS = 5;

    private final int perSecond;
    private final Bucket global;
    private final Window recent;
    private final Map<Long, Chat> chats = new HashMap<>();

    RateLimits(int messagesPerSecond) {
        double spacingMillis = 1000.0 / messagesPerSecond * (1 + GUARD);
        this.perSecond = messagesPerSecond;
        // The clock ticks in milliseconds: above a thousand a second, the bucket must hold a few ticks' worth of
        // messages, or the tick and not the limit would set the pace. The window still caps every second.
        this.global = new Bucket(1000.0 / spacingMillis, Math.max(GLOBAL_BURST, messagesPerSecond / 200.0));
        this.recent = new Window(1000);
    }

    /** Starts a message into the chat if the chat's and the global limits allow it; call {@link #finished} after. */
    boolean tryAcquire(long chatId, long nowMillis) {
        Chat chat = chats.computeIfAbsent(chatId, Chat::new);
        if (!chat.available(nowMillis) || !global.available(nowMillis) || recent.count(nowMillis) >= perSecond) {
            return false;
        }
        chat.take();
        global.take();
        recent.start();
        return true;
    }

    /** Records that a message started with {@link #tryAcquire} has finished, whatever the outcome. */
    void finished(long chatId, long nowMillis) {
        recent.finish(nowMillis);
        Chat chat = chats.get(chatId);
        if (chat != null) {
            chat.finish(nowMillis);
        }
    }

    /** Milliseconds until the global limits let a message start (0 when they do now). */
    long millisUntilGlobalToken(long nowMillis) {
        return Math.max(global.millisUntilToken(nowMillis), recent.millisUntilRoom(nowMillis, perSecond));
    }

    /** Forgets chats that could burst again, so the map does not grow without bound. */
    void forgetIdle(long nowMillis) {
        chats.values().removeIf(c -> c.idle(nowMillis));
    }

    /** A chat's bucket and, for groups, the times of its recent messages. */
    private static final class Chat {
        private final Bucket bucket;
        private final Window minute;

        Chat(long chatId) {
            boolean group = chatId < 0;
            this.bucket = group ? new Bucket(GROUP_PER_SECOND, CHAT_BURST) : new Bucket(PRIVATE_PER_SECOND, CHAT_BURST);
            this.minute = group ? new Window(60_000) : null;
        }

        boolean available(long now) {
            return bucket.available(now) && (minute == null || minute.count(now) < GroupChats.MESSAGES_PER_MINUTE);
        }

        void take() {
            bucket.take();
            if (minute != null) {
                minute.start();
            }
        }

        void finish(long now) {
            if (minute != null) {
                minute.finish(now);
            }
        }

        boolean idle(long now) {
            return bucket.full(now) && (minute == null || minute.count(now) == 0);
        }
    }

    /** Messages in flight plus those finished within the last {@code spanMillis}. */
    private static final class Window {
        private final long spanMillis;
        private final ArrayDeque<Long> finishedAt = new ArrayDeque<>();
        private int inFlight;

        Window(long spanMillis) {
            this.spanMillis = spanMillis;
        }

        void start() {
            inFlight++;
        }

        void finish(long now) {
            inFlight = Math.max(0, inFlight - 1);
            finishedAt.addLast(Math.max(now, finishedAt.isEmpty() ? now : finishedAt.peekLast()));
        }

        int count(long now) {
            while (!finishedAt.isEmpty() && finishedAt.peekFirst() <= now - spanMillis) {
                finishedAt.pollFirst();
            }
            return inFlight + finishedAt.size();
        }

        long millisUntilRoom(long now, int limit) {
            if (count(now) < limit) {
                return 0;
            }
            if (inFlight >= limit || finishedAt.isEmpty()) {
                return IN_FLIGHT_WAIT_MILLIS;
            }
            return Math.max(1, finishedAt.peekFirst() + spanMillis - now + 1);
        }
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
