package coach.battle;

import coach.bank.Bank;
import coach.bank.Library;
import coach.bank.Question;
import coach.bank.TopicNames;
import coach.chat.Command;
import coach.chat.GroupChats;
import coach.chat.Html;
import coach.chat.Incoming;
import coach.chat.Reply;
import coach.chat.Texts;
import coach.store.Database;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quiz battles in groups and channels: admins start and stop them, members press an option per round, the first
 * press counts and a quick right answer scores more. Everything lives in SQLite, so a restart picks a battle up
 * where it stood; the battle's clock is advanced by {@link #advance}, which the ticker calls every second.
 */
public final class Battles implements GroupChats {

    private static final Logger log = LoggerFactory.getLogger(Battles.class);
    static final int MAX_ROUNDS = 20;
    static final int TOP = 10;
    /** Countdown edits happen at most this often, and only on these boundaries of seconds left. */
    static final long COUNTDOWN_STEP_MILLIS = 5_000;
    /** The pause after a round's result before the next round appears. */
    static final long PAUSE_MILLIS = 3_000;
    /** A round overdue by this much (the coach was down) ends the battle with the scoreboard so far. */
    static final long STALE_MILLIS = 60_000;
    /** A daily battle still starts this long after its minute (after a restart), and not later. */
    static final Duration DAILY_GRACE = Duration.ofMinutes(30);

    private final BattleStore store;
    private final Supplier<Library> library;
    private final Texts texts;
    private final BattleView view;
    private final ChatBudget budget = new ChatBudget();
    private final Clock clock;
    private final RandomGenerator random;
    private final Settings settings;

    /** Rounds and round length by default, and the zone for daily battles and the leaderboard's week. */
    public record Settings(int rounds, int roundSeconds, ZoneId zone) {
    }

    public Battles(Database db, Supplier<Library> library, Texts texts, Clock clock, RandomGenerator random,
                   Settings settings) {
        this.store = new BattleStore(db);
        this.library = library;
        this.texts = texts;
        this.view = new BattleView(texts);
        this.clock = clock;
        this.random = random;
        this.settings = settings;
    }

    @Override
    public boolean needsRole(Incoming in) {
        return in.chatType() != Incoming.ChatType.CHANNEL && in.role() == Incoming.Role.UNKNOWN
                && in.kind() == Incoming.Kind.TEXT
                && Command.parse(in.text()).map(c -> c.name().equals("battle") || c.name().equals("stop")).orElse(false);
    }

    @Override
    public List<String> menu() {
        return List.of("battle", "top", "stop", "help");
    }

    @Override
    public List<Reply> handle(Incoming in) {
        long now = clock.millis();
        List<Reply> replies = new ArrayList<>();
        if (in.kind() == Incoming.Kind.CALLBACK) {
            press(in, now, replies);
        } else if (in.kind() == Incoming.Kind.TEXT) {
            Command.parse(in.text()).ifPresent(command -> command(in, command, now, replies));
        }
        return budget.spend(replies, now);
    }

    private void command(Incoming in, Command command, long now, List<Reply> replies) {
        String language = Texts.languageFor(in.languageCode());
        switch (command.name()) {
            case "start", "help" -> replies.add(say(in, language, "group.help"));
            case "top" -> replies.add(new Reply.Send(in.chatId(), top(in.chatId(), language)));
            case "battle", "stop" -> {
                if (in.role() == Incoming.Role.ADMIN) {
                    if (command.name().equals("stop")) {
                        stop(in, language, now, replies);
                    } else {
                        battle(in, language, command.args(), now, replies);
                    }
                } else {
                    replies.add(say(in, language, in.role() == Incoming.Role.MEMBER ? "battle.admins.only" : "battle.rights.unknown"));
                }
            }
            default -> {
                // Commands for other bots in the group arrive without a name too; staying quiet is polite.
            }
        }
    }

