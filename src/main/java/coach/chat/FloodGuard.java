package coach.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows down a person who writes faster than anyone answering questions could: past {@link #LIMIT} messages and
 * presses in a minute, one polite notice, then silence until the minute has room again. Ignored events do not
 * count, so a flooder is still answered {@link #LIMIT} times a minute. Kept in memory: a restart forgives.
 */
final class FloodGuard {

    static final int LIMIT = 20;
    static final long WINDOW_MILLIS = 60_000;
    private static final int FORGET_ABOVE = 10_000;

    /** What to do with an event. */
    enum Verdict { ANSWER, WARN, IGNORE }

    private final Map<Long, Sender> senders = new HashMap<>();

    /** Counts the event when it is answered. */
    synchronized Verdict check(long userId, long nowMillis) {
        if (senders.size() > FORGET_ABOVE) {
            senders.values().removeIf(s -> s.quiet(nowMillis));
        }
        Sender sender = senders.computeIfAbsent(userId, id -> new Sender());
        sender.expire(nowMillis);
        if (sender.times.size() < LIMIT) {
            sender.times.addLast(nowMillis);
            sender.warned = false;
            return Verdict.ANSWER;
        }
        if (sender.warned) {
            return Verdict.IGNORE;
        }
        sender.warned = true;
        return Verdict.WARN;
    }

    /** Whole seconds until the user's next event is answered again. */
    synchronized long secondsUntilRoom(long userId, long nowMillis) {
        Sender sender = senders.get(userId);
        if (sender == null || sender.times.isEmpty()) {
            return 0;
        }
        return Math.max(1, (sender.times.peekFirst() + WINDOW_MILLIS - nowMillis + 999) / 1000);
    }

    /** One person's answered events within the window. */
    private static final class Sender {
        final Deque<Long> times = new ArrayDeque<>();
        boolean warned;

        void expire(long now) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
        }

        boolean quiet(long now) {
            expire(now);
            return times.isEmpty();
        }
    }
}
