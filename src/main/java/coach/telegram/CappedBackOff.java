package coach.telegram;

import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * Waits between failed polls: 0.5 s doubling up to a few seconds, so the bot is back within seconds of Telegram
 * (or the network) healing, unlike the library's default that grows to a minute and more.
 */
final class CappedBackOff implements BackOff {

    static final long FIRST_MILLIS = 500;
    static final long MAX_MILLIS = 3000;

    private long next = FIRST_MILLIS;

    @Override
    public synchronized void reset() {
        next = FIRST_MILLIS;
    }

    @Override
    public synchronized long nextBackOffMillis() {
        long current = next;
        next = Math.min(MAX_MILLIS, next * 2);
        return current;
    }
}
