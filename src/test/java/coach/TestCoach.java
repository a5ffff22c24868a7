package coach;

import coach.progress.Progress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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

    public static Coach assemble(Path dir, Config config, Clock clock) {
        return Coach.assemble(config, dir.resolve("coach.db"), clock, new Random(7));
    }

    public static Coach assemble(Path dir, Config config, Clock clock, Function<Progress, byte[]> painter) {
        return Coach.assemble(config, dir.resolve("coach.db"), clock, new Random(7), painter);
    }
}
