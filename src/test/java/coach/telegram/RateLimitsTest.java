package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    /** Sends as fast as the limits allow for a simulated span; each call reaches Telegram after a random delay. */
    private static List<Long> arrivals(RateLimits limits, long chatId, long spanMillis, int maxDelayMillis) {
        Random random = new Random(3);
        List<Long> arrived = new ArrayList<>();
        PriorityQueue<long[]> finishing = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (long now = 0; now < spanMillis; now++) {
            while (!finishing.isEmpty() && finishing.peek()[0] <= now) {
                limits.finished(finishing.poll()[1], now);
            }
            long chat = chatId == 0 ? now : chatId;
            while (limits.tryAcquire(chat, now)) {
                long arrival = now + random.nextInt(maxDelayMillis + 1);
                arrived.add(arrival);
                finishing.add(new long[] {arrival + random.nextInt(maxDelayMillis + 1), chat});
            }
        }
        arrived.sort(null);
        return arrived;
    }

    private static int busiest(List<Long> times, long windowMillis) {
        int most = 0;
        for (int first = 0, last = 0; last < times.size(); last++) {
            while (times.get(last) - times.get(first) >= windowMillis) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    @Test
    void noSecondAtTelegramHoldsMoreThanTheGlobalLimitHoweverCallsAreDelayed() {
        List<Long> arrived = arrivals(new RateLimits(25), 0, 60_000, 300);
        assertTrue(busiest(arrived, 1000) <= 25, "busiest second held " + busiest(arrived, 1000));
        // The price of the guarantee: each call's time in flight delays a later one (25 / (1 + 0.3 s) here).
        assertTrue(arrived.size() >= 60 * 25 * 0.7, "only " + arrived.size() + " sends in a minute");
    }

    @Test
    void withQuickCallsTheGlobalPaceStaysCloseToTheLimit() {
        List<Long> arrived = arrivals(new RateLimits(25), 0, 60_000, 5);
        assertTrue(arrived.size() >= 60 * 25 * 0.97, "only " + arrived.size() + " sends in a minute");
        assertTrue(busiest(arrived, 1000) <= 25);
    }

    @Test
    void aGroupGetsAShortBurstThenAtMostTwentyInAnySixtySeconds() {
        List<Long> arrived = arrivals(new RateLimits(25), -100, 600_000, 50);
        assertEquals(List.of(0L, 0L, 0L), arrived.subList(0, 3).stream().map(t -> t / 1000).toList());
        assertTrue(busiest(arrived, 60_000) <= 20, "busiest minute held " + busiest(arrived, 60_000));
        assertTrue(arrived.size() >= 190, "only " + arrived.size() + " sends in ten minutes");
    }

    @Test
    void aPrivateChatGetsAboutOneASecondAfterABurstOfThree() {
        RateLimits limits = new RateLimits(25);
        for (int i = 0; i < RateLimits.CHAT_BURST; i++) {
            assertTrue(limits.tryAcquire(7, i * 100L), "message " + i + " of the burst");
            limits.finished(7, i * 100L + 10);
        }
        assertFalse(limits.tryAcquire(7, 300));
        assertTrue(limits.tryAcquire(7, 1300));
    }

    @Test
    void aCapAboveAThousandASecondIsNotHeldToTwoCallsAMillisecond() {
        RateLimits limits = new RateLimits(100_000);
        int started = 0;
        for (long chat = 1; chat <= 100 && limits.tryAcquire(chat, 5); chat++) {
            started++;
        }
        assertTrue(started >= 100, "calls started within one millisecond: " + started);
        List<Long> arrived = arrivals(new RateLimits(100_000), 0, 2_000, 0);
        assertTrue(busiest(arrived, 1000) <= 100_000, "busiest second held " + busiest(arrived, 1000));
    }
}
