package coach.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A task run now and then again after each pause, on one daemon thread, until closed. */
public final class Repeating implements AutoCloseable {

    private final ScheduledExecutorService executor;

    public Repeating(String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the task at once and then {@code pause} after each run ends; the task must catch its own failures. */
    public void every(Duration pause, Runnable task) {
        executor.scheduleWithFixedDelay(task, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the thread, waiting up to two seconds for a run in progress. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
