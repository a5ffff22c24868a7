package coach.cli;

import coach.Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command accepts. */
public final class ConfigOption {

    /** The settings file used when none is given; when it is missing, every setting takes its default. */
    static final Path DEFAULT = Path.of("config/coach.json");

    @Option(names = "--config", paramLabel = "FILE",
            description = "settings file (default: config/coach.json in the coach's folder); a FILE given must exist")
    Path file;

    public Config load() {
        return file == null ? Config.load(DEFAULT) : Config.loadExisting(file);
    }
}
