package coach;

import coach.bench.FakeBotApi;
import coach.telegram.TelegramBot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A live bot for each test: the fake Bot API on 127.0.0.1, a coach on the test banks and a fresh database, and the
 * bot connected through {@link Coach#connect}; all of it closed after the test. Register it with
 * {@code @RegisterExtension}.
 */
public final class LiveBot implements BeforeEachCallback, AfterEachCallback {

    private final Clock clock;
    private Consumer<FakeBotApi> prepare = api -> { };
    private TelegramBot.Timeouts timeouts = TelegramBot.Timeouts.DEFAULT;
    private Path dir;
    private FakeBotApi api;
    private Coach coach;
    private Coach.Online online;

    private LiveBot(Clock clock) {
        this.clock = clock;
    }

    /** A live bot whose coach follows {@code clock}. */
    public static LiveBot on(Clock clock) {
        return new LiveBot(clock);
    }

    /** Sets up the fake server before the coach connects (admins, held polls, stalls). */
    public LiveBot preparing(Consumer<FakeBotApi> prepare) {
        this.prepare = prepare;
        return this;
    }

    public LiveBot with(TelegramBot.Timeouts timeouts) {
        this.timeouts = timeouts;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("coach-live");
        api = new FakeBotApi();
        prepare.accept(api);
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            shut();
            api.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(LiveBot::delete);
            }
        }
    }

    /** Stops the bot and connects again, as a restarted process does with the same database. */
    public void restart() {
        online.close();
        online = coach.connect(FakeBotApi.TOKEN, timeouts);
    }

    /** Closes the bot and the coach, then assembles and connects both again on the same database. */
    public void reopen() {
        shut();
        open();
    }

    public FakeBotApi api() {
        return api;
    }

    public Coach coach() {
        return coach;
    }

    public Coach.Online online() {
        return online;
    }

    private void open() {
        coach = TestCoach.assemble(dir, TestCoach.config(api.url()), clock);
        online = coach.connect(FakeBotApi.TOKEN, timeouts);
    }

    private void shut() {
        online.close();
        coach.close();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
