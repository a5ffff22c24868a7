package coach.bench;

import coach.Coach;
import coach.Config;
import coach.telegram.EchoBot;
import coach.telegram.TelegramBot;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Updates handled and replied to per second, the coach against an echo bot on the same library, each behind its
 * own in-process fake Bot API. An update counts once its replies have been accepted by the fake server. The
 * coach's global send cap is raised out of the way and every user stays within Telegram's per-chat burst, so
 * what is measured is the bot, not Telegram's limits.
 */
public final class ThroughputBench {

    /** The coach's send cap here: far above what a machine can do, so it never holds a reply back. */
    static final int UNCAPPED = 1_000_000;
    private static final long TIMEOUT_NANOS = 300_000_000_000L;

    private final Config base;
    private final UpdateMix mix;
    private final int users;
    private final int rounds;

    /** Updates per second in each measured round, and the medians. */
    public record Result(int updates, int users, List<Double> coachRounds, List<Double> echoRounds) {
        public Result {
            coachRounds = List.copyOf(coachRounds);
            echoRounds = List.copyOf(echoRounds);
        }

        public double coachPerSecond() {
            return median(coachRounds);
        }

        public double echoPerSecond() {
            return median(echoRounds);
        }

        public double ratio() {
            return coachPerSecond() / echoPerSecond();
        }
    }

    public ThroughputBench(Config base, List<String> answers, int updates, int rounds) {
        if (updates < UpdateMix.UPDATES_PER_USER || rounds < 1) {
            throw new IllegalArgumentException("need at least 3 updates and 1 round");
        }
        this.base = base;
        this.mix = new UpdateMix(answers);
        this.users = updates / UpdateMix.UPDATES_PER_USER;
        this.rounds = rounds;
    }

    public Result run(PrintWriter progress) throws Exception {
        try (Sandbox echoSide = new Sandbox(); Sandbox coachSide = new Sandbox()) {
            Config settings = coachSide.config(base, UNCAPPED);
            try (EchoBot echo = EchoBot.start(URI.create(echoSide.api().url()), FakeBotApi.TOKEN);
                 Coach coach = Coach.assemble(settings, settings.storagePath(), Clock.systemUTC(), new Random(1))) {
                TelegramBot bot = TelegramBot.start(coach, FakeBotApi.TOKEN);
                try {
                    return measure(Side.echo(echoSide.api(), echo), Side.coach(coachSide.api(), bot, coach), progress);
                } finally {
                    bot.close();
                }
            }
        }
    }

    private Result measure(Side echo, Side coach, PrintWriter progress) throws InterruptedException {
        int warmUpUsers = Math.max(1, users / 2);
        echo.push(mix, warmUpUsers);
        coach.push(mix, warmUpUsers);
        List<Double> echoRounds = new ArrayList<>();
        List<Double> coachRounds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            echoRounds.add(echo.push(mix, users));
            coachRounds.add(coach.push(mix, users));
            progress.printf("throughput round %d of %d: echo %,.0f/s, coach %,.0f/s%n", round, rounds,
                    echoRounds.get(echoRounds.size() - 1), coachRounds.get(coachRounds.size() - 1));
            progress.flush();
        }
        return new Result(users * UpdateMix.UPDATES_PER_USER, users, coachRounds, echoRounds);
    }

    /** Whether a bot has answered every update pushed so far. */
    private interface Answered {
        boolean all(int pushed, long lastUpdateId);
    }

    /** One bot behind its fake server. */
    private static final class Side {
        private final FakeBotApi api;
        private final Answered answered;
        private int pushed;
        private long lastUpdateId;
        private long nextUser = 1;

        private Side(FakeBotApi api, Answered answered) {
            this.api = api;
            this.answered = answered;
        }

        static Side echo(FakeBotApi api, EchoBot echo) {
            return new Side(api, (pushed, last) -> echo.answered() >= pushed);
        }

        /** The coach has answered when every update is recorded as handled and its outbox is empty. */
        static Side coach(FakeBotApi api, TelegramBot bot, Coach coach) {
            return new Side(api, (pushed, last) ->
                    coach.database().number("SELECT next_offset FROM poll_state WHERE id = 1") > last
                            && bot.pending() == 0);
        }

        /** Pushes the users' updates at once; returns updates per second until all are handled and replied to. */
        double push(UpdateMix mix, int users) throws InterruptedException {
            List<ObjectNode> updates = mix.build(api, nextUser, users);
            nextUser += users;
            long start = System.nanoTime();
            for (ObjectNode update : updates) {
                lastUpdateId = api.push(update);
                pushed++;
            }
            while (!answered.all(pushed, lastUpdateId)) {
                if (System.nanoTime() - start > TIMEOUT_NANOS) {
                    throw new IllegalStateException("the bot did not answer " + updates.size() + " updates in time");
                }
                Thread.sleep(5);
            }
            return updates.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
