package coach.chat;

import coach.store.Database;
import coach.user.User;
import coach.user.UserStore;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation: turns what a person did into what the coach says back. Knows nothing of Telegram; the bot and
 * the terminal chat are two front ends over it. Each event is handled in one transaction, and any failure becomes
 * one apologetic reply here, with the stack trace in the log.
 */
public final class Engine {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final Database db;
    private final UserStore users;
    private final Texts texts;
    private final Clock clock;
    private final Defaults defaults;
    private final PracticeFlow practice;
    private final TopicsFlow topics;
    private final SettingsFlow settings;
    private final ReportFlow reports;
    private final StatsFlow stats;
    private final MockFlow mock;
    private final AdminFlow admin;
    private final GroupChats groups;
    private final Map<String, BiConsumer<Turn, String>> commands;
    private final FloodGuard flood;
    private final Parts parts = new Parts();

    /** What a new user starts with. */
    public record Defaults(LocalTime dailyTime, ZoneId zone) {
    }

    public Engine(Database db, UserStore users, Texts texts, Clock clock, Defaults defaults, PracticeFlow practice,
                  TopicsFlow topics, SettingsFlow settings, ReportFlow reports, StatsFlow stats, MockFlow mock,
                  AdminFlow admin, GroupChats groups, boolean floodControl) {
        this.flood = floodControl ? new FloodGuard() : FloodGuard.off();
        this.db = db;
        this.users = users;
        this.texts = texts;
        this.clock = clock;
        this.defaults = defaults;
        this.practice = practice;
        this.topics = topics;
        this.settings = settings;
        this.reports = reports;
        this.stats = stats;
        this.mock = mock;
        this.admin = admin;
        this.groups = groups;
        this.commands = Map.ofEntries(
                Map.entry("start", (turn, args) -> start(turn)),
                Map.entry("help", (turn, args) -> turn.say(turn.t("help"))),
                Map.entry("topics", (turn, args) -> topics.show(turn)),
                Map.entry("question", (turn, args) -> question(turn)),
                Map.entry("skip", (turn, args) -> skip(turn)),
                Map.entry("mock", mock::start),
                Map.entry("admin", this::admin),
                Map.entry("time", settings::time),
                Map.entry("tz", settings::zone),
                Map.entry("lang", settings::language),
                Map.entry("pause", (turn, args) -> settings.pause(turn)),
                Map.entry("resume", (turn, args) -> settings.resume(turn)),
                Map.entry("stats", (turn, args) -> stats.show(turn)),
                Map.entry("weekly", settings::weekly),
                Map.entry("report", reports::start));
    }

    /** Answers one event, doing its slow work first and again while the stored state keeps changing. Never throws. */
    public List<Reply> handle(Incoming in) {
        Prework work = prepare(in);
        while (true) {
            try {
                return handle(in, work);
            } catch (Prework.Stale e) {
                work = prepareAgain(in, work);
            }
        }
    }

    /**
     * The slow work of answering an event, done outside any transaction: grading an answer against the question
     * the user has open, drawing the /stats picture, reading the banks for /admin reload. Also counts the event
     * against the sender's flood allowance, once.
     */
    public Prework prepare(Incoming in) {
        boolean press = in.kind() == Incoming.Kind.CALLBACK;
        return doSlowWork(in, new Prework(flood.check(in.userId(), clock.millis(), press), 1));
    }

    /** The slow work again, after the transaction found that the state it was done for has changed. */
    public Prework prepareAgain(Incoming in, Prework stale) {
        return doSlowWork(in, stale.next());
    }

    private Prework doSlowWork(Incoming in, Prework work) {
        if (work.verdict() != FloodGuard.Verdict.ANSWER || !in.isPrivate() || in.kind() != Incoming.Kind.TEXT) {
            return work;
        }
        try {
            slowWork(new Turn(in, users.find(in.userId()).orElse(null), texts, work));
        } catch (RuntimeException e) {
            work.failed(e);
        }
        return work;
    }

