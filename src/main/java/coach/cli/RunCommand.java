package coach.cli;

import coach.Coach;
import coach.Config;
import coach.grading.llm.ApiKey;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code coach run}: the long-polling bot, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the Telegram bot (needs TELEGRAM_BOT_TOKEN in the environment).")
public final class RunCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN";

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        String token = System.getenv(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            System.err.println("coach: set " + TOKEN_VARIABLE + " to the token @BotFather gives you when you create "
                    + "a bot (/newbot in Telegram), or try the coach without Telegram with ./coach chat.");
            return 2;
        }
        Redaction.hide(token.strip());
        Redaction.hide(System.getenv(ApiKey.VARIABLE));
        Logger log = LoggerFactory.getLogger(RunCommand.class);
        Config settings = config.load();
        Coach coach = Coach.assemble(settings, settings.storagePath(), Clock.systemUTC(), RandomGenerator.getDefault());
        Coach.Online online;
        try {
            online = coach.connect(token.strip());
        } catch (RuntimeException e) {
            coach.close();
            throw e;
        }
        online.startTicking();
        coach.warmGrader();
        log.info("Interview Coach is running with {} questions in {} topics", coach.library().size(),
                coach.library().topics().size());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            online.close();
            coach.close();
            stopped.countDown();
        }, "coach-shutdown"));
        stopped.await();
        return 0;
    }
}
