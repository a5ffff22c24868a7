package coach.bench;

import coach.Coach;
import coach.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The daily broadcast: seeds users due now (and idle ones), runs one scheduler pass, and sends the questions
 * through the real client to a fake Bot API that answers 429 above the rate. Reads the memory at the end,
 * with every user still in the database.
 */
public final class DeliveryBench {

    private final Config base;
    private final int users;
    private final int rate;
    private final int idle;

    /** What the run achieved; the achieved rate is over the span from the first send to the last. */
    public record Result(int users, int idle, double seedSeconds, int queued, double queueSeconds, int delivered,
                         long duplicates, int refused, double achievedPerSecond, int rate, long heapBytes,
                         OptionalLong residentBytes) {

        public double ratio() {
            return achievedPerSecond / rate;
        }
    }

    public DeliveryBench(Config base, int users, int rate, int idle) {
        if (users < 2 || rate < 1 || idle < 0) {
            throw new IllegalArgumentException("need at least 2 users, a rate of 1 or more, and idle >= 0");
        }
        this.base = base;
        this.users = users;
        this.rate = rate;
        this.idle = idle;
    }

    /** Runs the broadcast; progress lines go to {@code progress}. */
    public Result run(PrintWriter progress) throws IOException, InterruptedException {
        try (Sandbox sandbox = new Sandbox()) {
            FakeBotApi api = sandbox.api();
            api.limitSendsPerSecond(rate);
            Config settings = sandbox.config(base, rate);
            try (Coach coach = Coach.assemble(settings, settings.storagePath(), Clock.systemUTC(), new Random(1))) {
                long seedStart = System.nanoTime();
                new UserSeeder(coach.database()).seed(users, idle, coach.library().topics(), Instant.now());
                double seedSeconds = seconds(seedStart);
                progress.printf("seeded %,d due + %,d idle users in %.1f s%n", users, idle, seedSeconds);
                progress.flush();
                return deliver(coach, api, progress, seedSeconds);
            }
        }
    }

    private Result deliver(Coach coach, FakeBotApi api, PrintWriter progress, double seedSeconds)
            throws InterruptedException {
        int queued;
        double queueSeconds;
        try (Coach.Online online = coach.connect(FakeBotApi.TOKEN)) {
            long start = System.nanoTime();
            queued = online.daily().tick();
            queueSeconds = seconds(start);
            progress.printf("queued %,d daily questions in %.1f s%n", queued, queueSeconds);
            progress.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(users / rate * 2L + 60).toNanos();
            while (api.count("sendMessage") < queued && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        List<FakeBotApi.Call> sends = api.calls("sendMessage");
        Map<Long, Long> perChat = sends.stream()
                .collect(Collectors.groupingBy(FakeBotApi.Call::chatId, Collectors.counting()));
        return new Result(users, idle, seedSeconds, queued, queueSeconds, perChat.size(),
                sends.size() - perChat.size(), api.refusedForRate(), achieved(sends), rate,
                Memory.heapAfterGc(), Memory.residentBytes());
    }

    private static double achieved(List<FakeBotApi.Call> sends) {
        if (sends.size() < 2) {
            return 0;
        }
        double span = (sends.get(sends.size() - 1).atMillis() - sends.get(0).atMillis()) / 1000.0;
        return span == 0 ? 0 : (sends.size() - 1) / span;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
