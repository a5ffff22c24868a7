package coach.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Runs one piece of work per item on a few threads at once and gives the results back in the items' order. Used for
 * the slow work of a poll's updates (grading, drawing), which reads the stored state and changes nothing.
 */
final class Parallel implements AutoCloseable {

    private final ExecutorService pool;

    private Parallel(ExecutorService pool) {
        this.pool = pool;
    }

    /** A pool of this many daemon threads; one thread means the work runs on the caller's thread. */
    static Parallel of(int threads) {
        return new Parallel(threads <= 1 ? null : Executors.newFixedThreadPool(threads, Sender.daemon("coach-prework")));
    }

    /** One thread per processor. */
    static Parallel perProcessor() {
        return of(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The work applied to every item, in order. The work must not throw. Waits for every result even when
     * interrupted (the interrupt is kept), so no item's result is lost at shutdown; after {@link #close} the work
     * runs on the caller's thread.
     */
    <T> List<T> all(List<T> items, UnaryOperator<T> work) {
        return all(items, item -> true, work);
    }

    /**
     * The same, but items for which {@code slow} is false are worked on the caller's thread, since handing them to
     * another would cost more than the work.
     */
    <T> List<T> all(List<T> items, Predicate<T> slow, UnaryOperator<T> work) {
        if (pool == null || items.size() < 2) {
            return items.stream().map(work).toList();
        }
        List<Future<T>> futures = new ArrayList<>(items.size());
        try {
            for (T item : items) {
                futures.add(slow.test(item) ? pool.submit(() -> work.apply(item)) : null);
            }
        } catch (RejectedExecutionException closed) {
            futures.stream().filter(Objects::nonNull).forEach(f -> f.cancel(false));
            return items.stream().map(work).toList();
        }
        List<T> results = new ArrayList<>(items.size());
        boolean interrupted = false;
        for (int i = 0; i < items.size(); i++) {
            if (futures.get(i) == null) {
                results.add(work.apply(items.get(i)));
                continue;
            }
            while (true) {
                try {
                    results.add(futures.get(i).get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("slow work failed", e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return results;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
