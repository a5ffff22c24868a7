package coach.cli;

import ch.qos.logback.classic.Level;
import coach.Coach;
import coach.Config;
import coach.grading.llm.ApiKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coach chat}: the same coach in the terminal, on its own database. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat with the coach in the terminal; buttons are numbered, type the number to press one.")
public final class ChatCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--db", paramLabel = "FILE",
            description = "SQLite file for the terminal chat (default: data/chat.db in the coach's folder)")
    Path database = Path.of("data/chat.db");

    @Override
    public Integer call() throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Redaction.hide(System.getenv(ApiKey.VARIABLE));
        Config settings = config.load();
        try (Coach coach = Coach.assembleLocal(settings, database, Clock.systemUTC(), RandomGenerator.getDefault())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            Path pictures = database.toAbsolutePath().getParent();
            TerminalChat chat = new TerminalChat(coach.engine(), TerminalChat.language(System.getenv()), in, out, pictures);
            coach.startGrading(chat::arrived);
            chat.run();
        }
        return 0;
    }
}
