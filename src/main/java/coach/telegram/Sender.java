package coach.telegram;

import coach.chat.Html;
import coach.chat.Reply;
import coach.chat.Engine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /** Ready calls read per worker in each pass: enough to skip chats in flight or at their limit. */
    private static final int READ_PER_THREAD = 3;
    private static final long FORGET_EVERY_MILLIS = 1000;
    private static final long IDLE_WAIT_MILLIS = 500;
    private static final long BUSY_WAIT_MILLIS = 5;
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
    /** Guards the in-flight sets; held while reading the outbox, so never taken by a thread inside a transaction. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Guards only the wake-up signal, so that {@link #wake} is safe to call from inside a transaction. */
    private final ReentrantLock signalLock = new ReentrantLock();
    private final Condition changed = signalLock.newCondition();
    private final Set<Long> inFlightItems = new HashSet<>();
    private final Set<Long> inFlightChats = new HashSet<>();
    private final AtomicInteger sent = new AtomicInteger();
    /** Rows Telegram accepted, deleted from the outbox together by the dispatcher's next pass. */
    private final ConcurrentLinkedQueue<Long> sentRows = new ConcurrentLinkedQueue<>();
    /**
     * The calls last read from the outbox, dispatched from while another thread holds the database (a poll's
     * transaction), so sending goes on meanwhile; calls finished since that read are in {@code finished}.
     */
    private List<Outbox.Item> lastRead = List.of();
    private final Set<Long> finished = new HashSet<>();
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
    }

    void start() {
        dispatcher.start();
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
                boolean dispatched = dispatchReady();
                pause(dispatched ? 0 : waitMillis());
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

    private boolean dispatchReady() {
        long now = clock.millis();
        boolean dispatched = false;
        lock.lock();
        try {
            if (lastRead.isEmpty() || !outbox.busyElsewhere()) {
                // Read under the lock, after deleting the rows already sent: a worker records its outcome before
                // it leaves the in-flight set, so every row seen here is either still waiting or still in flight.
                flushSent();
                lastRead = outbox.ready(now, threads * READ_PER_THREAD);
                finished.clear();
            }
            Set<Long> blocked = new HashSet<>(inFlightChats);
            for (Outbox.Item item : lastRead) {
                if (inFlightItems.size() >= threads) {
                    // Never queue calls behind busy workers: a queue would release them later in a burst.
                    break;
                }
                if (inFlightItems.contains(item.id()) || finished.contains(item.id()) || blocked.contains(item.chatId())) {
                    continue;
                }
                blocked.add(item.chatId());
                if (item.isMessage() && !limits.tryAcquire(item.chatId(), now)) {
                    continue;
                }
                inFlightItems.add(item.id());
                inFlightChats.add(item.chatId());
                workers.execute(() -> deliver(item));
                dispatched = true;
            }
            if (now - forgotAt >= FORGET_EVERY_MILLIS) {
                limits.forgetIdle(now);
                forgotAt = now;
            }
        } finally {
            lock.unlock();
        }
        return dispatched;
    }

    private long waitMillis() {
        long next = outbox.nextDueMillis();
        if (next < 0) {
            return IDLE_WAIT_MILLIS;
        }
        long now = clock.millis();
        if (next <= now) {
            // Items are ready: wait exactly for the global pace when that is what holds them back, otherwise
            // (a chat's own limit, or its call still in flight) a short poll; a finished send wakes us anyway.
            long untilToken;
            lock.lock();
            try {
                untilToken = limits.millisUntilGlobalToken(now);
            } finally {
                lock.unlock();
            }
            return untilToken > 0 ? untilToken : BUSY_WAIT_MILLIS;
        }
        return Math.max(BUSY_WAIT_MILLIS, Math.min(IDLE_WAIT_MILLIS, next - now));
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
        int busy = 0;
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
            outbox.retryAt(item.id(), clock.millis() + wait);
        } finally {
            lock.lock();
            try {
                if (item.isMessage()) {
                    limits.finished(item.chatId(), clock.millis());
                }
                inFlightItems.remove(item.id());
                inFlightChats.remove(item.chatId());
                finished.add(item.id());
                busy = inFlightItems.size();
            } finally {
                lock.unlock();
            }
            if (busy <= threads / 2) {
                // Under load, let several workers finish before the next pass, so each pass starts several calls.
                wake();
            }
        }
    }

    /** Deletes the rows sent since the last pass in one transaction; on failure they wait for the next pass. */
    private void flushSent() {
        List<Long> rows = new ArrayList<>();
        for (Long id = sentRows.poll(); id != null; id = sentRows.poll()) {
            rows.add(id);
        }
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
                outbox.retryAt(item.id(), clock.millis() + wait);
            }
            case UNREACHABLE -> {
                log.info("Chat {} is unreachable ({}); marking it inactive", item.chatId(), description);
                engine.unreachable(item.chatId());
                outbox.dropChat(item.chatId());
            }
            case NOT_HTML -> {
                log.error("Telegram refused the HTML of a message to chat {} ({}); sending it as plain text",
                        item.chatId(), description);
                outbox.replace(item.id(), plain(item.reply()));
            }
            case TROUBLE -> {
                long wait = backoff(item.attempts());
                log.warn("Telegram server error {} for chat {} ({}); retrying in {} ms", code, item.chatId(),
                        code == 0 ? "unreadable answer" : description, wait);
                outbox.retryAt(item.id(), clock.millis() + wait);
            }
            case HARMLESS -> {
                log.debug("Ignoring harmless refusal for chat {}: {}", item.chatId(), description);
                outbox.done(item.id());
            }
            case FINAL -> {
                log.error("Telegram refused a call to chat {} for good: {} {}", item.chatId(), code, description);
                outbox.done(item.id());
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
        try {
            flushSent();
        } catch (RuntimeException e) {
            log.warn("Could not remove {} sent calls from the outbox; they will be sent again", sentRows.size(), e);
        }
    }

    @Override
    public void close() {
        close(2000);
    }
}
