package coach.chat;

import coach.bank.Library;
import coach.store.Database;
import coach.user.User;
import coach.user.UserStore;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation: turns what a person did into what the coach says back. Knows nothing of Telegram; the bot and
 * the terminal chat are two front ends over it. Each event is handled in one transaction, and any failure becomes
 * one apologetic reply here, with the stack trace in the log.
 */
public final class Engine {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    /** What the engine shows after welcoming a new user. */
    private static final Command AFTER_WELCOME = new Command("topics", "");
    /** The commands the engine answers itself, after the flows' in the menu. */
    private static final List<String> OWN_COMMANDS = List.of("help", "start");

    private final Database db;
    private final UserStore users;
    private final Texts texts;
    private final Clock clock;
    private final Defaults defaults;
    private final Supplier<Library> library;
    private final List<Flow> flows;
    private final Map<String, Flow> byCommand = new HashMap<>();
    private final GroupChats groups;
    private final Daily daily;
    private final FloodGuard flood;
    private final Parts parts = new Parts();

    /** What a new user starts with. */
    public record Defaults(LocalTime dailyTime, ZoneId zone) {
    }

    /**
     * The engine over {@code flows}: the first flow answers free text while no flow is busy; when several are
     * busy, the later one in the list answers (a report can be written during a mock). The command menu and /help
     * list the flows' commands in this order, then /help and /start, which the engine answers itself.
     */
    public Engine(Database db, UserStore users, Texts texts, Clock clock, Defaults defaults, Supplier<Library> library,
                  List<Flow> flows, GroupChats groups, Daily daily, boolean floodControl) {
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("an engine needs at least one flow");
        }
        this.flood = floodControl ? new FloodGuard() : FloodGuard.off();
        this.db = db;
        this.users = users;
        this.texts = texts;
        this.clock = clock;
        this.defaults = defaults;
        this.library = library;
        this.flows = List.copyOf(flows);
        this.groups = groups;
        this.daily = daily;
        for (Flow flow : this.flows) {
            flow.commands().forEach(name -> {
                if (byCommand.putIfAbsent(name, flow) != null || OWN_COMMANDS.contains(name)) {
                    throw new IllegalArgumentException("two handlers for /" + name);
                }
            });
        }
    }

    /** The private chat's command menu: each flow's in order, then /help and /start. */
    public List<String> menu() {
        List<String> menu = new ArrayList<>();
        flows.forEach(flow -> menu.addAll(flow.menu()));
        menu.addAll(OWN_COMMANDS);
        return List.copyOf(menu);
    }

    /** The group and channel command menu. */
    public List<String> groupMenu() {
        return groups.menu();
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
        return prepare(in, admit(in));
    }

    /**
     * Counts the event against its sender's flood allowance, once; called in the order events arrived. The slow
     * work is then {@link #prepare(Incoming, Prework)}.
     */
    public Prework admit(Incoming in) {
        boolean press = in.kind() == Incoming.Kind.CALLBACK;
        return new Prework(flood.check(in.userId(), clock.millis(), press), 1);
    }

    /**
     * The slow work of an event {@link #admit admitted} before. Safe to call from several threads at once, for
     * different events: it only reads the stored state and fills in {@code admitted}.
     */
    public Prework prepare(Incoming in, Prework admitted) {
        if (!mayBeSlow(in, admitted)) {
            return admitted;
        }
        try {
            slowWork(new Turn(in, users.find(in.userId()).orElse(null), texts, admitted));
        } catch (RuntimeException e) {
            admitted.failed(e);
        }
        return admitted;
    }

    /** Whether {@link #prepare} may have slow work to do for the event: only an answered private text can. */
    public boolean mayBeSlow(Incoming in, Prework admitted) {
        return admitted.verdict() == FloodGuard.Verdict.ANSWER && in.isPrivate() && in.kind() == Incoming.Kind.TEXT;
    }

    /** The slow work again, after the transaction found that the state it was done for has changed. */
    public Prework prepareAgain(Incoming in, Prework stale) {
        return prepare(in, stale.next());
    }

    /** The slow work of one private text; {@code turn.user()} is null when the sender is new. */
    private void slowWork(Turn turn) {
        String text = turn.in().text().strip();
        Optional<Command> parsed = Command.parse(text);
        if (parsed.isPresent()) {
            Optional.ofNullable(byCommand.get(parsed.get().name()))
                    .ifPresent(flow -> flow.prepare(turn, parsed.get()));
        } else if (turn.user() != null) {
            answerer(turn).prepareAnswer(turn, text);
        }
    }

    /**
     * Answers one event with its slow work done, in a savepoint of the caller's transaction if there is one. Throws
     * {@link Prework.Stale} when the slow work no longer fits the stored state and another attempt is due; any other
     * failure undoes the event's changes and is logged and answered with an apology.
     */
    public List<Reply> handle(Incoming in, Prework work) {
        try {
            return db.tx(c -> answer(in, work));
        } catch (RuntimeException e) {
            return failed(in, work, e);
        }
    }

    /**
     * Answers one event with its slow work done, in the caller's transaction and without a savepoint of its own: on
     * failure it throws, the caller undoes what the event changed and sends what {@link #failed} says instead.
     */
    public List<Reply> answer(Incoming in, Prework work) {
        if (work.failure() != null) {
            throw work.failure();
        }
        return work.verdict() == FloodGuard.Verdict.ANSWER ? route(in, work) : slowDown(in, work.verdict());
    }

    /**
     * The answer to an event whose {@link #answer} failed, its changes undone: the apology, logged; but a
     * {@link Prework.Stale} is thrown again while another attempt at the slow work is due.
     */
    public List<Reply> failed(Incoming in, Prework work, RuntimeException e) {
        if (e instanceof Prework.Stale stale && work.attempt() < Prework.ATTEMPTS) {
            throw stale;
        }
        return apologise(in, e);
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
        return db.tx(c -> users.find(userId).flatMap(user -> daily.compose(turnOf(user, user.chatId()), withSummary)));
    }

    /**
     * Replies to a user that answer no event of theirs, such as a grade that came back later: {@code work} runs with
     * a turn in their private chat {@code chatId}, in the caller's transaction. Empty when the user is unknown.
     */
    public List<Reply> asUser(long userId, long chatId, Consumer<Turn> work) {
        return db.tx(c -> users.find(userId).map(user -> {
            Turn turn = turnOf(user, chatId);
            work.accept(turn);
            return turn.replies();
        }).orElse(List.of()));
    }

    /** A turn for a user in their private chat that answers no event of theirs. */
    private Turn turnOf(User user, long chatId) {
        Incoming in = new Incoming(Incoming.Kind.TEXT, chatId, Incoming.ChatType.PRIVATE, user.userId(),
                user.firstName(), user.language(), "", 0, null, null);
        return new Turn(in, user, texts, Prework.none());
    }

    /** Composes the day's message for a user in a transaction; empty when there is none today. */
    public interface Daily {
        Optional<DailyQuestion> compose(Turn turn, boolean withSummary);
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
        Optional<User> known = users.find(in.userId());
        boolean fresh = known.isEmpty();
        if (fresh) {
            register(in);
        }
        Turn turn = new Turn(in, fresh ? users.find(in.userId()).orElseThrow() : known.get(), texts, work);
        switch (in.kind()) {
            case CALLBACK -> onPress(turn);
            case MEDIA -> turn.say(turn.t("media"));
            case TEXT -> onText(turn, fresh);
        }
        return turn.replies();
    }

    private void onText(Turn turn, boolean fresh) {
        String text = turn.in().text().strip();
        Optional<Command> parsed = Command.parse(text);
        if (parsed.isEmpty()) {
            if (!parts.continues(turn.user().userId(), text.length(), clock.millis())) {
                answerer(turn).answer(turn, text);
            }
            return;
        }
        Command command = parsed.get();
        Optional<Flow> busy = takenOver(turn, command.name());
        if (turn.user().awaiting() != null && busy.isEmpty()) {
            users.setAwaiting(turn.user().userId(), null);
        }
        if (command.name().equals("start")) {
            start(turn, fresh);
        } else if (command.name().equals("help")) {
            turn.say(help(turn));
        } else {
            busy.or(() -> Optional.ofNullable(byCommand.get(command.name()))).ifPresentOrElse(
                    flow -> flow.command(turn, command), () -> turn.unknownCommand(command.name()));
        }
    }

    private void onPress(Turn turn) {
        String data = turn.in().callbackData() == null ? "" : turn.in().callbackData();
        takenOver(turn, data)
                .or(() -> flows.stream().filter(flow -> takes(flow.buttons(), data)).findFirst())
                .ifPresentOrElse(flow -> flow.press(turn, data), () -> turn.toast(turn.t("rate.stale")));
    }

    /** True when the button data is one of {@code starts} or begins with one that ends in a colon. */
    private static boolean takes(List<String> starts, String data) {
        return starts.stream().anyMatch(start -> start.endsWith(":") ? data.startsWith(start) : data.equals(start));
    }

    /** The busy flow, the latest in the list when several are, that takes over the command or button data. */
    private Optional<Flow> takenOver(Turn turn, String input) {
        return busyFlow(turn, flow -> takes(flow.whileBusy(), input));
    }

    /** Who answers free text: the busy flow, the latest in the list when several are, else the first flow. */
    private Flow answerer(Turn turn) {
        return busyFlow(turn, flow -> true).orElse(flows.get(0));
    }

    private Optional<Flow> busyFlow(Turn turn, Predicate<Flow> candidate) {
        for (int i = flows.size() - 1; i >= 0; i--) {
            Flow flow = flows.get(i);
            if (candidate.test(flow) && flow.busy(turn)) {
                return Optional.of(flow);
            }
        }
        return Optional.empty();
    }

    /** /help: a line for every command in the menu, then how answers work. */
    private String help(Turn turn) {
        StringBuilder out = new StringBuilder(turn.t("help.title"));
        menu().forEach(name -> out.append('\n').append(turn.t("help." + name)));
        return out.append("\n\n").append(turn.t("help.answers")).toString();
    }

    private void start(Turn turn, boolean fresh) {
        String name = turn.user().firstName().isBlank() ? "" : " " + Html.escape(turn.user().firstName());
        if (fresh) {
            turn.say(turn.t("welcome", name, turn.user().dailyTime(), turn.user().zone().getId()));
            byCommand.get(AFTER_WELCOME.name()).command(turn, AFTER_WELCOME);
        } else {
            users.setActive(turn.user().userId(), true);
            turn.say(turn.t("welcome.back", name));
        }
    }

    private void register(Incoming in) {
        User user = new User(in.userId(), in.chatId(), Texts.shorten(in.firstName(), 64),
                Texts.languageFor(in.languageCode()), defaults.zone(), defaults.dailyTime(), false, true, null, true);
        users.create(user, clock.instant());
        users.subscribe(in.userId(), library.get().topics());
        log.info("New user {}", in.userId());
    }

}
