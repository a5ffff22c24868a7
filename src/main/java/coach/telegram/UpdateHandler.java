package coach.telegram;

import coach.chat.Engine;
import coach.chat.Incoming;
import coach.chat.Prework;
import coach.chat.Reply;
import coach.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Handles each polled update exactly once: the engine's changes, the replies it queues and the update's id are
 * committed in one transaction. Catches everything, because an exception escaping {@link #consume} would silently
 * stop the library's polling.
 */
final class UpdateHandler implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
    private static final int FORGET_EVERY = 1000;

    private final Database db;
    private final UpdateLog updates;
    private final UpdateMapper mapper;
    private final Engine engine;
    private final Outbox outbox;
    private final Sender sender;
    private final ChatRoles roles;
    private final Clock clock;
    private final Parallel prework;
    private int sinceForget;

    UpdateHandler(Database db, UpdateLog updates, UpdateMapper mapper, Engine engine, Outbox outbox, Sender sender,
                  ChatRoles roles, Parallel prework, Clock clock) {
        this.db = db;
        this.updates = updates;
        this.mapper = mapper;
        this.engine = engine;
        this.outbox = outbox;
        this.sender = sender;
        this.roles = roles;
        this.prework = prework;
        this.clock = clock;
    }

    /**
     * Handles a poll's updates in one transaction, each in a savepoint of its own: one update that fails is undone
     * and skipped without undoing the others. Anything slow (asking Telegram, grading, drawing) is done first, outside
     * the transaction; an update whose slow work the state has outdated is done again after the others, in order with
     * its sender's later updates.
     */
    @Override
    public void consume(List<Update> batch) {
        List<Prepared> waiting = prework.all(batch.stream().map(this::admit).toList(), this::mayBeSlow, this::prepare);
        boolean deferred = false;
        while (!waiting.isEmpty()) {
            waiting = prework.all(handleAll(waiting), this::prepareAgain);
            deferred |= !waiting.isEmpty();
        }
        if (deferred) {
            advancePast(batch);
        }
        sender.wake();
        if ((sinceForget += batch.size()) >= FORGET_EVERY) {
            sinceForget = 0;
            forgetQuietly();
        }
    }

    /** Handles the updates in one transaction; returns those to prepare again, in their order. */
    private List<Prepared> handleAll(List<Prepared> prepared) {
        try {
            return db.tx(c -> handleEach(prepared));
        } catch (RuntimeException e) {
            log.error("A poll's transaction failed; handling its {} updates one at a time", prepared.size(), e);
            return handleEach(prepared);
        }
    }

    /**
     * Handles each update not handled before, then moves the offset past them all, or holds it at the first left for
     * later (its user's later updates wait with it).
     */
    private List<Prepared> handleEach(List<Prepared> prepared) {
        IntSummaryStatistics ids = prepared.stream().mapToInt(p -> p.update().getUpdateId()).summaryStatistics();
        Set<Integer> handled = updates.handledAmong(ids.getMin(), ids.getMax());
        List<Prepared> again = new ArrayList<>();
        Set<Long> deferredUsers = new HashSet<>();
        for (Prepared p : prepared) {
            Optional<Long> user = p.incoming().map(Incoming::userId);
            if (handled.contains(p.update().getUpdateId())) {
                log.debug("Update {} was already handled", p.update().getUpdateId());
            } else if (user.isPresent() && deferredUsers.contains(user.get()) || !handleOrSkip(p)) {
                again.add(p);
                user.ifPresent(deferredUsers::add);
            }
        }
        updates.advanceTo(ids.getMax() + 1);
        if (!again.isEmpty()) {
            updates.holdAt(again.get(0).update().getUpdateId());
        }
        return again;
    }

    /** An update with what it means for the engine and the engine's slow work, done before any transaction opens. */
    private record Prepared(Update update, Optional<Incoming> incoming, Prework work, RuntimeException failure) {
    }

    /** What the update means, counted against its sender's allowance in arrival order; its slow work is next. */
    private Prepared admit(Update update) {
        try {
            // Asking Telegram about the sender's standing is a network call: done before the transaction opens.
            Optional<Incoming> incoming = mapper.map(update)
                    .map(in -> engine.needsRole(in) ? in.withRole(roles.of(in.chatId(), in.userId())) : in);
            return new Prepared(update, incoming, incoming.map(engine::admit).orElse(null), null);
        } catch (RuntimeException e) {
            return new Prepared(update, Optional.empty(), null, e);
        }
    }

    private boolean mayBeSlow(Prepared admitted) {
        return admitted.failure() == null && admitted.incoming().isPresent()
                && engine.mayBeSlow(admitted.incoming().get(), admitted.work());
    }

    private Prepared prepare(Prepared admitted) {
        if (admitted.failure() != null || admitted.incoming().isEmpty()) {
            return admitted;
        }
        return new Prepared(admitted.update(), admitted.incoming(),
                engine.prepare(admitted.incoming().get(), admitted.work()), null);
    }

    private Prepared prepareAgain(Prepared p) {
        Incoming in = p.incoming().orElseThrow();
        return new Prepared(p.update(), p.incoming(), engine.prepareAgain(in, p.work()), null);
    }

    /** Handles the update, or skips it when it fails; false when its slow work must be done again. */
    private boolean handleOrSkip(Prepared p) {
        try {
            if (p.failure() != null) {
                throw p.failure();
            }
            handle(p.update(), p.incoming(), p.work());
        } catch (Prework.Stale stale) {
            return false;
        } catch (Throwable t) {
            log.error("Update {} could not be handled; skipping it", p.update().getUpdateId(), t);
            markQuietly(p.update());
        }
        return true;
    }

    /**
     * Answers the update and records it, with its replies, in one savepoint. When answering fails, that savepoint is
     * undone and the apology is recorded in another (a {@link Prework.Stale} due another attempt goes to the caller).
     */
    private void handle(Update update, Optional<Incoming> incoming, Prework work) {
        try {
            db.tx(c -> {
                record(update, incoming.map(in -> engine.answer(in, work)).orElse(List.of()));
                return null;
            });
        } catch (RuntimeException e) {
            if (incoming.isEmpty()) {
                throw e;
            }
            List<Reply> instead = engine.failed(incoming.get(), work, e);
            db.tx(c -> {
                record(update, instead);
                return null;
            });
        }
    }

    private void record(Update update, List<Reply> replies) {
        replies.forEach(reply -> outbox.add(reply, priority(reply), clock.instant()));
        mapper.leftChat(update).ifPresent(chatId -> {
            log.info("Removed from chat {}; nothing more goes there", chatId);
            engine.unreachable(chatId);
            outbox.dropChat(chatId);
        });
        updates.markHandled(update.getUpdateId(), clock.instant());
    }

    private static int priority(Reply reply) {
        return reply instanceof Reply.Toast || reply instanceof Reply.Typing ? Outbox.URGENT : Outbox.REPLY;
    }

    private void markQuietly(Update update) {
        try {
            if (update.getUpdateId() != null) {
                updates.markHandled(update.getUpdateId(), clock.instant());
            }
        } catch (RuntimeException e) {
            log.error("Could not record update {} as handled", update.getUpdateId(), e);
        }
    }

    /** After updates were left for later and handled last, the offset passes the whole poll again. */
    private void advancePast(List<Update> batch) {
        try {
            updates.advanceTo(batch.get(batch.size() - 1).getUpdateId() + 1);
        } catch (RuntimeException e) {
            log.warn("Could not move the offset past the poll; its handled updates will be fetched and skipped", e);
        }
    }

    private void forgetQuietly() {
        try {
            updates.forgetOld();
        } catch (RuntimeException e) {
            log.warn("Could not prune handled update ids", e);
        }
    }
}