    private void battle(Incoming in, String language, String args, long now, List<Reply> replies) {
        List<String> words = args.isBlank() ? List.of() : List.of(args.toLowerCase(Locale.ROOT).split("\\s+"));
        if (!words.isEmpty() && words.get(0).equals("daily")) {
            daily(in, language, words, now, replies);
            return;
        }
        if (words.equals(List.of("off"))) {
            replies.add(say(in, language, store.unschedule(in.chatId()) ? "battle.daily.off" : "battle.daily.none"));
            return;
        }
        int rounds = settings.rounds();
        StringBuilder name = new StringBuilder();
        for (String word : words) {
            if (word.chars().allMatch(Character::isDigit) && word.length() <= 3) {
                rounds = Integer.parseInt(word);
                if (rounds < 1 || rounds > MAX_ROUNDS) {
                    replies.add(say(in, language, "battle.bad.rounds", MAX_ROUNDS));
                    return;
                }
            } else {
                name.append(name.isEmpty() ? "" : " ").append(word);
            }
        }
        String topic = name.isEmpty() ? null : TopicNames.find(library.get(), name.toString()).orElse(null);
        if (!name.isEmpty() && (topic == null || quizzes(topic).isEmpty())) {
            replies.add(say(in, language, "battle.unknown.topic", Html.escape(Texts.shorten(name.toString(), 32)),
                    String.join(", ", quizTopics())));
            return;
        }
        if (store.running(in.chatId()).isPresent()) {
            replies.add(say(in, language, "battle.running"));
            return;
        }
        start(in.chatId(), topic, rounds, language, in.userId(), now, replies);
    }

    private void daily(Incoming in, String language, List<String> words, long now, List<Reply> replies) {
        LocalTime time;
        try {
            time = words.size() == 2 ? LocalTime.parse(words.get(1).length() == 4 ? "0" + words.get(1) : words.get(1)) : null;
        } catch (DateTimeParseException e) {
            time = null;
        }
        if (time == null || time.getSecond() != 0) {
            replies.add(say(in, language, "battle.daily.usage"));
            return;
        }
        ZonedDateTime local = Instant.ofEpochMilli(now).atZone(settings.zone());
        LocalDate lastDay = local.toLocalTime().isBefore(time) ? null : local.toLocalDate();
        store.schedule(in.chatId(), time, settings.zone(), language, lastDay, in.userId());
        replies.add(say(in, language, "battle.daily.set", time, settings.zone().getId()));
    }

    private void stop(Incoming in, String language, long now, List<Reply> replies) {
        Optional<Battle> running = store.running(in.chatId());
        if (running.isEmpty()) {
            replies.add(say(in, language, "battle.none"));
            return;
        }
        finish(running.get(), now, replies);
    }

    /** Starts a battle in the chat with questions drawn at random from the topic, or from every topic. */
    private void start(long chatId, String topic, int rounds, String language, long startedBy, long now,
                       List<Reply> replies) {
        List<Question> pool = new ArrayList<>(quizzes(topic));
        if (pool.isEmpty()) {
            replies.add(new Reply.Send(chatId, texts.get(language, "battle.no.questions")));
            return;
        }
        Collections.shuffle(pool, new Random(random.nextLong()));
        List<String> questions = pool.subList(0, Math.min(rounds, pool.size())).stream().map(Question::id).toList();
        long id = store.create(chatId, topic, language, questions, startedBy, now, now + roundMillis(),
                settings.roundSeconds());
        Battle battle = store.find(id).orElseThrow();
        log.info("Battle {} started in chat {} with {} rounds", id, chatId, questions.size());
        replies.add(roundMessage(battle));
    }

    private Reply roundMessage(Battle battle) {
        Question question = question(battle, battle.round());
        return new Reply.Send(battle.chatId(), view.round(battle, question, title(battle), settings.roundSeconds()),
                view.buttons(battle, question), Presses.tag(battle.id(), battle.round()));
    }

    private void press(Incoming in, long now, List<Reply> replies) {
        String language = Texts.languageFor(in.languageCode());
        Optional<Presses.Press> parsed = Presses.parse(in.callbackData());
        Optional<Battle> found = parsed.flatMap(p -> store.find(p.battle()));
        if (found.isEmpty()) {
            replies.add(toast(in, language, "battle.bad.button"));
            return;
        }
        Presses.Press press = parsed.get();
        Battle battle = found.get();
        if (battle.chatId() != in.chatId()) {
            replies.add(toast(in, language, "battle.other.chat"));
        } else if (battle.status() == Battle.Status.FINISHED) {
            replies.add(toast(in, language, "battle.ended"));
        } else if (press.round() != battle.round() || battle.status() != Battle.Status.PLAYING
                || now >= battle.roundEndsAt()) {
            replies.add(toast(in, language, press.round() > battle.round() ? "battle.bad.button" : "battle.round.over"));
        } else if (press.option() >= question(battle, battle.round()).quiz().options().size()) {
            replies.add(toast(in, language, "battle.bad.button"));
        } else if (store.answered(battle.id(), battle.round(), in.userId())) {
            replies.add(toast(in, language, "battle.already"));
        } else {
            answer(in, battle, press.option(), now, language, replies);
        }
    }

