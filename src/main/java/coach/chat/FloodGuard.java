package coach.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows down a person who writes faster than anyone answering questions could: past {@link #LIMIT} messages in a
 * minute, one polite notice, then silence until the minute has room again. Button presses are counted apart, against
 * the much higher {@link #PRESS_LIMIT}: rating an answer and asking for the next question are two presses a minute
 * of practice needs, not two messages. Ignored events do not count, so a flooder is still answered {@link #LIMIT}
 * times a minute. Kept in memory: a restart forgives. {@link #off()} never slows anyone down (the terminal chat).
 */
final class FloodGuard {

    static final int LIMIT = 20;
    static final int PRESS_LIMIT = 60;
    static final long WINDOW_MILLIS = 60_000;
    static final int FORGET_ABOVE = 10_000;
    /**
     * Quiet people are forgotten at most this often: a sweep walks every person, so with many people writing within
     * one window it must not run on every message.
     */
    static final long SWEEP_EVERY_MILLIS = 10_000;

    /** What to do with an event; a press over its limit is always IGNORE (it gets its toast all the same). */
    enum Verdict { ANSWER, WARN, IGNORE }

    private final Map<Long, Sender> senders = new HashMap<>();
    private final boolean on;
    private long nextSweepAt = Long.MIN_VALUE;
    private int sweeps;

    FloodGuard() {
        this(true);
    }

    private FloodGuard(boolean on) {
        this.on = on;
    }

    /** A guard that answers everything: for the terminal chat, whose one local user cannot flood anyone. */
    static FloodGuard off() {
        return new FloodGuard(false);
    }

    /** Counts a message when it is answered. */
    Verdict check(long userId, long nowMillis) {
        return check(userId, nowMillis, false);
    }

    /** Counts a message, or a button press when {@code press}, when it is answered. */
    synchronized Verdict check(long userId, long nowMillis, boolean press) {
        if (!on) {
            return Verdict.ANSWER;
        }
        if (senders.size() > FORGET_ABOVE && nowMillis >= nextSweepAt) {
            senders.values().removeIf(s -> s.quiet(nowMillis));
            nextSweepAt = nowMillis + SWEEP_EVERY_MILLIS;
            sweeps++;
        }
        Sender sender = senders.computeIfAbsent(userId, id -> new Sender());
        sender.expire(nowMillis);
        Deque<Long> times = press ? sender.presses : sender.messages;
        if (times.size() < (press ? PRESS_LIMIT : LIMIT)) {
            times.addLast(nowMillis);
            sender.warned &= press;
            return Verdict.ANSWER;
        }
        if (press || sender.warned) {
            return Verdict.IGNORE;
        }
        sender.warned = true;
        return Verdict.WARN;
    }

    /** People remembered now, and the sweeps that forgot quiet ones so far. */
    synchronized int remembered() {
        return senders.size();
    }

    synchronized int sweeps() {
        return sweeps;
    }

    /** Whole seconds until the user's next message is answered again. */
    long secondsUntilRoom(long userId, long nowMillis) {
        return secondsUntilRoom(userId, nowMillis, false);
    }

    /** Whole seconds until the user's next message, or press when {@code press}, is answered again. */
    synchronized long secondsUntilRoom(long userId, long nowMillis, boolean press) {
        Sender sender = senders.get(userId);
        Deque<Long> times = sender == null ? null : press ? sender.presses : sender.messages;
        if (times == null || times.isEmpty()) {
            return 0;
        }
        return Math.max(1, (times.peekFirst() + WINDOW_MILLIS - nowMillis + 999) / 1000);
    }

    /** One person's answered messages and presses within the window. */
    private static final class Sender {
        final Deque<Long> messages = new ArrayDeque<>();
        final Deque<Long> presses = new ArrayDeque<>();
        boolean warned;

        void expire(long now) {
            expire(messages, now);
            expire(presses, now);
        }

        private static void expire(Deque<Long> times, long now) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
        }

        boolean quiet(long now) {
            expire(now);
            return messages.isEmpty() && presses.isEmpty();
        }
    }
}
