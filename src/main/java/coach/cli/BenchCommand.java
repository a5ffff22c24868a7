package coach.cli;

import coach.Coach;
import coach.Config;
import coach.bench.FakeBotApi;
import coach.schedule.DailyScheduler;
import coach.schedule.DeliveryStore;
import coach.store.Database;
import coach.telegram.TelegramBot;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coach bench}: measurements against an in-process fake Bot API, never the real one. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks against an in-process fake Bot API.",
        subcommands = BenchCommand.Delivery.class)
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            PrintWriter out = spec.commandLine().getOut();
            Path dir = Files.createTempDirectory("coach-bench");
            try (FakeBotApi api = new FakeBotApi()) {
                api.limitSendsPerSecond(rate);
                Config base = config.load();
                Config settings = new Config(URI.create(api.url()), dir.resolve("bench.db"), base.banksDir(),
                        base.dailyTime(), base.dailyZone(), rate, base.battleRounds(), base.battleRoundSeconds(), List.of());
                try (Coach coach = Coach.assemble(settings, settings.storagePath(), Clock.systemUTC(), new Random(1))) {
                    long seedStart = System.nanoTime();
                    seed(coach.database(), coach.library().topics(), Instant.now());
                    out.printf("seeded %,d due + %,d idle users in %.1f s%n", users, idle, seconds(seedStart));
                    measure(coach, api, out);
                }
            } finally {
                deleteQuietly(dir);
            }
            return 0;
        }

        private void measure(Coach coach, FakeBotApi api, PrintWriter out) throws InterruptedException {
            TelegramBot bot = TelegramBot.start(coach, FakeBotApi.TOKEN);
            try (DailyScheduler scheduler = new DailyScheduler(coach.database(), new DeliveryStore(coach.database()),
                    coach.engine(), bot::broadcast, Clock.systemUTC())) {
                long start = System.nanoTime();
                int queued = scheduler.tick();
                out.printf("queued %,d daily questions in %.1f s%n", queued, seconds(start));
                long deadline = System.nanoTime() + Duration.ofSeconds(users / Math.max(1, rate) * 2L + 60).toNanos();
                while (delivered(api).size() < queued && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            } finally {
                bot.close();
            }
            report(api, out);
        }

        private void report(FakeBotApi api, PrintWriter out) {
            List<FakeBotApi.Call> sends = api.calls("sendMessage");
            Map<Long, Long> perChat = delivered(api);
            long duplicates = sends.size() - perChat.size();
            double span = sends.size() < 2 ? 0 : (sends.get(sends.size() - 1).atMillis() - sends.get(0).atMillis()) / 1000.0;
            double achieved = span == 0 ? 0 : (sends.size() - 1) / span;
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            out.printf("%-28s %,d of %,d%n", "delivered", perChat.size(), users);
            out.printf("%-28s %,d%n", "duplicates", duplicates);
            out.printf("%-28s %,d%n", "429s received", api.refusedForRate());
            out.printf("%-28s %.2f/s of %d/s = %.3f%n", "achieved rate / R", achieved, rate, achieved / rate);
            out.printf("%-28s %,d MB (after GC, %,d users in the database)%n", "heap used", heapMb, users + idle);
        }

        private static Map<Long, Long> delivered(FakeBotApi api) {
            return api.calls("sendMessage").stream()
                    .collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
        }

        private void seed(Database db, List<String> topics, Instant now) {
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            String time = LocalTime.ofInstant(now, zone).withSecond(0).withNano(0).toString();
            db.tx(c -> {
                try (PreparedStatement user = c.prepareStatement("""
                        INSERT INTO users (user_id, chat_id, first_name, language, zone, daily_time, created_at, next_due_at)
                        VALUES (?, ?, '', 'zh', ?, ?, ?, ?)""");
                     PreparedStatement sub = c.prepareStatement("INSERT INTO subscriptions (user_id, topic) VALUES (?, ?)")) {
                    for (long id = 1; id <= (long) users + idle; id++) {
                        boolean due = id <= users;
                        user.setLong(1, id);
                        user.setLong(2, id);
                        user.setString(3, zone.getId());
                        user.setString(4, time);
                        user.setLong(5, now.getEpochSecond());
                        user.setLong(6, due ? now.getEpochSecond() - 1 : now.getEpochSecond() + 43_200);
                        user.addBatch();
                        if (id % 10_000 == 0) {
                            user.executeBatch();
                        }
                    }
                    user.executeBatch();
                    for (long id = 1; id <= users; id++) {
                        for (String topic : topics) {
                            sub.setLong(1, id);
                            sub.setString(2, topic);
                            sub.addBatch();
                        }
                        sub.executeBatch();
                    }
                }
                return null;
            });
        }

        private static double seconds(long startNanos) {
            return (System.nanoTime() - startNanos) / 1e9;
        }

        private static void deleteQuietly(Path dir) throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
