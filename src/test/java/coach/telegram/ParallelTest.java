package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void resultsComeBackInTheItemsOrder() {
        try (Parallel parallel = Parallel.of(3)) {
            List<Integer> items = IntStream.range(0, 200).boxed().toList();
            assertEquals(items.stream().map(i -> i * 2).toList(), parallel.all(items, i -> i * 2));
        }
    }

    @Test
    void twoSlowItemsRunAtTheSameTime() {
        CountDownLatch both = new CountDownLatch(2);
        try (Parallel parallel = Parallel.of(2)) {
            List<Boolean> met = parallel.all(List.of(false, false), x -> {
                both.countDown();
                try {
                    return both.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            assertEquals(List.of(true, true), met, "each item waited for the other one to start");
        }
    }

    @Test
    void quickItemsStayOnTheCallersThreadAndKeepTheirPlace() {
        Thread caller = Thread.currentThread();
        try (Parallel parallel = Parallel.of(2)) {
            List<String> where = parallel.all(List.of("quick", "slow", "quick", "slow"), item -> item.equals("slow"),
                    item -> item + (Thread.currentThread() == caller ? "@caller" : "@pool"));
            assertEquals(List.of("quick@caller", "slow@pool", "quick@caller", "slow@pool"), where);
        }
    }

    @Test
    void afterCloseTheWorkRunsOnTheCallersThread() {
        Parallel parallel = Parallel.of(2);
        parallel.close();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        assertEquals(List.of(1, 2, 3), parallel.all(List.of(1, 2, 3), i -> {
            threads.add(Thread.currentThread());
            return i;
        }));
        assertEquals(Set.of(Thread.currentThread()), threads);
    }

    @Test
    void anInterruptedCallerStillGetsEveryResultAndKeepsItsInterrupt() {
        try (Parallel parallel = Parallel.of(2)) {
            Thread.currentThread().interrupt();
            assertEquals(List.of("a!", "b!"), parallel.all(List.of("a", "b"), s -> s + "!"));
            assertTrue(Thread.interrupted(), "the interrupt is kept");
        }
    }
}