    private void answer(Incoming in, Battle battle, int option, long now, String language, List<Reply> replies) {
        boolean correct = option == question(battle, battle.round()).quiz().correct();
        int points = Scoring.points(correct, now - battle.roundStartedAt(), roundMillis());
        String name = in.firstName().isBlank() ? "#" + in.userId() : Texts.shorten(in.firstName(), 32);
        store.answer(battle, in.userId(), name, option, correct, points, now);
        replies.add(correct ? toast(in, language, "battle.right", points) : toast(in, language, "battle.wrong"));
        if (battle.round() > 1 && store.everyPlayerAnswered(battle.id(), battle.round())) {
            endRound(battle, now, replies);
        }
    }

    /** The battles not yet finished, for the ticker to move along. */
    public List<Long> running() {
        return store.allRunning().stream().map(Battle::id).toList();
    }

    /** Moves one battle along to now: countdown, round end, next round, or the end. */
    public List<Reply> advance(long battleId) {
        long now = clock.millis();
        List<Reply> replies = new ArrayList<>();
        store.find(battleId).ifPresent(battle -> advance(battle, now, replies));
        return budget.spend(replies, now);
    }

    private void advance(Battle battle, long now, List<Reply> replies) {
        if (!battle.questions().stream().allMatch(id -> library.get().question(id).filter(q -> q.quiz() != null).isPresent())) {
            // The banks were reloaded without one of its questions: end it with the scoreboard so far.
            replies.add(new Reply.Send(battle.chatId(), view.scoreboard(battle, store.scoreboard(battle.id()), true)));
            store.finish(battle.id(), now);
            return;
        }
        switch (battle.status()) {
            case PLAYING -> {
                if (now >= battle.roundEndsAt() + STALE_MILLIS) {
                    finish(battle, now, replies);
                } else if (now >= battle.roundEndsAt()) {
                    endRound(battle, now, replies);
                } else {
                    countdown(battle, now, replies);
                }
            }
            case BETWEEN -> {
                if (now >= battle.nextRoundAt() + STALE_MILLIS) {
                    finish(battle, now, replies);
                } else if (now >= battle.nextRoundAt() && budget.roomForRound(battle.chatId(), now)) {
                    nextRound(battle, now, replies);
                }
            }
            case FINISHED -> {
            }
        }
    }

    private void countdown(Battle battle, long now, List<Reply> replies) {
        long step = COUNTDOWN_STEP_MILLIS;
        int shown = (int) (((battle.roundEndsAt() - now + step - 1) / step) * step / 1000);
        if (battle.messageId() == null || shown >= battle.shownSeconds() || now - battle.lastEditAt() < step
                || !budget.roomForCountdown(battle.chatId(), now)) {
            return;
        }
        Question question = question(battle, battle.round());
        replies.add(new Reply.Edit(battle.chatId(), battle.messageId(), view.round(battle, question, title(battle), shown),
                view.buttons(battle, question)));
        store.countdownShown(battle.id(), shown, now);
    }

    private void endRound(Battle battle, long now, List<Reply> replies) {
        replies.add(result(battle, battle.round(), battle.messageId()));
        if (battle.lastRound()) {
            replies.add(new Reply.Send(battle.chatId(), view.scoreboard(battle, store.scoreboard(battle.id()), false)));
            store.finish(battle.id(), now);
            log.info("Battle {} in chat {} finished", battle.id(), battle.chatId());
        } else {
            store.endRound(battle.id(), now + PAUSE_MILLIS);
        }
    }

    private void nextRound(Battle battle, long now, List<Reply> replies) {
        int round = battle.round() + 1;
        store.startRound(battle.id(), round, now, now + roundMillis(), settings.roundSeconds());
        replies.add(roundMessage(store.find(battle.id()).orElseThrow()));
    }

    /** Ends the battle before its last round (stopped, or overdue after downtime) with the scoreboard so far. */
    private void finish(Battle battle, long now, List<Reply> replies) {
        if (battle.status() == Battle.Status.PLAYING) {
            replies.add(result(battle, battle.round(), battle.messageId()));
        }
        replies.add(new Reply.Send(battle.chatId(), view.scoreboard(battle, store.scoreboard(battle.id()), true)));
        store.finish(battle.id(), now);
        log.info("Battle {} in chat {} ended before its last round", battle.id(), battle.chatId());
    }

