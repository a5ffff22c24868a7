package coach;

import coach.grading.llm.LlmSettings;
import coach.progress.Progress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/** Builds a coach for tests: the small test banks, a database in a temporary folder, and a given clock. */
public final class TestCoach {

    public static final long ADMIN = 9000;

    private TestCoach() {
    }

    public static Path testBanks() {
        return Path.of("src/test/resources/testbanks").toAbsolutePath();
    }

    public static Config config(String apiUrl) {
        return new Config(URI.create(apiUrl), Path.of("unused.db"), testBanks(), LocalTime.of(9, 0),
                ZoneId.of("Asia/Shanghai"), 25, 5, 20, List.of(ADMIN));
    }

    /** The same settings with {@code grading.llm} at {@code model} (model "fake-7b", 20 s timeout, 2 at once). */
    public static Config withModel(Config config, URI model, int perUserPerDay) {
        return new Config(config.apiUrl(), config.storagePath(), config.banksDir(), config.dailyTime(),
                config.dailyZone(), config.messagesPerSecond(), config.battleRounds(), config.battleRoundSeconds(),
                config.admins(), Optional.of(new LlmSettings(model, "fake-7b", Duration.ofSeconds(20), perUserPerDay, 2)));
    }

    public static Coach assemble(Path dir, Config config, Clock clock) {
        return Coach.assemble(config, dir.resolve("coach.db"), clock, new Random(7));
    }

    public static Coach assemble(Path dir, Config config, Clock clock, Function<Progress, byte[]> painter) {
        return Coach.assemble(config, dir.resolve("coach.db"), clock, new Random(7), painter);
    }
}
