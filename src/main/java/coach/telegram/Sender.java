package coach.telegram;

import coach.chat.Html;
import coach.chat.Reply;
import coach.chat.Engine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Drains the outbox into the Bot API within the rate limits, one call in flight per chat so a chat's messages
 * keep their order. A 429 waits {@code retry_after} and sends the same call again; a network or server error
 * retries with backoff; a blocked or vanished chat marks its user inactive.
 */
final class Sender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    /** Chats' first calls looked at in each pass: enough to pass over chats in flight or at their limit. */
    private static final int SCAN_PER_THREAD = 32;
    private static final long IDLE_WAIT_MILLIS = 500;
    private static final long BUSY_WAIT_MILLIS = 5;
    private static final long FORGET_EVERY_MILLIS = 1000;
    /** Short, so the outbox drains within seconds of Telegram healing; the global rate still paces the retries. */
    static final long MAX_BACKOFF_MILLIS = 3_000;

    private final Outbox outbox;
    private final ApiCalls api;
    private final Engine engine;
    private final Clock clock;
    private final RateLimits limits;
    private final ExecutorService workers;
    private final int threads;
    private final Thread dispatcher;
    private final Thread remover;
    /**
     * Guards the backlog and the in-flight sets. Taken inside the database's commits (the outbox tells the backlog of
     * each change as it commits), so a thread holding it never uses the database.
     */
    private final ReentrantLock lock = new ReentrantLock();
    /** Guards only the wake-up signal. */
    private final ReentrantLock signalLock = new ReentrantLock();
    private final Condition changed = signalLock.newCondition();
    private final Backlog backlog = new Backlog();
    private final Set<Long> inFlightChats = new HashSet<>();
    private final AtomicInteger sent = new AtomicInteger();
    /**
     * Rows Telegram accepted, deleted from the outbox together by a thread of their own, so that neither the
     * dispatcher nor a worker waits for the database; a crash repeats only what was sent since the last deletion.
     */
    private final LinkedBlockingQueue<Long> sentRows = new LinkedBlockingQueue<>();
    private long forgotAt;
    private volatile boolean running = true;
    private boolean signalled;

    Sender(Outbox outbox, ApiCalls api, Engine engine, Clock clock, int messagesPerSecond, int threads) {
        this.outbox = outbox;
        this.api = api;
        this.engine = engine;
        this.clock = clock;
        this.limits = new RateLimits(messagesPerSecond);
        this.threads = threads;
        this.workers = Executors.newFixedThreadPool(threads, daemon("coach-send"));
        this.dispatcher = daemon("coach-outbox").newThread(this::loop);
        this.remover = daemon("coach-outbox-sent").newThread(this::removeSent);
    }

    /** Reads what waits in the outbox, hears of every change from then on, and starts sending. */
    void start() {
        List<Outbox.Item> waiting = outbox.listen(new Outbox.Listener() {
            @Override
            public void added(Outbox.Item item) {
                guarded(() -> backlog.add(item));
                wake();
            }

            @Override
            public void dropped(long chatId) {
                guarded(() -> backlog.dropChat(chatId));
            }
        });
        guarded(() -> waiting.forEach(backlog::add));
        dispatcher.start();
        remover.start();
    }

    private void guarded(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /** Tells the dispatcher that new items may be waiting. */
    void wake() {
        signalLock.lock();
        try {
            signalled = true;
            changed.signalAll();
        } finally {
            signalLock.unlock();
        }
    }

    int sentCount() {
        return sent.get();
    }

    private void loop() {
        while (running) {
            try {
                pause(dispatchReady());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.error("Outbox dispatcher failed; retrying in a second", e);
                sleepQuietly(1000);
            }
        }
    }

    /**
     * Starts the calls whose turn has come, each chat's first call in priority then arrival order, as long as a
     * worker is free. Returns how long to wait before looking again: 0 when a call started, otherwise until the
     * earliest call is due or the limits allow one, at most half a second; a finished send wakes it sooner.
     */
    private long dispatchReady() {
        long now = clock.millis();
        lock.lock();
        try {
            if (now - forgotAt >= FORGET_EVERY_MILLIS) {
                limits.forgetIdle(now);
                forgotAt = now;
            }
            long wait = IDLE_WAIT_MILLIS;
            boolean dispatched = false;
            for (Outbox.Item item : backlog.firsts(threads * SCAN_PER_THREAD)) {
                if (inFlightChats.size() >= threads) {
                    // Never queue calls behind busy workers: a queue would release them later in a burst.
                    break;
                }
                if (inFlightChats.contains(item.chatId())) {
                    continue;
                }
                if (item.notBefore() > now) {
                    wait = Math.min(wait, item.notBefore() - now);
                    continue;
                }
                if (item.isMessage() && !limits.tryAcquire(item.chatId(), now)) {
                    long untilToken = limits.millisUntilGlobalToken(now);
                    wait = Math.min(wait, untilToken > 0 ? untilToken : BUSY_WAIT_MILLIS);
                    continue;
                }
                backlog.remove(item);
                inFlightChats.add(item.chatId());
                workers.execute(() -> deliver(item));
                dispatched = true;
            }
            return dispatched ? 0 : wait;
        } finally {
            lock.unlock();
        }
    }

    private void pause(long millis) throws InterruptedException {
        signalLock.lock();
        try {
            if (millis > 0 && !signalled) {
                changed.await(millis, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } finally {
            signalLock.unlock();
        }
    }

    private void deliver(Outbox.Item item) {
        int busy;
        try {
            Reply reply = item.reply();
            int messageId = api.perform(reply);
            if (reply instanceof Reply.Send s && s.tag() != null && messageId != 0) {
                // Recorded with the row's removal: a crash in between resends, and the resent message is the one kept.
                outbox.done(item.id(), () -> engine.delivered(s.tag(), s.chatId(), messageId), clock.instant());
            } else {
                sentRows.add(item.id());
            }
            sent.incrementAndGet();
        } catch (TelegramApiRequestException e) {
            onRefused(item, e);
        } catch (TelegramApiException | RuntimeException e) {
            long wait = backoff(item.attempts());
            log.warn("Send to chat {} failed ({}); retrying in {} ms", item.chatId(), describe(e), wait);
            retry(item, wait);
        } finally {
            // A call to send again is back in the backlog before its chat is free: the chat's next call waits for it.
            lock.lock();
            try {
                if (item.isMessage()) {
                    limits.finished(item.chatId(), clock.millis());
                }
                inFlightChats.remove(item.chatId());
                busy = inFlightChats.size();
            } finally {
                lock.unlock();
            }
        }
        if (busy <= threads / 2) {
            // Under load, let several workers finish before the next pass, so each pass starts several calls.
            wake();
        }
    }

    /**
     * Stores another attempt after {@code waitMillis}; the outbox puts the call back in the backlog as it commits.
     * When the database cannot take it, the call goes back in the backlog all the same, so it is not forgotten
     * until the next start.
     */
    private void retry(Outbox.Item item, long waitMillis) {
        Outbox.Item again = item.retriedAt(clock.millis() + waitMillis);
        try {
            outbox.retry(again);
        } catch (RuntimeException e) {
            log.error("Could not store the next attempt of a call to chat {}; keeping it in memory", item.chatId(), e);
            guarded(() -> backlog.add(again));
        }
    }

    /** Deletes sent rows as they come, those that came together in one transaction, until the sender closes. */
    private void removeSent() {
        while (running) {
            try {
                Long first = sentRows.poll(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    flushSent(new ArrayList<>(List.of(first)));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Could not remove {} sent calls from the outbox; retrying in a second", sentRows.size(), e);
                sleepQuietly(1000);
            }
        }
    }

    /** Deletes {@code rows} and the rows sent so far in one transaction; on failure they wait for the next try. */
    private void flushSent(List<Long> rows) {
        sentRows.drainTo(rows);
        if (rows.isEmpty()) {
            return;
        }
        try {
            outbox.done(rows);
        } catch (RuntimeException e) {
            sentRows.addAll(rows);
            throw e;
        }
    }

    private void onRefused(Outbox.Item item, TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        String description = e.getApiResponse() == null ? "" : e.getApiResponse();
        switch (Refusal.of(code, description)) {
            case SLOW_DOWN -> {
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                long wait = retryAfter == null ? backoff(item.attempts()) : retryAfter * 1000L;
                log.warn("Telegram asked to slow down for chat {}: waiting {} ms", item.chatId(), wait);
                retry(item, wait);
            }
            case UNREACHABLE -> {
                log.info("Chat {} is unreachable ({}); marking it inactive", item.chatId(), description);
                engine.unreachable(item.chatId());
                outbox.dropChat(item.chatId());
            }
            case NOT_HTML -> {
                log.error("Telegram refused the HTML of a message to chat {} ({}); sending it as plain text",
                        item.chatId(), description);
                outbox.replace(item.with(plain(item.reply())));
            }
            case TROUBLE -> {
                long wait = backoff(item.attempts());
                log.warn("Telegram server error {} for chat {} ({}); retrying in {} ms", code, item.chatId(),
                        code == 0 ? "unreadable answer" : description, wait);
                retry(item, wait);
            }
            case HARMLESS -> {
                log.debug("Ignoring harmless refusal for chat {}: {}", item.chatId(), description);
                sentRows.add(item.id());
            }
            case FINAL -> {
                log.error("Telegram refused a call to chat {} for good: {} {}", item.chatId(), code, description);
                sentRows.add(item.id());
            }
        }
    }

    private static Reply plain(Reply reply) {
        if (reply instanceof Reply.Send s) {
            return new Reply.Send(s.chatId(), Html.escape(Html.toPlain(s.html())), s.buttons(), s.tag());
        }
        if (reply instanceof Reply.Photo p) {
            String caption = Html.escape(Html.toPlain(p.caption()));
            return new Reply.Photo(p.chatId(), p.png(), caption.length() <= Reply.Photo.MAX_CAPTION ? caption : "");
        }
        if (reply instanceof Reply.Edit e) {
            return new Reply.Edit(e.chatId(), e.messageId(), Html.escape(Html.toPlain(e.html())), e.buttons());
        }
        return reply;
    }

    static long backoff(int attempts) {
        return Math.min(MAX_BACKOFF_MILLIS, 500L << Math.min(attempts, 3));
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops dispatching, lets calls in flight finish for up to the given time, then abandons them. */
    void close(long waitMillis) {
        running = false;
        dispatcher.interrupt();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
            dispatcher.join(waitMillis);
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        remover.interrupt();
        try {
            remover.join(waitMillis);
            flushSent(new ArrayList<>());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not remove {} sent calls from the outbox; they will be sent again", sentRows.size(), e);
        }
    }

    @Override
    public void close() {
        close(2000);
    }
}
