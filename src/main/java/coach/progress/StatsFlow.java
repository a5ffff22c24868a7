package coach.progress;

import coach.bank.Library;
import coach.chat.Command;
import coach.chat.Flow;
import coach.chat.Html;
import coach.chat.Texts;
import coach.chat.Turn;
import coach.practice.PracticeStore.TopicScore;
import coach.practice.PracticeStore;
import coach.practice.Streaks;
import coach.practice.Week;
import coach.store.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's progress: streaks and freezes on their own calendar, answers, and the average score per topic, as text
 * and as a picture; and the summary of their week.
 */
public final class StatsFlow implements Flow {

    private static final Logger log = LoggerFactory.getLogger(StatsFlow.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** Fewer answering days than this in a week earn the suggestion to answer more often. */
    static final int STEADY_DAYS = 4;
    /** A weakest topic averaging below this earns the suggestion to focus on it. */
    static final int WEAK_SCORE = 60;

    private final Supplier<Library> library;
    private final PracticeStore store;
    private final Function<Progress, byte[]> painter;
    private final Database db;
    private final Clock clock;

    /** {@code painter} draws the picture, as {@link ProgressPicture#render} does; {@code db} reads what it shows. */
    public StatsFlow(Supplier<Library> library, PracticeStore store, Function<Progress, byte[]> painter, Database db,
                     Clock clock) {
        this.library = library;
        this.store = store;
        this.painter = painter;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public List<String> commands() {
        return List.of("stats");
    }

    @Override
    public void command(Turn turn, Command command) {
        show(turn);
    }

    @Override
    public void prepare(Turn turn, Command command) {
        drawAhead(turn);
    }

    /** A picture drawn before the transaction, with what it shows; no picture when it could not be drawn. */
    record Picture(Progress progress, Optional<byte[]> png) {
    }

    /** Draws the picture /stats will show, outside the transaction, from the progress as it stands now. */
    void drawAhead(Turn turn) {
        if (turn.user() == null) {
            return;
        }
        db.tx(c -> progress(turn)).ifPresent(progress -> turn.prework().put(new Picture(progress, draw(turn, progress))));
    }

    private Optional<byte[]> draw(Turn turn, Progress progress) {
        try {
            return Optional.of(painter.apply(progress));
        } catch (RuntimeException | LinkageError e) {
            log.error("Could not draw the progress picture for user {}", turn.user().userId(), e);
            return Optional.empty();
        }
    }

    /** What the picture shows, or empty when the user has answered nothing yet. */
    private Optional<Progress> progress(Turn turn) {
        long userId = turn.user().userId();
        List<TopicScore> scores = store.scoresByTopic(userId);
        if (scores.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(turn.user().zone()));
        Streaks.Streak streak = Streaks.of(store.answerDays(userId), today);
        List<Progress.TopicBar> bars = scores.stream().map(s -> bar(library.get(), s)).toList();
        return Optional.of(new Progress(today, answersByDay(userId, turn.user().zone(), today), streak.frozen(),
                streak.current(), streak.longest(), streak.freezes(), bars));
    }

    /** The text, and the picture drawn ahead when it still shows the progress as it stands. */
    void show(Turn turn) {
        Optional<Progress> progress = progress(turn);
        if (progress.isEmpty()) {
            turn.say(turn.t("stats.empty"));
            return;
        }
        Picture picture = turn.prework().require(Picture.class, p -> p.progress().equals(progress.get()));
        long userId = turn.user().userId();
        turn.say(text(turn, store.scoresByTopic(userId), Streaks.of(store.answerDays(userId), progress.get().today())));
        picture.png().ifPresent(png -> turn.photo(png, turn.t("stats.picture", ProgressPicture.WEEKS)));
    }

    private String text(Turn turn, List<TopicScore> scores, Streaks.Streak streak) {
        int answers = scores.stream().mapToInt(TopicScore::answers).sum();
        StringBuilder out = new StringBuilder(turn.t("stats.title"))
                .append('\n').append(turn.t("stats.streak", streak.current(), streak.longest()))
                .append('\n').append(turn.t("stats.freezes", streak.freezes(), Streaks.MAX_FREEZES,
                        Streaks.DAYS_PER_FREEZE))
                .append('\n').append(turn.t("stats.answers", answers));
        for (TopicScore score : scores) {
            String title = library.get().title(score.topic(), turn.language());
            out.append('\n').append(turn.t("stats.topic", Html.escape(title), score.answers(), score.averageScore()));
        }
        return out.toString();
    }

    /** A topic's bar, labelled with its English title (the picture's font is Latin), or its id when it is gone. */
    static Progress.TopicBar bar(Library library, TopicScore score) {
        return new Progress.TopicBar(library.title(score.topic(), Texts.EN), score.averageScore());
    }

    private Map<LocalDate, Integer> answersByDay(long userId, ZoneId zone, LocalDate today) {
        LocalDate first = ProgressPicture.firstDay(today);
        Map<LocalDate, Integer> days = new TreeMap<>();
        for (PracticeStore.Answer answer : store.answersSince(userId, first.atStartOfDay(zone).toInstant())) {
            days.merge(LocalDate.ofInstant(answer.answeredAt(), zone), 1, Integer::sum);
        }
        return days;
    }

    /** The summary of the seven days ending today: answers, average score, weakest topic and one suggestion. */
    public String weekly(Turn turn) {
        ZoneId zone = turn.user().zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(6);
        Week week = Week.of(store.answersSince(turn.user().userId(), first.atStartOfDay(zone).toInstant()), zone);
        Streaks.Streak streak = Streaks.of(store.answerDays(turn.user().userId()), today);
        StringBuilder out = new StringBuilder(turn.t("weekly.title", first.format(DAY), today.format(DAY)));
        if (week.answers() == 0) {
            out.append('\n').append(turn.t("weekly.none"));
        } else {
            out.append('\n').append(turn.t("weekly.answers", week.answers(), week.days(), week.averageScore()));
        }
        week.weakest().ifPresent(w -> out.append('\n').append(turn.t("weekly.weakest",
                Html.escape(library.get().title(w.topic(), turn.language())), w.averageScore())));
        out.append('\n').append(turn.t("weekly.streak", streak.current(), streak.freezes()));
        return out.append("\n\n").append(suggestion(turn, week)).toString();
    }

    private String suggestion(Turn turn, Week week) {
        if (week.answers() == 0) {
            return turn.t("weekly.suggest.start");
        }
        if (week.days() < STEADY_DAYS) {
            return turn.t("weekly.suggest.days", week.days(), turn.user().dailyTime().format(CLOCK));
        }
        TopicScore weakest = week.weakest().orElseThrow();
        if (weakest.averageScore() < WEAK_SCORE) {
            return turn.t("weekly.suggest.focus", Html.escape(library.get().title(weakest.topic(), turn.language())));
        }
        return turn.t("weekly.suggest.widen");
    }

}
