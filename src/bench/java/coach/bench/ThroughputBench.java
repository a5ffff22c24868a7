package coach.bench;

import coach.Coach;
import coach.Config;
import coach.telegram.EchoBot;
import coach.telegram.TelegramBot;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

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
    /** The share of a warm-up pair's time spent compiling below which the JIT counts as done. */
    static final double SETTLED = 0.05;
    static final int SETTLED_PAIRS = 2;
    static final int MAX_WARM_UP = 20;
    private static final List<String> REPLY_METHODS =
            List.of("sendMessage", "answerCallbackQuery", "editMessageText", "editMessageReplyMarkup");

    private final Config base;
    private final UpdateMix mix;
    private final int users;
    private final int rounds;

    /** One burst: updates per second until all were handled, and until all their replies were accepted. */
    public record Round(double handledPerSecond, double repliedPerSecond) {
    }

    /** The measured rounds of each bot, and the Bot API calls each made per update. */
    public record Result(int updates, int users, List<Round> coach, List<Round> echo, double coachCallsPerUpdate,
                         double echoCallsPerUpdate) {
        public Result {
            coach = List.copyOf(coach);
            echo = List.copyOf(echo);
        }

        public double coachPerSecond() {
            return median(coach.stream().map(Round::repliedPerSecond).toList());
        }

        public double coachHandledPerSecond() {
            return median(coach.stream().map(Round::handledPerSecond).toList());
        }

        public double echoPerSecond() {
            return median(echo.stream().map(Round::repliedPerSecond).toList());
        }

        /**
         * The median over rounds of the coach's rate over the echo bot's in the same round: the two run back to back,
         * so a machine that speeds up or slows down between rounds moves both figures of a pair alike.
         */
        public double ratio() {
            return median(ratios());
        }

        /** Each round's coach rate over its echo rate, in round order. */
        public List<Double> ratios() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < coach.size(); i++) {
                ratios.add(coach.get(i).repliedPerSecond() / echo.get(i).repliedPerSecond());
            }
            return ratios;
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
                try (Coach.Online online = coach.connect(FakeBotApi.TOKEN)) {
                    coach.warmGrader(); // as `./coach run` does
                    return measure(Side.echo(echoSide.api(), echo), Side.coach(coachSide.api(), online.bot(), coach),
                            progress);
                }
            }
        }
    }

    private Result measure(Side echo, Side coach, PrintWriter progress) throws InterruptedException {
        warmUp(echo, coach, progress);
        List<Round> echoRounds = new ArrayList<>();
        List<Round> coachRounds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Round e = echo.push(mix, users);
            Round c = coach.push(mix, users);
            echoRounds.add(e);
            coachRounds.add(c);
            progress.printf("throughput round %d of %d: echo %,.0f/s, coach %,.0f/s (handled %,.0f/s), ratio %.2f%n",
                    round, rounds, e.repliedPerSecond(), c.repliedPerSecond(), c.handledPerSecond(),
                    c.repliedPerSecond() / e.repliedPerSecond());
            progress.flush();
        }
        return new Result(users * UpdateMix.UPDATES_PER_USER, users, coachRounds, echoRounds, coach.callsPerUpdate(),
                echo.callsPerUpdate());
    }

    /**
     * Rounds of both bots until the JIT compiler is done with their code: a bot that runs for days is measured, not
     * its first minute, when compiling the coach's larger code takes a third of the machine. Two pairs of rounds in a
     * row in which compiling took less than {@link #SETTLED} of the time end the warm-up; at most {@link #MAX_WARM_UP}
     * pairs.
     */
    private void warmUp(Side echo, Side coach, PrintWriter progress) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int warmUpUsers = Math.max(1, users / 2);
        int settled = 0;
        for (int pair = 1; pair <= MAX_WARM_UP; pair++) {
            long compiledBefore = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            echo.push(mix, warmUpUsers);
            coach.push(mix, warmUpUsers);
            double compiling = (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - start) / 1e6);
            progress.printf("warm-up %d: compiling took %.0f%% of the time%n", pair, compiling * 100);
            progress.flush();
            settled = compiling < SETTLED ? settled + 1 : 0;
            if (settled == SETTLED_PAIRS) {
                return;
            }
        }
    }

    /** Whether a bot has handled every update pushed so far. */
    private interface Handled {
        boolean upTo(int pushed, long lastUpdateId);
    }

    /** One bot behind its fake server, with how to tell that it has handled, and replied to, what was pushed. */
    private static final class Side {
        private final FakeBotApi api;
        private final Handled handled;
        private final BooleanSupplier drained;
        private int pushed;
        private long nextUser = 1;

        private Side(FakeBotApi api, Handled handled, BooleanSupplier drained) {
            this.api = api;
            this.handled = handled;
            this.drained = drained;
        }

        /** The echo bot replies while it handles: an update is handled once its reply is accepted. */
        static Side echo(FakeBotApi api, EchoBot echo) {
            return new Side(api, (pushed, last) -> echo.answered() >= pushed, () -> true);
        }

        /** The coach has handled an update once it is recorded, and replied once its outbox is empty. */
        static Side coach(FakeBotApi api, TelegramBot bot, Coach coach) {
            return new Side(api, (pushed, last) ->
                    coach.database().number("SELECT next_offset FROM poll_state WHERE id = 1") > last,
                    () -> bot.pending() == 0);
        }

        /** Pushes the users' updates at once and waits until all are handled and replied to. */
        Round push(UpdateMix mix, int users) throws InterruptedException {
            List<ObjectNode> updates = mix.build(api, nextUser, users);
            nextUser += users;
            long start = System.nanoTime();
            long last = 0;
            for (ObjectNode update : updates) {
                last = api.push(update);
                pushed++;
            }
            while (!handled.upTo(pushed, last)) {
                pause(start);
            }
            long handledAt = System.nanoTime();
            while (!drained.getAsBoolean()) {
                pause(start);
            }
            long replied = System.nanoTime();
            return new Round(updates.size() / ((handledAt - start) / 1e9), updates.size() / ((replied - start) / 1e9));
        }

        double callsPerUpdate() {
            return (double) REPLY_METHODS.stream().mapToInt(api::count).sum() / pushed;
        }

        private static void pause(long start) throws InterruptedException {
            if (System.nanoTime() - start > TIMEOUT_NANOS) {
                throw new IllegalStateException("the bot did not answer its updates in time");
            }
            Thread.sleep(5);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
