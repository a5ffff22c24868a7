package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.TestCoach;
import coach.bench.FakeBotApi.Call;
import coach.bench.FakeBotApi;
import coach.schedule.DeliveryStore;
import coach.store.Database;
import coach.user.User;
import coach.user.UserStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a real child process, killed with SIGKILL at random moments, three times, while it answers a burst of
 * reports, sends a daily broadcast and runs a battle, and finally stopped with SIGTERM: every update is handled
 * exactly once, every reply and daily question arrives, the battle ends, and only sends in flight at a kill repeat,
 * at most one per sender thread per kill.
 */
class RestartTest {

    private static final long SEED = Long.getLong("coach.restart.seed", System.nanoTime());
    private static final int REPORTERS = 40;
    private static final long FIRST_REPORTER = 1000;
    private static final int DAILY = 30;
    private static final long FIRST_DAILY = 3000;
    private static final long GROUP = -100_999;
    private static final long ADMIN = 1;
    private static final int KILLS = 3;
    /** Replies to the reporters (a prompt and a thank-you each), daily questions, and the battle's messages. */
    private static final int EXPECTED_SENDS = 2 * REPORTERS + DAILY + 5;
    private static final String INJECTION = "'); DROP TABLE users;-- <b>&amp;</b>";

    @TempDir
    Path dir;

    @Test
    void nothingIsLostAcrossHardKillsDuringABurstADailyBroadcastAndABattle() throws Exception {
        Random random = new Random(SEED);
        try (FakeBotApi api = new FakeBotApi()) {
            api.makeAdmin(GROUP, ADMIN);
            api.delaySends(Duration.ofMillis(20));
            Path config = writeConfig(api.url());
            seedDailyUsers();
            for (long user = FIRST_REPORTER; user < FIRST_REPORTER + REPORTERS; user++) {
                api.push(api.text(user, "/report"));
                api.push(api.text(user, "r" + user + " " + INJECTION));
            }
            api.push(api.groupText(GROUP, ADMIN, "/battle redis 2"));

            for (int kill = 0; kill < KILLS; kill++) {
                int at = EXPECTED_SENDS * (20 + 25 * kill + random.nextInt(15)) / 100;
                Process bot = startBot(config, "run" + kill);
                waitFor(() -> sends(api) >= at || !bot.isAlive(), 30_000);
                bot.destroyForcibly();
                assertTrue(bot.waitFor(10, TimeUnit.SECONDS));
                assertTrue(sends(api) < EXPECTED_SENDS, "seed " + SEED + ": kill " + kill + " came after the work");
            }
            Process last = startBot(config, "last");
            waitFor(() -> done(api), 40_000);
            last.destroy();
            assertTrue(last.waitFor(5, TimeUnit.SECONDS), "SIGTERM stops the bot within 5 s");

            Map<String, Long> perMessage = api.calls("sendMessage").stream()
                    .collect(Collectors.groupingBy(c -> c.chatId() + " " + c.text(), Collectors.counting()));
            long repeats = perMessage.values().stream().mapToLong(n -> n - 1).sum();
            assertTrue(repeats <= (long) KILLS * TelegramBot.SEND_THREADS,
                    "seed " + SEED + ": only sends in flight at a kill repeat, " + repeats);
            for (long user = FIRST_REPORTER; user < FIRST_REPORTER + REPORTERS; user++) {
                assertTrue(perMessage.containsKey(user + " Thank you! Your report is stored for the admins."));
            }
            for (long user = FIRST_DAILY; user < FIRST_DAILY + DAILY; user++) {
                long id = user;
                assertTrue(api.sentTo(user).stream().anyMatch(c -> c.text().contains("Today's question")),
                        "daily question for " + id);
            }
            assertDatabase();
        }
    }

    private static long sends(FakeBotApi api) {
        return api.calls().stream().filter(c -> c.method().startsWith("send") || c.method().startsWith("edit")).count();
    }

