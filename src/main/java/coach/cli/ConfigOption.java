package coach.cli;

import coach.Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command accepts. */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/coach.json",
            description = "settings file (default: ${DEFAULT-VALUE})")
    Path file;

    Config load() {
        return Config.load(file);
    }
}
