package coach.telegram;

import coach.bench.FakeBotApi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestCoach;
import coach.store.Database;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a real child process, killed with SIGKILL in the middle of a burst of updates and started again:
 * every update is handled exactly once, and only sends in flight at the kill can repeat.
 */
class RestartTest {

    private static final int USERS = 60;
    private static final long FIRST_USER = 1000;

    @TempDir
    Path dir;

    @Test
    void aBurstSurvivesAHardKillMidwayAndAGracefulStop() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            Path config = writeConfig(api.url());
            for (long user = FIRST_USER; user < FIRST_USER + USERS; user++) {
                api.push(api.text(user, "/help"));
            }
            api.delaySends(java.time.Duration.ofMillis(30));

            Process first = startBot(config, "first");
            api.awaitCount("sendMessage", c -> c.text().contains("/question"), 15);
            first.destroyForcibly();
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            int beforeRestart = api.calls("sendMessage").size();
            assertTrue(beforeRestart < USERS, "killed part-way: " + beforeRestart + " of " + USERS + " sent");

            Process second = startBot(config, "second");
            api.awaitCount("sendMessage", c -> c.text().contains("/question"), USERS);
            Thread.sleep(500);
            second.destroy();
            assertTrue(second.waitFor(5, TimeUnit.SECONDS), "SIGTERM stops the bot within 5 s");

            Map<Long, Long> perChat = api.calls("sendMessage").stream()
                    .collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
            assertEquals(USERS, perChat.size(), "every user got the reply");
            long repeats = perChat.values().stream().mapToLong(n -> n - 1).sum();
            assertTrue(repeats <= TelegramBot.SEND_THREADS, "only sends in flight at the kill repeat: " + repeats);

            try (Database db = Database.open(dir.resolve("coach.db"))) {
                assertEquals(USERS, db.number("SELECT COUNT(*) FROM handled_updates"));
                assertEquals(USERS + 1, db.number("SELECT next_offset FROM poll_state"));
                assertEquals(USERS, db.number("SELECT COUNT(*) FROM users"));
                assertEquals(0, db.number("SELECT COUNT(*) FROM outbox"), "nothing left unsent");
            }
        }
    }

    private Path writeConfig(String apiUrl) throws IOException {
        Path config = dir.resolve("coach.json");
        Files.writeString(config, """
                {
                  "telegram": { "apiUrl": "%s" },
                  "storage": { "path": "%s" },
                  "banks": { "dir": "%s" }
                }
                """.formatted(apiUrl, dir.resolve("coach.db").toString().replace("\\", "/"),
                TestCoach.testBanks().toString().replace("\\", "/")));
        return config;
    }

    private Process startBot(Path config, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "coach.Main", "run", "--config", config.toString());
        builder.environment().put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        File log = Path.of("target", "test-logs", "restart-" + name + ".log").toFile();
        log.getParentFile().mkdirs();
        builder.redirectErrorStream(true).redirectOutput(log);
        return builder.start();
    }
}
