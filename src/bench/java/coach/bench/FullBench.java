package coach.bench;

import coach.Coach;
import coach.Config;
import coach.bank.Library;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.List;

/**
 * Every benchmark in one process and the figures they yield against their targets: start-up first while the JVM
 * is still cold, memory before the throughput runs grow the heap.
 */
public final class FullBench {

    static final double THROUGHPUT_TARGET = 0.8;
    static final long GRADING_P99_TARGET_NANOS = 1_000_000;
    static final double DELIVERY_TARGET = 0.95;
    static final long HEAP_TARGET_BYTES = 256L * 1024 * 1024;
    static final long STARTUP_TARGET_MILLIS = 2_000;
    private static final String STARTUP_CONDITIONS = "start-up: the first thing the process does: banks loaded, a "
            + "new database migrated, command menu published, then polling; until the fake server's first getUpdates";

    private final Config base;
    private final Settings settings;

    /** How much each benchmark does. */
    public record Settings(int updates, int rounds, int deliveryUsers, int rate, int usersInDatabase) {
        public Settings {
            if (usersInDatabase < deliveryUsers) {
                throw new IllegalArgumentException("the users in the database include the delivery's users");
            }
        }
    }

    /** The table's rows and the conditions each was measured under. */
    public record Report(List<Figure> figures, List<String> conditions) {
        public Report {
            figures = List.copyOf(figures);
            conditions = List.copyOf(conditions);
        }
    }

    public FullBench(Config base, Settings settings) {
        this.base = base;
        this.settings = settings;
    }

    /** Runs everything; progress lines go to {@code progress}. */
    public Report run(PrintWriter progress) throws Exception {
        StartupBench.Result startup = new StartupBench(base).run();
        step(progress, "start-up measured");
        Library library = Coach.loadBanks(base.banksDir());
        GradingBench.Result grading = new GradingBench(library).run();
        step(progress, "grading measured");
        DeliveryBench.Result delivery = new DeliveryBench(base, settings.deliveryUsers(), settings.rate(),
                settings.usersInDatabase() - settings.deliveryUsers()).run(progress);
        ThroughputBench.Result throughput = new ThroughputBench(base, halfAnswers(library), settings.updates(),
                settings.rounds()).run(progress);
        return new Report(
                List.of(throughput(throughput), grading(grading), delivery(delivery), memory(delivery), startup(startup)),
                List.of(throughputConditions(throughput), gradingConditions(grading), deliveryConditions(delivery),
                        memoryConditions(delivery), STARTUP_CONDITIONS));
    }

    private static void step(PrintWriter progress, String line) {
        progress.println(line);
        progress.flush();
    }

    /** What users answer in the throughput run: the first half of each reference answer. */
    public static List<String> halfAnswers(Library library) {
        return library.banks().stream().flatMap(b -> b.questions().stream())
                .map(q -> q.answer().substring(0, q.answer().length() / 2)).toList();
    }

    private String throughputConditions(ThroughputBench.Result r) {
        return String.format("throughput: %,d updates (/question, an answer, a \"next question\" press) from %,d "
                        + "users, pushed at once; median of %d rounds' coach/echo ratios after warm-up rounds that last until the JIT compiler is done (two in a row under 5%% of their time compiling); the rates shown are each bot's median. An update counts once its "
                        + "replies are accepted by the fake server (the coach made %.2f calls an update, the echo bot "
                        + "%.2f); the coach had handled them at %,.0f/s, its outbox drained after. Its send cap is "
                        + "raised to %,d/s and each user gets 3 messages (Telegram's per-chat burst), so Telegram's "
                        + "limits are not what is measured",
                r.updates(), r.users(), settings.rounds(), r.coachCallsPerUpdate(), r.echoCallsPerUpdate(),
                r.coachHandledPerSecond(), ThroughputBench.UNCAPPED);
    }

    private static String gradingConditions(GradingBench.Result r) {
        return String.format("grading: %,d gradings, each timed alone: every shipped question (%d) with its "
                + "reference answer, half of it, and random text, after a warm-up; max %s", r.answers(), r.questions(),
                micros(r.maxNanos()));
    }

    private static String deliveryConditions(DeliveryBench.Result r) {
        return String.format("delivery: %,d users due at once, fake server answering 429 above %d/s; rate over the "
                        + "span from the first send to the last; %,d 429s, %,d duplicates, %,d of %,d delivered",
                r.users(), r.rate(), r.refused(), r.duplicates(), r.delivered(), r.users());
    }

    private static String memoryConditions(DeliveryBench.Result r) {
        return String.format("memory: read after the delivery's scheduler pass with %,d users in the database "
                + "(seeded in %.1f s); resident memory also holds what start-up and grading grew, "
                + "and the JVM's default heap limit lets the heap stay large", r.users() + r.idle(), r.seedSeconds());
    }

    private static Figure throughput(ThroughputBench.Result r) {
        return new Figure("update throughput, coach / echo bot",
                String.format("%,.0f/s / %,.0f/s, ratio %.2f (rounds %.2f–%.2f)", r.coachPerSecond(), r.echoPerSecond(),
                        r.ratio(), Collections.min(r.ratios()), Collections.max(r.ratios())),
                String.format("≥ %.2f", THROUGHPUT_TARGET), r.ratio() >= THROUGHPUT_TARGET);
    }

    private static Figure grading(GradingBench.Result r) {
        return new Figure("grading time per answer", "p50 " + micros(r.p50Nanos()) + ", p99 " + micros(r.p99Nanos()),
                "p99 < 1 ms", r.p99Nanos() < GRADING_P99_TARGET_NANOS);
    }

    private static Figure delivery(DeliveryBench.Result r) {
        return new Figure("daily delivery, achieved / configured rate",
                String.format("%.2f/s of %d/s = %.3f", r.achievedPerSecond(), r.rate(), r.ratio()),
                String.format("≥ %.2f", DELIVERY_TARGET), r.ratio() >= DELIVERY_TARGET && r.delivered() == r.users());
    }

    private static Figure memory(DeliveryBench.Result r) {
        String rss = r.residentBytes().isPresent() ? ", resident " + Memory.megabytes(r.residentBytes().getAsLong()) : "";
        return new Figure(String.format("memory, %,d users in the database", r.users() + r.idle()),
                "heap " + Memory.megabytes(r.heapBytes()) + " after GC" + rss, "heap < 256 MB",
                r.heapBytes() < HEAP_TARGET_BYTES);
    }

    private static Figure startup(StartupBench.Result r) {
        return new Figure("start-up to first poll",
                String.format("%.2f s from JVM start (banks and database %.2f s, TelegramBot.start %.2f s)",
                        r.fromJvmStartMillis() / 1000.0, r.assembleMillis() / 1000.0, r.fromBotStartMillis() / 1000.0),
                "< 2 s from JVM start", r.fromJvmStartMillis() < STARTUP_TARGET_MILLIS);
    }

    static String micros(long nanos) {
        return nanos < 10_000 ? String.format("%.1f µs", nanos / 1000.0) : String.format("%,d µs", nanos / 1000);
    }
}
