package coach.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The smallest bot on the same library, HTTP settings and polling as {@link TelegramBot}: it sends every text back
 * and answers every button press, with the library's own single-thread consumer. The benchmark's baseline.
 */
public final class EchoBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EchoBot.class);

    private final OkHttpClient pollHttp;
    private final OkHttpClient sendHttp;
    private final ScheduledExecutorService pollExecutor;
    private final TelegramBotsLongPollingApplication polling;
    private final AtomicInteger answered;

    private EchoBot(OkHttpClient pollHttp, OkHttpClient sendHttp, ScheduledExecutorService pollExecutor,
                    TelegramBotsLongPollingApplication polling, AtomicInteger answered) {
        this.pollHttp = pollHttp;
        this.sendHttp = sendHttp;
        this.pollExecutor = pollExecutor;
        this.polling = polling;
        this.answered = answered;
    }

    /** Starts polling the Bot API at {@code api}. */
    public static EchoBot start(URI api, String token) throws TelegramApiException {
        TelegramUrl url = TelegramBot.telegramUrl(api);
        OkHttpClient sendHttp = TelegramBot.http(Duration.ofSeconds(30)).build();
        OkHttpClient pollHttp = TelegramBot.http(Duration.ofSeconds(TelegramBot.POLL_TIMEOUT_SECONDS + 25)).build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(sendHttp, token, url);
        AtomicInteger answered = new AtomicInteger();
        ScheduledExecutorService pollExecutor = Executors.newSingleThreadScheduledExecutor(Sender.daemon("echo-poll"));
        TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, () -> pollHttp, () -> pollExecutor, CappedBackOff::new);
        polling.registerBot(token, () -> url, lastReceived -> GetUpdates.builder()
                .offset(lastReceived + 1).limit(100).timeout(TelegramBot.POLL_TIMEOUT_SECONDS)
                .allowedUpdates(TelegramBot.ALLOWED_UPDATES).build(),
                (LongPollingSingleThreadUpdateConsumer) update -> echo(client, update, answered));
        return new EchoBot(pollHttp, sendHttp, pollExecutor, polling, answered);
    }

    private static void echo(OkHttpTelegramClient client, Update update, AtomicInteger answered) {
        try {
            if (update.hasMessage() && update.getMessage().hasText()) {
                client.execute(SendMessage.builder().chatId(update.getMessage().getChatId())
                        .text(update.getMessage().getText()).build());
            } else if (update.hasCallbackQuery()) {
                client.execute(AnswerCallbackQuery.builder().callbackQueryId(update.getCallbackQuery().getId())
                        .text(update.getCallbackQuery().getData()).build());
            }
            answered.incrementAndGet();
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Echo of update {} failed: {}", update.getUpdateId(), e.getMessage());
        }
    }

    /** Updates answered so far. */
    public int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        TelegramBot.quietPollerLog();
        try {
            polling.close();
        } catch (Exception e) {
            log.warn("Stopping the poller: {}", e.getMessage());
        }
        pollExecutor.shutdownNow();
        for (OkHttpClient http : List.of(pollHttp, sendHttp)) {
            http.dispatcher().cancelAll();
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
    }
}
