package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.bench.FakeBotApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test (a separate surefire execution in the verify build) and reads everything the suite
 * logged, the bot's child processes included: the token, or its secret half, never appears.
 */
class LogScanTest {

    private static final Path LOGS = Path.of("target", "test-logs");

    @Test
    void theTokenNeverAppearsInTheSuitesLogs() throws IOException {
        String secret = FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1);
        List<Path> files;
        try (Stream<Path> list = Files.list(LOGS)) {
            files = list.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        String all = String.join("\n", files.stream().map(LogScanTest::read).toList());
        assertTrue(all.contains("Polling as @" + FakeBotApi.BOT_USERNAME) && all.contains("Stopped"),
                "the scan reads the suite's real log: " + files);
        assertEquals(List.of(), all.lines().filter(line -> line.contains(secret)).limit(5).toList());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
