package coach.telegram;

import coach.chat.Engine;
import coach.chat.Reply;
import coach.chat.Texts;
import coach.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The Telegram front end, the only code that knows telegrambots: long polling from the offset stored in SQLite,
 * each update handed to the engine once, and every reply sent through the outbox.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    static final int POLL_TIMEOUT_SECONDS = 50;
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "channel_post", "my_chat_member");
    static final int SEND_THREADS = 8;

    private final OkHttpClient pollHttp;
    private final OkHttpClient sendHttp;
    private final ScheduledExecutorService pollExecutor;
    private final Parallel prework;
    private final Thread menu;
    private final TelegramBotsLongPollingApplication polling;
    private final Sender sender;
    private final Outbox outbox;
    private final Clock clock;

    private TelegramBot(OkHttpClient pollHttp, OkHttpClient sendHttp, ScheduledExecutorService pollExecutor,
                        Parallel prework, Thread menu, TelegramBotsLongPollingApplication polling, Sender sender,
                        Outbox outbox, Clock clock) {
        this.pollHttp = pollHttp;
        this.sendHttp = sendHttp;
        this.pollExecutor = pollExecutor;
        this.prework = prework;
        this.menu = menu;
        this.polling = polling;
        this.sender = sender;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** How long a send, and a long poll, may wait for Telegram's answer before the call counts as failed. */
    public record Timeouts(Duration send, Duration poll) {
        public static final Timeouts DEFAULT =
                new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(POLL_TIMEOUT_SECONDS + 25));
    }

    /** Where the Bot API is, the bot's token, the global sending rate, and the HTTP timeouts. */
    public record Connection(URI apiUrl, String token, int messagesPerSecond, Timeouts timeouts) {
        public Connection {
            Objects.requireNonNull(apiUrl, "apiUrl");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(timeouts, "timeouts");
        }
    }

    /** Connects with the token, publishes the command menu, and starts polling and sending. */
    public static TelegramBot start(Connection connection, Engine engine, Database db, Clock clock) {
        Timeouts timeouts = connection.timeouts();
        String token = connection.token();
        TelegramUrl url = telegramUrl(connection.apiUrl());
        // Two clients with their own dispatchers and pools, so that cancelling the long poll at shutdown
        // never cancels a send in flight.
        // One kept-alive connection per sender thread: OkHttp keeps five by default, and the others would reconnect.
        OkHttpClient sendHttp = http(timeouts.send())
                .connectionPool(new ConnectionPool(SEND_THREADS, 5, TimeUnit.MINUTES)).build();
        OkHttpClient pollHttp = http(timeouts.poll()).addInterceptor(new UnreadablePolls()).build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(sendHttp, token, url);
        String username = whoAmI(client);

        Outbox outbox = new Outbox(db);
        ApiCalls api = new ApiCalls(client);
        Sender sender = new Sender(outbox, api, engine, clock, connection.messagesPerSecond(), SEND_THREADS);
        UpdateLog updates = new UpdateLog(db);
        Parallel prework = Parallel.perProcessor();
        UpdateHandler handler = new UpdateHandler(db, updates, new UpdateMapper(username), engine, outbox, sender,
                new ChatRoles(api, clock), prework, clock);
        ScheduledExecutorService pollExecutor = Executors.newSingleThreadScheduledExecutor(Sender.daemon("coach-poll"));
        TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, () -> pollHttp, () -> pollExecutor, CappedBackOff::new);
        sender.start();
        try {
            polling.registerBot(token, () -> url, lastReceived -> GetUpdates.builder()
                    .offset(updates.nextOffset()).limit(100).timeout(POLL_TIMEOUT_SECONDS)
                    .allowedUpdates(ALLOWED_UPDATES).build(), handler);
        } catch (TelegramApiException e) {
            sender.close(0);
            pollExecutor.shutdownNow();
            prework.close();
            throw new BotStartException("could not start polling: " + e.getMessage(), e);
        }
        // The menu is cosmetic: publish it while polling already runs, so start-up does not wait for six calls.
        Thread menu = Sender.daemon("coach-menu").newThread(() -> CommandMenu.publish(client, new Texts(),
                engine.menu(), engine.groupMenu()));
        menu.start();
        log.info("Polling as @{} from offset {}; {} replies waiting in the outbox", username, updates.nextOffset(),
                outbox.size());
        return new TelegramBot(pollHttp, sendHttp, pollExecutor, prework, menu, polling, sender, outbox, clock);
    }

    /** The HTTP settings of every Bot API client: the poll gets a read timeout longer than its long poll. */
    static OkHttpClient.Builder http(Duration readTimeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(readTimeout).writeTimeout(Duration.ofSeconds(30));
    }

    private static String whoAmI(OkHttpTelegramClient client) {
        try {
            User me = client.execute(new GetMe());
            return me.getUserName();
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
                throw new BotStartException("Telegram refused the token (" + e.getErrorCode()
                        + "): check TELEGRAM_BOT_TOKEN against the one @BotFather gave you", e);
            }
            throw new BotStartException("Telegram refused getMe: " + e.getMessage(), e);
        } catch (TelegramApiException e) {
            throw new BotStartException("cannot reach the Bot API: " + e.getMessage(), e);
        }
    }

    static TelegramUrl telegramUrl(URI api) {
        int port = api.getPort() > 0 ? api.getPort() : "https".equals(api.getScheme()) ? 443 : 80;
        return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
    }

    /** Queues messages nobody is waiting for (the daily question) behind every reply to a user. */
    public void broadcast(List<Reply> replies) {
        replies.forEach(reply -> outbox.add(reply, Outbox.BROADCAST, clock.instant()));
        sender.wake();
    }

    /**
     * Queues messages the coach starts on its own but someone is watching for (a battle's rounds, a grade that came
     * back from the model), in the caller's transaction if there is one.
     */
    public void post(List<Reply> replies) {
        replies.forEach(reply -> outbox.add(reply, Outbox.REPLY, clock.instant()));
        sender.wake();
    }

    /** Replies still waiting to be sent. */
    public int pending() {
        return outbox.size();
    }

    /** Stops polling and sending within a few seconds; calls in flight are abandoned, never half-recorded. */
    @Override
    public void close() {
        menu.interrupt();
        quietPollerLog();
        try {
            polling.close();
        } catch (Exception e) {
            log.warn("Stopping the poller: {}", e.getMessage());
        }
        pollHttp.dispatcher().cancelAll();
        pollExecutor.shutdownNow();
        sender.close(2000);
        for (OkHttpClient http : List.of(pollHttp, sendHttp)) {
            http.dispatcher().cancelAll();
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
        try {
            pollExecutor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        prework.close();
        log.info("Stopped");
    }

    /** The library logs the cancelled long poll of a normal shutdown as an error; it is not one. */
    static void quietPollerLog() {
        if (LoggerFactory.getLogger(BotSession.class) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    /** The bot could not start; the message says why in one sentence. */
    public static final class BotStartException extends RuntimeException {
        BotStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
