package coach.bench;

import coach.Coach;
import coach.Config;
import coach.telegram.TelegramBot;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * Start-up to the first poll: from the JVM's start, and from the call of {@link TelegramBot#start}, to the fake
 * server receiving the first getUpdates. Loading the banks and migrating a new database happen in between, as
 * in {@code coach run}; only meaningful as the first thing a process does.
 */
public final class StartupBench {

    private final Config base;

    /**
     * Milliseconds from the JVM's start and from {@link TelegramBot#start} to the first poll, and how long loading
     * the banks and opening the database took in between.
     */
    public record Result(long fromJvmStartMillis, long assembleMillis, long fromBotStartMillis) {
    }

    public StartupBench(Config base) {
        this.base = base;
    }

    public Result run() throws IOException, InterruptedException {
        try (Sandbox sandbox = new Sandbox()) {
            Config settings = sandbox.config(base, base.messagesPerSecond());
            long assembling = System.nanoTime();
            try (Coach coach = Coach.assemble(settings, settings.storagePath(), Clock.systemUTC(), new Random(1))) {
                long start = System.nanoTime();
                try (Coach.Online online = coach.connect(FakeBotApi.TOKEN)) {
                    long firstPoll = sandbox.api().awaitFirstPoll(Duration.ofSeconds(30));
                    long firstPollEpochMillis = System.currentTimeMillis() - (System.nanoTime() - firstPoll) / 1_000_000;
                    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                    return new Result(firstPollEpochMillis - jvmStart, (start - assembling) / 1_000_000,
                            (firstPoll - start) / 1_000_000);
                }
            }
        }
    }
}