    /** The slow work of one private text; {@code turn.user} is null when the sender is new. */
    private void slowWork(Turn turn) {
        String text = turn.in.text().strip();
        Optional<Command> parsed = Command.parse(text);
        if (parsed.isEmpty()) {
            if (turn.user != null && !turn.user.awaitingReport()) {
                long userId = turn.user.userId();
                db.tx(c -> mock.running(userId) ? mock.currentQuestion(userId) : practice.openQuestion(userId))
                        .ifPresent(question -> practice.gradeAhead(question, text, turn.prework));
            }
            return;
        }
        switch (parsed.get().name()) {
            case "stats" -> stats.drawAhead(turn);
            case "admin" -> admin.readAhead(turn, parsed.get().args());
            default -> {
            }
        }
    }

    /**
     * Answers one event with its slow work done: the caller's transaction, if any, is joined. Throws
     * {@link Prework.Stale} when the slow work no longer fits the stored state and another attempt is due; any other
     * failure is logged and answered with an apology.
     */
    public List<Reply> handle(Incoming in, Prework work) {
        try {
            if (work.failure() != null) {
                throw work.failure();
            }
            return work.verdict() == FloodGuard.Verdict.ANSWER ? db.tx(c -> route(in, work))
                    : slowDown(in, work.verdict());
        } catch (Prework.Stale e) {
            if (work.attempt() < Prework.ATTEMPTS) {
                throw e;
            }
            return apologise(in, e);
        } catch (RuntimeException e) {
            return apologise(in, e);
        }
    }

    private List<Reply> apologise(Incoming in, RuntimeException e) {
        log.error("Failed to handle {} from user {} in chat {}", in.kind(), in.userId(), in.chatId(), e);
        Turn turn = new Turn(in, null, texts, Prework.none());
        if (in.kind() == Incoming.Kind.CALLBACK) {
            turn.toast(turn.t("error"));
        } else {
            turn.say(turn.t("error"));
        }
        return turn.replies();
    }

    /**
     * The answer to someone writing too fast: once, a notice in a private chat asking them to send it again (nothing
     * was handled, so an open question stays open); a press always gets its toast, so the button stops spinning.
     */
    private List<Reply> slowDown(Incoming in, FloodGuard.Verdict verdict) {
        Turn turn = new Turn(in, in.isPrivate() ? users.find(in.userId()).orElse(null) : null, texts,
                Prework.none());
        boolean press = in.kind() == Incoming.Kind.CALLBACK;
        String notice = turn.t(press ? "flood.slow.press" : "flood.slow",
                flood.secondsUntilRoom(in.userId(), clock.millis(), press));
        if (press) {
            turn.toast(notice);
        } else if (verdict == FloodGuard.Verdict.WARN && in.isPrivate()) {
            turn.say(notice);
        }
        return turn.replies();
    }

    /** True when answering the event needs the sender's standing in its group (see {@link Incoming.Role}). */
    public boolean needsRole(Incoming in) {
        return !in.isPrivate() && groups.needsRole(in);
    }

    /** Telegram accepted a tagged message; returns follow-up replies. Never throws. */
    public List<Reply> delivered(String tag, long chatId, int messageId) {
        try {
            return db.tx(c -> groups.delivered(tag, chatId, messageId));
        } catch (RuntimeException e) {
            log.error("Failed to record message {} in chat {} for {}", messageId, chatId, tag, e);
            return List.of();
        }
    }

    /** A chat blocked the coach or is gone: its user stops getting messages (data kept), its battles end. */
    public void unreachable(long chatId) {
        db.tx(c -> {
            users.deactivateChat(chatId);
            groups.unreachable(chatId);
            return null;
        });
    }

    /**
     * The day's message for a user: the daily question, recorded as asked, led by the summary of the week when
     * {@code withSummary}. Empty when there is neither (no summary asked for and no question left in their topics)
     * and while a mock interview runs, so the two never mix.
     */
    public Optional<DailyQuestion> dailyQuestion(long userId, boolean withSummary) {
        return db.tx(c -> users.find(userId).filter(user -> !mock.running(user.userId())).flatMap(user -> {
            Incoming in = new Incoming(Incoming.Kind.TEXT, user.chatId(), Incoming.ChatType.PRIVATE, user.userId(),
                    user.firstName(), user.language(), "", 0, null, null);
            Turn turn = new Turn(in, user, texts, Prework.none());
            return practice.daily(turn, withSummary ? stats.weekly(turn) : "");
        }));
    }

