package coach;

import coach.admin.AdminFlow;
import coach.admin.UsageStore;
import coach.bank.BankLoader;
import coach.bank.Library;
import coach.bank.Question;
import coach.bank.Problem;
import coach.battle.BattleTicker;
import coach.battle.Battles;
import coach.chat.Engine;
import coach.chat.Flow;
import coach.chat.Reply;
import coach.chat.Texts;
import coach.grading.Grader;
import coach.grading.llm.LlmGrading;
import coach.mock.MockFlow;
import coach.mock.MockStore;
import coach.pending.BudgetRows;
import coach.pending.GradingWorker;
import coach.pending.PendingStore;
import coach.practice.PracticeFlow;
import coach.practice.PracticeStore;
import coach.practice.QuestionPicker;
import coach.progress.Progress;
import coach.progress.ProgressPicture;
import coach.progress.StatsFlow;
import coach.report.ReportFlow;
import coach.report.ReportStore;
import coach.schedule.DailyMessage;
import coach.schedule.DailyScheduler;
import coach.schedule.DeliveryStore;
import coach.settings.SettingsFlow;
import coach.settings.TopicsFlow;
import coach.store.Database;
import coach.telegram.TelegramBot;
import coach.user.UserStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The coach's object graph, built by hand: banks, database, stores, the conversation engine, and once connected
 * the Telegram bot with the daily questions and battle rounds it delivers. Both front ends (Telegram and the
 * terminal), the benchmarks and the tests assemble it here, with one {@link Clock} for every part. With
 * {@code grading.llm} configured, answers wait in the {@link PendingStore} and the {@link GradingWorker} applies their
 * grades once a front end has given it somewhere to send the replies ({@link #startGrading}).
 */
public final class Coach implements AutoCloseable {

    /**
     * The bot's clock: it paces, times out and retries calls to a server that lives in real time, so it follows
     * real time even where the coach's own days follow a clock set by hand.
     */
    private static final Clock TRANSPORT_CLOCK = Clock.systemUTC();

    private final Config config;
    private final Clock clock;
    private final Database db;
    private final AtomicReference<Library> library;
    private final UserStore users;
    private final Battles battles;
    private final Engine engine;
    private final Grader grader;
    private final LlmGrading grading;
    private final GradingWorker worker;

    private Coach(Config config, Clock clock, Database db, Library library, RandomGenerator random,
                  Function<Progress, byte[]> painter, boolean floodControl) {
        this.config = config;
        this.clock = clock;
        this.db = db;
        this.library = new AtomicReference<>(library);
        this.users = new UserStore(db);
        PracticeStore practice = new PracticeStore(db);
        MockStore mocks = new MockStore(db);
        ReportStore reports = new ReportStore(db);
        QuestionPicker picker = new QuestionPicker(practice, random);
        this.grader = new Grader();
        Texts texts = new Texts();
        this.grading = LlmGrading.fromConfig(config.llm(), grader, new BudgetRows(db), clock);
        PendingStore pending = new PendingStore(db, grading.configured());
        PracticeFlow practiceFlow = new PracticeFlow(this.library::get, users, practice, picker, grader, pending, clock);
        this.battles = new Battles(db, this.library::get, texts, clock, random,
                new Battles.Settings(config.battleRounds(), config.battleRoundSeconds(), config.dailyZone()));
        MockFlow mockFlow = new MockFlow(this.library::get, users, mocks, practice, picker, practiceFlow, pending, clock);
        StatsFlow statsFlow = new StatsFlow(this.library::get, practice, painter, db, clock);
        List<Flow> flows = List.of(
                practiceFlow,
                mockFlow,
                new TopicsFlow(this.library::get, users),
                statsFlow,
                new SettingsFlow(users, clock),
                new ReportFlow(users, practice, mocks, reports, config.admins(), clock),
                new AdminFlow(config.admins(), this.library, () -> new BankLoader().load(config.banksDir()),
                        new UsageStore(db), reports, practice, clock));
        this.engine = new Engine(db, users, texts, clock, new Engine.Defaults(config.dailyTime(), config.dailyZone()),
                this.library::get, flows, battles, new DailyMessage(practiceFlow, mockFlow, statsFlow), floodControl);
        this.worker = new GradingWorker(db, pending, grading, engine, users, this.library::get,
                List.of(practiceFlow, mockFlow), clock);
    }

    /** Loads and checks the banks, opens the database at {@code storage}, and wires the engine for Telegram. */
    public static Coach assemble(Config config, Path storage, Clock clock, RandomGenerator random) {
        return assemble(config, storage, clock, random, ProgressPicture::render);
    }

    /** The same with the /stats picture drawn by {@code painter}. */
    public static Coach assemble(Config config, Path storage, Clock clock, RandomGenerator random,
                                 Function<Progress, byte[]> painter) {
        return withBanksAndDatabase(config, storage,
                (library, db) -> new Coach(config, clock, db, library, random, painter, true));
    }

    /** The same for the terminal chat: one local user, so no flood control. */
    public static Coach assembleLocal(Config config, Path storage, Clock clock, RandomGenerator random) {
        return withBanksAndDatabase(config, storage,
                (library, db) -> new Coach(config, clock, db, library, random, ProgressPicture::render, false));
    }

    /**
     * Loads the banks while the database opens and migrates on another thread, since start-up waits for both; a
     * failure of either closes the other and is thrown as it was.
     */
    private static Coach withBanksAndDatabase(Config config, Path storage,
                                              BiFunction<Library, Database, Coach> build) {
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Database.open(storage));
        Library library;
        try {
            library = loadBanks(config.banksDir());
        } catch (RuntimeException e) {
            opening.thenAccept(Database::close);
            throw e;
        }
        Database db;
        try {
            db = opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        try {
            return build.apply(library, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The banks in the folder, or a failure listing every problem the checker found. */
    public static Library loadBanks(Path dir) {
        BankLoader.Result result = new BankLoader().load(dir);
        if (!result.ok()) {
            throw new BanksInvalidException(result.problems());
        }
        return result.library();
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return db;
    }

    public Engine engine() {
        return engine;
    }

    public UserStore users() {
        return users;
    }

    public Library library() {
        return library.get();
    }

    public Battles battles() {
        return battles;
    }

    /**
     * Starts grading the answers that wait for the model, those a crash left first; each reply goes to {@code sink}
     * inside the transaction that applies its grade. Without {@code grading.llm} only answers left from a run with
     * a model are graded, offline, before this returns. Called by the front end; a front end connected again
     * replaces the sink.
     */
    public void startGrading(Consumer<List<Reply>> sink) {
        worker.start(sink);
    }

    /**
     * Connects to Telegram with the token and starts polling and sending, and grading the answers that wait for the
     * model; the daily questions and the battles wait for {@link Online#startTicking}.
     */
    public Online connect(String token) {
        return connect(token, TelegramBot.Timeouts.DEFAULT);
    }

    /** The same with other HTTP timeouts. */
    public Online connect(String token, TelegramBot.Timeouts timeouts) {
        TelegramBot bot = TelegramBot.start(
                new TelegramBot.Connection(config.apiUrl(), token, config.messagesPerSecond(), timeouts),
                engine, db, TRANSPORT_CLOCK);
        startGrading(bot::post);
        return new Online(bot, new DailyScheduler(db, new DeliveryStore(db), engine, bot::broadcast, clock),
                new BattleTicker(db, battles, bot::post));
    }

    /**
     * Readies the grader for every question on a background thread of low priority, so that the first answer to
     * each question after a start does not wait for its aliases to be compiled.
     */
    public void warmGrader() {
        List<Question> questions = library.get().banks().stream().flatMap(b -> b.questions().stream()).toList();
        Thread warm = new Thread(() -> grader.warm(questions), "coach-warm");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /** The bot, and what it delivers on its own: the daily questions and the battles' rounds. */
    public record Online(TelegramBot bot, DailyScheduler daily, BattleTicker battles) implements AutoCloseable {

        /** Starts the daily questions and the battles' rounds ticking in the background. */
        public void startTicking() {
            daily.start();
            battles.start();
        }

        /** Stops the ticks, then polling and sending. */
        @Override
        public void close() {
            daily.close();
            battles.close();
            bot.close();
        }
    }

    @Override
    public void close() {
        worker.close();
        grading.close();
        db.close();
    }

    /** The banks failed the checker; the message lists each problem on its own line. */
    public static final class BanksInvalidException extends RuntimeException {
        private final List<Problem> problems;

        public BanksInvalidException(List<Problem> problems) {
            super("the banks have problems:\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }
}
