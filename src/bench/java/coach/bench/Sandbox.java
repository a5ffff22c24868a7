package coach.bench;

import coach.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A fake Bot API and a temporary folder for one benchmark's database, both gone when closed. */
final class Sandbox implements AutoCloseable {

    private final Path dir;
    private final FakeBotApi api;

    Sandbox() throws IOException {
        this.dir = Files.createTempDirectory("coach-bench");
        this.api = new FakeBotApi();
    }

    FakeBotApi api() {
        return api;
    }

    /** The operator's settings pointed at the fake server and a fresh database, sending at most the given rate. */
    Config config(Config base, int messagesPerSecond) {
        return new Config(URI.create(api.url()), dir.resolve("bench.db"), base.banksDir(), base.dailyTime(),
                base.dailyZone(), messagesPerSecond, base.battleRounds(), base.battleRoundSeconds(), List.of());
    }

    @Override
    public void close() {
        api.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