    /** The day's message and the question it carries (null when it carries only the weekly summary). */
    public record DailyQuestion(String questionId, List<Reply> replies) {
        public DailyQuestion {
            replies = List.copyOf(replies);
        }
    }

    private List<Reply> route(Incoming in, Prework work) {
        if (!in.isPrivate()) {
            return groups.handle(in);
        }
        boolean fresh = users.find(in.userId()).isEmpty();
        if (fresh) {
            register(in);
        }
        Turn turn = new Turn(in, users.find(in.userId()).orElseThrow(), texts, work);
        switch (in.kind()) {
            case CALLBACK -> onPress(turn);
            case MEDIA -> turn.say(turn.t("media"));
            case TEXT -> onText(turn, fresh);
        }
        return turn.replies();
    }

    private void onText(Turn turn, boolean fresh) {
        String text = turn.in.text().strip();
        Optional<Command> parsed = Command.parse(text);
        if (parsed.isEmpty()) {
            if (parts.continues(turn.user.userId(), text.length(), clock.millis())) {
                return;
            }
            if (turn.user.awaitingReport()) {
                reports.receive(turn, text);
            } else if (mock.running(turn.user.userId())) {
                mock.answer(turn, text);
            } else {
                practice.answer(turn, text);
            }
            return;
        }
        String name = parsed.get().name();
        String args = parsed.get().args();
        if (turn.user.awaiting() != null && !name.equals("report")) {
            users.setAwaiting(turn.user.userId(), null);
        }
        if (fresh && name.equals("start")) {
            welcomeNew(turn);
            return;
        }
        BiConsumer<Turn, String> command = commands.get(name);
        if (command == null) {
            unknown(turn, name);
        } else {
            command.accept(turn, args);
        }
    }

    private void onPress(Turn turn) {
        String data = turn.in.callbackData() == null ? "" : turn.in.callbackData();
        if (data.equals("q")) {
            turn.toast("");
            question(turn);
        } else if (data.startsWith("m:")) {
            mock.press(turn, data.substring(2));
        } else if (data.startsWith("t:")) {
            topics.toggle(turn, data.substring(2));
        } else if (data.startsWith("r:")) {
            practice.rate(turn, data.substring(2));
        } else {
            turn.toast(turn.t("rate.stale"));
        }
    }

    /** /question, or during a mock a reminder of the mock's question. */
    private void question(Turn turn) {
        if (mock.running(turn.user.userId())) {
            mock.busy(turn);
        } else {
            practice.ask(turn);
        }
    }

    /** /skip: the mock's question during a mock, else the open question. */
    private void skip(Turn turn) {
        if (mock.running(turn.user.userId())) {
            mock.skip(turn);
        } else {
            practice.skip(turn);
        }
    }

    /** /admin for admins; anyone else gets exactly the unknown-command reply. */
    private void admin(Turn turn, String args) {
        if (!admin.handle(turn, args)) {
            unknown(turn, "admin");
        }
    }

    private void unknown(Turn turn, String name) {
        turn.say(turn.t("unknown.command", Html.escape(Texts.shorten("/" + name, 64))));
    }

    private void start(Turn turn) {
        users.setActive(turn.user.userId(), true);
        String name = turn.user.firstName().isBlank() ? "" : " " + Html.escape(turn.user.firstName());
        turn.say(turn.t("welcome.back", name));
    }

    private void welcomeNew(Turn turn) {
        String name = turn.user.firstName().isBlank() ? "" : " " + Html.escape(turn.user.firstName());
        turn.say(turn.t("welcome", name, turn.user.dailyTime(), turn.user.zone().getId()));
        topics.show(turn);
    }

    private void register(Incoming in) {
        User user = new User(in.userId(), in.chatId(), Texts.shorten(in.firstName(), 64),
                Texts.languageFor(in.languageCode()), defaults.zone(), defaults.dailyTime(), false, true, null, true);
        users.create(user, clock.instant());
        users.subscribe(in.userId(), topics.allTopics());
        log.info("New user {}", in.userId());
    }

}
