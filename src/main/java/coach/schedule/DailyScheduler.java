package coach.schedule;

import coach.chat.Engine;
import coach.chat.Reply;
import coach.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every active, unpaused user one question a day at their minute. Each delivery is recorded per user and
 * local date in the same transaction that queues the message, so a restart never sends a day's question twice;
 * a user whose minute passed while the bot was down gets it at start-up if it is still their day, and a day
 * that is over is skipped. On their Sunday the one message of the day leads with the weekly summary, unless they
 * turned it off (see {@link DailyTime}).
 */
public final class DailyScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DailyScheduler.class);
    static final int PAGE = 500;
    static final long TICK_SECONDS = 15;

    private final Database db;
    private final DeliveryStore store;
    private final Engine engine;
    private final Consumer<List<Reply>> broadcast;
    private final Clock clock;
    private final Repeating repeating = new Repeating("coach-daily");

    public DailyScheduler(Database db, DeliveryStore store, Engine engine, Consumer<List<Reply>> broadcast,
                          Clock clock) {
        this.db = db;
        this.store = store;
        this.engine = engine;
        this.broadcast = broadcast;
        this.clock = clock;
    }

    /** Ticks now and then every few seconds until closed. */
    public void start() {
        repeating.every(Duration.ofSeconds(TICK_SECONDS), this::tickSafely);
    }

    private void tickSafely() {
        try {
            int sent = tick();
            if (sent > 0) {
                log.info("Queued {} daily questions", sent);
            }
        } catch (RuntimeException e) {
            log.error("Daily delivery pass failed; trying again next tick", e);
        }
    }

    /** One pass: schedules new users, then delivers to everyone due, a page at a time. Returns deliveries. */
    public int tick() {
        Instant now = clock.instant();
        scheduleUnscheduled(now);
        int delivered = 0;
        List<DeliveryStore.Due> page;
        do {
            page = store.due(now, PAGE);
            for (DeliveryStore.Due due : page) {
                delivered += db.tx(c -> deliver(due, now) ? 1 : 0);
            }
        } while (page.size() == PAGE);
        return delivered;
    }

    private void scheduleUnscheduled(Instant now) {
        int scheduled;
        do {
            scheduled = db.tx(c -> {
                List<DeliveryStore.Due> page = store.unscheduled(PAGE);
                page.forEach(user -> store.reschedule(user.userId(), nextDue(user, now)));
                return page.size();
            });
        } while (scheduled == PAGE);
    }

    private boolean deliver(DeliveryStore.Due due, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, due.zone());
        boolean stillThatDay = LocalDate.ofInstant(due.dueAt(), due.zone()).equals(today);
        boolean sent = false;
        if (stillThatDay && !store.delivered(due.userId(), today)) {
            boolean summary = DailyTime.summaryOn(today, due.weekly());
            Optional<Engine.DailyQuestion> message = engine.dailyQuestion(due.userId(), summary);
            if (message.isPresent()) {
                broadcast.accept(message.get().replies());
                store.record(due.userId(), today, message.get().questionId(), summary, now);
                sent = true;
            }
        }
        store.reschedule(due.userId(), nextDue(due, now));
        return sent;
    }

    private static Instant nextDue(DeliveryStore.Due due, Instant now) {
        return DailyTime.nextDue(due.time(), due.weekly(), due.zone(), now);
    }

    @Override
    public void close() {
        repeating.close();
    }
}