    /** The round's result in place of its message, or as a new message when Telegram has not given its id yet. */
    private Reply result(Battle battle, int round, Integer messageId) {
        Question question = question(battle, round);
        String html = view.result(battle, round, question, title(battle),
                store.tally(battle.id(), round, question.quiz().options().size()));
        return messageId == null ? new Reply.Send(battle.chatId(), html)
                : new Reply.Edit(battle.chatId(), messageId, html, List.of());
    }

    @Override
    public List<Reply> delivered(String tag, long chatId, int messageId) {
        Optional<Presses.RoundTag> parsed = Presses.parseTag(tag);
        if (parsed.isEmpty() || store.messageSent(parsed.get().battle(), parsed.get().round(), messageId)) {
            return List.of();
        }
        // The round ended before Telegram reported its message: show the result there, so no buttons stay live.
        Presses.RoundTag round = parsed.get();
        return store.find(round.battle()).filter(b -> b.chatId() == chatId)
                .map(b -> budget.spend(List.of(result(b, round.round(), messageId)), clock.millis()))
                .orElse(List.of());
    }

    @Override
    public void unreachable(long chatId) {
        store.running(chatId).ifPresent(battle -> store.finish(battle.id(), clock.millis()));
        if (store.unschedule(chatId)) {
            log.info("Daily battle in chat {} cancelled: the chat is unreachable", chatId);
        }
    }

    /** Chats whose daily battle is due now; each is started by {@link #startDaily}. */
    public List<Long> dailyDue() {
        Instant now = clock.instant();
        List<Long> due = new ArrayList<>();
        for (BattleStore.Schedule schedule : store.schedules()) {
            ZonedDateTime local = now.atZone(schedule.zone());
            boolean doneToday = schedule.lastDay() != null && !schedule.lastDay().isBefore(local.toLocalDate());
            if (!doneToday && !local.toLocalTime().isBefore(schedule.time())) {
                due.add(schedule.chatId());
            }
        }
        return due;
    }

    /** Starts the chat's daily battle if it is due and none is running; a day missed by more than a grace is skipped. */
    public List<Reply> startDaily(long chatId) {
        long now = clock.millis();
        List<Reply> replies = new ArrayList<>();
        store.scheduleOf(chatId).ifPresent(schedule -> {
            ZonedDateTime local = Instant.ofEpochMilli(now).atZone(schedule.zone());
            store.scheduleRan(chatId, local.toLocalDate());
            ZonedDateTime minute = local.with(schedule.time());
            boolean inTime = Duration.between(minute, local).compareTo(DAILY_GRACE) <= 0;
            if (inTime && store.running(chatId).isEmpty()) {
                start(chatId, null, settings.rounds(), schedule.language(), 0, now, replies);
            } else {
                log.info("Daily battle in chat {} skipped today ({})", chatId, inTime ? "one is running" : "too late");
            }
        });
        return budget.spend(replies, now);
    }

    private String top(long chatId, String language) {
        ZonedDateTime weekStart = clock.instant().atZone(settings.zone()).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(settings.zone());
        return view.leaderboard(language, store.leaderboard(chatId, weekStart.toInstant().toEpochMilli(), TOP),
                store.leaderboard(chatId, 0, TOP));
    }

    private List<Question> quizzes(String topic) {
        Library banks = library.get();
        List<Bank> chosen = topic == null ? banks.banks() : banks.bank(topic).map(List::of).orElse(List.of());
        return chosen.stream().flatMap(b -> b.questions().stream()).filter(q -> q.quiz() != null).toList();
    }

    private List<String> quizTopics() {
        return library.get().banks().stream().filter(b -> b.questions().stream().anyMatch(q -> q.quiz() != null))
                .map(Bank::topic).toList();
    }

    private Question question(Battle battle, int round) {
        String id = battle.questions().get(round - 1);
        return library.get().question(id).filter(q -> q.quiz() != null)
                .orElseThrow(() -> new IllegalStateException("battle " + battle.id() + " asks " + id
                        + ", which the banks no longer have as a quiz"));
    }

    private String title(Battle battle) {
        return battle.topic() == null ? texts.get(battle.language(), "battle.all.topics")
                : library.get().title(battle.topic(), battle.language());
    }

    private long roundMillis() {
        return settings.roundSeconds() * 1000L;
    }

    private Reply say(Incoming in, String language, String key, Object... args) {
        return new Reply.Send(in.chatId(), texts.get(language, key, args));
    }

    private Reply toast(Incoming in, String language, String key, Object... args) {
        return new Reply.Toast(in.chatId(), in.callbackId(), texts.get(language, key, args));
    }

}
