package coach.bench;

import coach.bank.BankLoader;
import coach.bank.Library;
import coach.cli.ConfigOption;
import coach.Config;
import coach.grading.Grader;
import coach.grading.llm.ApiKey;
import coach.grading.llm.InMemoryBudgetStore;
import coach.grading.llm.LlmGrading;
import coach.grading.llm.LlmSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Collections;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coach bench}: measurements against an in-process fake Bot API, never the real one. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks against an in-process fake Bot API; without a subcommand, all of them in one table.",
        subcommands = {BenchCommand.All.class, BenchCommand.Grading.class, BenchCommand.Throughput.class,
                BenchCommand.Delivery.class})
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        All all = new All();
        all.config = config;
        all.spec = spec;
        return all.call();
    }

    private static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** Every figure, measured in the same run, as one table. */
    @Command(name = "all", mixinStandardHelpOptions = true,
            description = "Throughput against an echo bot, grading time, delivery rate, memory and start-up, as one table.")
    public static final class All implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Option(names = "--updates", defaultValue = "6000", description = "updates per throughput round (default: ${DEFAULT-VALUE})")
        int updates = 6000;

        @Option(names = "--rounds", defaultValue = "5", description = "measured throughput rounds (default: ${DEFAULT-VALUE})")
        int rounds = 5;

        @Option(names = "--delivery-users", defaultValue = "1500",
                description = "users due for the delivery run (default: ${DEFAULT-VALUE})")
        int deliveryUsers = 1500;

        @Option(names = "--rate", defaultValue = "25", description = "messages per second allowed (default: ${DEFAULT-VALUE})")
        int rate = 25;

        @Option(names = "--users-in-db", defaultValue = "1000000",
                description = "users in the database for the memory figure (default: ${DEFAULT-VALUE})")
        int usersInDatabase = 1_000_000;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            quietLogs();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter progress = spec.commandLine().getErr();
            FullBench.Report report = new FullBench(config.load(),
                    new FullBench.Settings(updates, rounds, deliveryUsers, rate, usersInDatabase)).run(progress);
            out.println();
            out.print(Table.format(report.figures()));
            out.println();
            report.conditions().forEach(line -> out.println("- " + line));
            out.flush();
            return 0;
        }
    }

    /** The grader against a labelled set of answers, and its speed. */
    @Command(name = "grading", mixinStandardHelpOptions = true,
            description = "Agreement of the grader with labelled answers (ρ, r, mean error, per kind) and grading time.")
    public static final class Grading implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Option(names = "--set", paramLabel = "DIR", description = "folder of labelled *.jsonl files (default: ${DEFAULT-VALUE})")
        Path set = GradingAccuracy.DEFAULT_SET;

        @Option(names = "--llm", description = "grade the set with the model configured in grading.llm (key from "
                + ApiKey.VARIABLE + ") instead of the offline grader")
        boolean llm;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isDirectory(set)) {
                spec.commandLine().getErr().println("coach: no labelled set at " + set);
                return 2;
            }
            Config settings = config.load();
            Library library = new BankLoader().load(settings.banksDir()).library();
            if (llm) {
                return withModel(settings, library, out);
            }
            GradingAccuracy.Report report = GradingAccuracy.measure(library, GradingAccuracy.read(set), new Grader());
            out.print(GradingAccuracy.format(report));
            GradingBench.Result time = new GradingBench(library).run();
            out.printf("%ngrading time over %,d answers to %d questions: p50 %d µs, p99 %d µs, max %d µs%n",
                    time.answers(), time.questions(), time.p50Nanos() / 1000, time.p99Nanos() / 1000,
                    time.maxNanos() / 1000);
            out.flush();
            return 0;
        }

        private int withModel(Config settings, Library library, PrintWriter out) throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (settings.llm().isEmpty()) {
                err.println("coach: --llm needs a grading.llm block in the config (see README, Grading with a model)");
                return 2;
            }
            LlmSettings model = settings.llm().get();
            try (LlmGrading grading = LlmGrading.of(model, ApiKey.fromEnvironment(), new Grader(),
                    new InMemoryBudgetStore(), Clock.systemUTC())) {
                if (!grading.probe().join()) {
                    err.println("coach: the model " + model.model() + " did not answer at " + model.url()
                            + "; nothing measured");
                    return 2;
                }
                LlmGradingAccuracy.Result result = new LlmGradingAccuracy(library, grading, model.concurrency())
                        .run(GradingAccuracy.read(set), err);
                out.print(GradingAccuracy.format(result.report()));
                out.print(LlmGradingAccuracy.format(result));
                out.flush();
                return 0;
            }
        }
    }

    /** Replied updates per second, the coach against an echo bot, each behind its own fake Bot API. */
    @Command(name = "throughput", mixinStandardHelpOptions = true,
            description = "Updates handled and replied to per second: the coach against an echo bot on the same library.")
    public static final class Throughput implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Option(names = "--updates", defaultValue = "6000", description = "updates per round (default: ${DEFAULT-VALUE})")
        int updates;

        @Option(names = "--rounds", defaultValue = "5", description = "measured rounds (default: ${DEFAULT-VALUE})")
        int rounds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            quietLogs();
            PrintWriter out = spec.commandLine().getOut();
            Library library = new BankLoader().load(config.load().banksDir()).library();
            ThroughputBench.Result r = new ThroughputBench(config.load(), FullBench.halfAnswers(library), updates,
                    rounds).run(out);
            out.printf("coach %,.0f replied updates/s (handled %,.0f/s), echo bot %,.0f/s (medians); ratio %.2f (median "
                    + "of the rounds' ratios, %.2f to %.2f); calls per update: coach %.2f, echo %.2f%n",
                    r.coachPerSecond(), r.coachHandledPerSecond(), r.echoPerSecond(), r.ratio(),
                    Collections.min(r.ratios()), Collections.max(r.ratios()), r.coachCallsPerUpdate(),
                    r.echoCallsPerUpdate());
            return 0;
        }
    }

    /** The daily broadcast to N due users through the real client, at a fake server enforcing R per second. */
    @Command(name = "delivery", mixinStandardHelpOptions = true,
            description = "Deliver the daily question to N users through a fake Bot API that answers 429 above R/s.")
    public static final class Delivery implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Option(names = "--users", defaultValue = "10000", description = "users due now (default: ${DEFAULT-VALUE})")
        int users;

        @Option(names = "--rate", defaultValue = "25", description = "messages per second allowed (default: ${DEFAULT-VALUE})")
        int rate;

        @Option(names = "--idle", defaultValue = "0", description = "extra users in the database, not due (default: ${DEFAULT-VALUE})")
        int idle;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            quietLogs();
            PrintWriter out = spec.commandLine().getOut();
            DeliveryBench.Result r = new DeliveryBench(config.load(), users, rate, idle).run(out);
            out.printf("%-28s %,d of %,d%n", "delivered", r.delivered(), r.users());
            out.printf("%-28s %,d%n", "duplicates", r.duplicates());
            out.printf("%-28s %,d%n", "429s received", r.refused());
            out.printf("%-28s %.2f/s of %d/s = %.3f%n", "achieved rate / R", r.achievedPerSecond(), r.rate(), r.ratio());
            out.printf("%-28s %s (after GC, %,d users in the database)%n", "heap used", Memory.megabytes(r.heapBytes()),
                    r.users() + r.idle());
            r.residentBytes().ifPresent(rss -> out.printf("%-28s %s%n", "resident memory", Memory.megabytes(rss)));
            return 0;
        }
    }
}
