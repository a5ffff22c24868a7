package coach.battle;

import coach.chat.Reply;
import coach.schedule.Repeating;
import coach.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves battles along every second and starts daily battles. Each battle moves in its own transaction, which
 * also queues its messages, so a crash never leaves a round half ended; a battle that fails is logged and
 * tried again on the next tick without holding up the others.
 */
public final class BattleTicker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BattleTicker.class);
    static final long TICK_MILLIS = 1000;

    private final Database db;
    private final Battles battles;
    private final Consumer<List<Reply>> post;
    private final Repeating repeating = new Repeating("coach-battles");

    /** {@code post} queues replies; it is called inside the transaction that made them. */
    public BattleTicker(Database db, Battles battles, Consumer<List<Reply>> post) {
        this.db = db;
        this.battles = battles;
        this.post = post;
    }

    public void start() {
        repeating.every(Duration.ofMillis(TICK_MILLIS), this::tick);
    }

    /** One pass over running battles and daily schedules. */
    public void tick() {
        for (long id : safely(battles::running)) {
            inTransaction("battle " + id, () -> battles.advance(id));
        }
        for (long chatId : safely(battles::dailyDue)) {
            inTransaction("the daily battle in chat " + chatId, () -> battles.startDaily(chatId));
        }
    }

    private List<Long> safely(Supplier<List<Long>> ids) {
        try {
            return ids.get();
        } catch (RuntimeException e) {
            log.error("Could not read battles; trying again next tick", e);
            return List.of();
        }
    }

    private void inTransaction(String what, Supplier<List<Reply>> work) {
        try {
            db.tx(c -> {
                List<Reply> replies = work.get();
                if (!replies.isEmpty()) {
                    post.accept(replies);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Moving {} along failed; trying again next tick", what, e);
        }
    }

    @Override
    public void close() {
        repeating.close();
    }
}