    /** Every reply and daily question sent, the battle over, and nothing waiting. */
    private boolean done(FakeBotApi api) {
        boolean replied = api.calls("sendMessage").stream().filter(c -> c.text().startsWith("Thank you!"))
                .map(Call::chatId).distinct().count() == REPORTERS;
        boolean daily = api.calls("sendMessage").stream().filter(c -> c.text().contains("Today's question"))
                .map(Call::chatId).distinct().count() == DAILY;
        boolean battle = api.sentTo(GROUP).stream().anyMatch(c -> c.text().contains("Battle over"));
        return replied && daily && battle && waiting() == 0;
    }

    /** Calls still in the bot's outbox, read without migrating or locking the database. */
    private long waiting() {
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("coach.db"));
             var rows = db.createStatement().executeQuery("SELECT COUNT(*) FROM outbox")) {
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private void assertDatabase() {
        try (Database db = Database.open(dir.resolve("coach.db"))) {
            assertEquals(2 * REPORTERS + 1, db.number("SELECT COUNT(*) FROM handled_updates"));
            assertEquals(2 * REPORTERS + 2, db.number("SELECT next_offset FROM poll_state"));
            for (long user = FIRST_REPORTER; user < FIRST_REPORTER + REPORTERS; user++) {
                assertEquals(List.of("r" + user + " " + INJECTION),
                        db.list("SELECT text FROM reports WHERE user_id = ?", rs -> rs.getString(1), user),
                        "one report, stored verbatim");
            }
            assertEquals(DAILY, db.number("SELECT COUNT(*) FROM deliveries"), "one daily question per user");
            assertEquals("finished", db.one("SELECT status FROM battles WHERE chat_id = ?", rs -> rs.getString(1),
                    GROUP).orElseThrow());
            assertEquals(REPORTERS + DAILY, db.number("SELECT COUNT(*) FROM users"));
            assertEquals(List.of(), db.list("SELECT payload FROM outbox", rs -> rs.getString(1)), "nothing left unsent");
        }
    }

    /** Users whose daily question is due now, so the scheduler's first pass delivers to them all. */
    private void seedDailyUsers() {
        Instant now = Instant.now();
        try (Database db = Database.open(dir.resolve("coach.db"))) {
            UserStore users = new UserStore(db);
            DeliveryStore deliveries = new DeliveryStore(db);
            for (long user = FIRST_DAILY; user < FIRST_DAILY + DAILY; user++) {
                users.create(new User(user, user, "Daily" + user, "en", ZoneOffset.UTC,
                        LocalTime.ofInstant(now, ZoneOffset.UTC), false, true, null, false), now);
                users.subscribe(user, List.of("python", "redis"));
                deliveries.reschedule(user, now.minusSeconds(1));
            }
        }
    }

    private static void waitFor(BooleanSupplier condition, long millis) {
        Await.until("seed " + SEED + ": done", Duration.ofMillis(millis), condition);
    }

    private Path writeConfig(String apiUrl) throws IOException {
        Path config = dir.resolve("coach.json");
        Files.writeString(config, """
                {
                  "telegram": { "apiUrl": "%s" },
                  "storage": { "path": "%s" },
                  "banks": { "dir": "%s" },
                  "delivery": { "messagesPerSecond": 50 },
                  "battle": { "roundSeconds": 2 }
                }
                """.formatted(apiUrl, dir.resolve("coach.db").toString().replace("\\", "/"),
                TestCoach.testBanks().toString().replace("\\", "/")));
        return config;
    }

    private Process startBot(Path config, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "coach.cli.Main", "run", "--config", config.toString());
        builder.environment().put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        File log = Path.of("target", "test-logs", "restart-" + name + ".log").toFile();
        log.getParentFile().mkdirs();
        builder.redirectErrorStream(true).redirectOutput(log);
        return builder.start();
    }
}
