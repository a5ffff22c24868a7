package coach.chat;

import coach.bank.Library;
import coach.practice.PracticeStore;
import coach.practice.PracticeStore.TopicScore;
import coach.practice.Streaks;
import coach.practice.Week;
import coach.progress.Progress;
import coach.progress.ProgressPicture;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's progress: streaks and freezes on their own calendar, answers, and the average score per topic, as text
 * and as a picture; and the summary of their week.
 */
public final class StatsFlow {

    private static final Logger log = LoggerFactory.getLogger(StatsFlow.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    /** Fewer answering days than this in a week earn the suggestion to answer more often. */
    static final int STEADY_DAYS = 4;
    /** A weakest topic averaging below this earns the suggestion to focus on it. */
    static final int WEAK_SCORE = 60;

    private final Supplier<Library> library;
    private final PracticeStore store;
    private final Clock clock;

    public StatsFlow(Supplier<Library> library, PracticeStore store, Clock clock) {
        this.library = library;
        this.store = store;
        this.clock = clock;
    }

    void show(Turn turn) {
        long userId = turn.user.userId();
        List<TopicScore> scores = store.scoresByTopic(userId);
        if (scores.isEmpty()) {
            turn.say(turn.t("stats.empty"));
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(turn.user.zone()));
        Streaks.Streak streak = Streaks.of(store.answerDays(userId), today);
        turn.say(text(turn, scores, streak));
        picture(turn, scores, streak, today);
    }

    private String text(Turn turn, List<TopicScore> scores, Streaks.Streak streak) {
        int answers = scores.stream().mapToInt(TopicScore::answers).sum();
        StringBuilder out = new StringBuilder(turn.t("stats.title"))
                .append('\n').append(turn.t("stats.streak", streak.current(), streak.longest()))
                .append('\n').append(turn.t("stats.freezes", streak.freezes(), Streaks.MAX_FREEZES,
                        Streaks.DAYS_PER_FREEZE))
                .append('\n').append(turn.t("stats.answers", answers));
        for (TopicScore score : scores) {
            out.append('\n').append(turn.t("stats.topic", Html.escape(title(turn, score.topic())), score.answers(),
                    score.averageScore()));
        }
        return out.toString();
    }

    /** The picture follows the text; if it cannot be drawn, the text alone answers and the log says why. */
    private void picture(Turn turn, List<TopicScore> scores, Streaks.Streak streak, LocalDate today) {
        try {
            List<Progress.TopicBar> bars = scores.stream().map(s -> bar(library.get(), s)).toList();
            Progress progress = new Progress(today, answersByDay(turn.user.userId(), turn.user.zone(), today),
                    streak.frozen(), streak.current(), streak.longest(), streak.freezes(), bars);
            turn.photo(ProgressPicture.render(progress), turn.t("stats.picture", ProgressPicture.WEEKS));
        } catch (RuntimeException | LinkageError e) {
            log.error("Could not draw the progress picture for user {}", turn.user.userId(), e);
        }
    }

    /** A topic's bar, labelled with its English title (the picture's font is Latin), or its id when it is gone. */
    static Progress.TopicBar bar(Library library, TopicScore score) {
        String label = library.bank(score.topic()).map(b -> b.title().in(Texts.EN)).orElse(score.topic());
        return new Progress.TopicBar(label, score.averageScore());
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
    String weekly(Turn turn) {
        ZoneId zone = turn.user.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(6);
        Week week = Week.of(store.answersSince(turn.user.userId(), first.atStartOfDay(zone).toInstant()), zone);
        Streaks.Streak streak = Streaks.of(store.answerDays(turn.user.userId()), today);
        StringBuilder out = new StringBuilder(turn.t("weekly.title", first.format(DAY), today.format(DAY)));
        if (week.answers() == 0) {
            out.append('\n').append(turn.t("weekly.none"));
        } else {
            out.append('\n').append(turn.t("weekly.answers", week.answers(), week.days(), week.averageScore()));
        }
        week.weakest().ifPresent(w -> out.append('\n').append(turn.t("weekly.weakest",
                Html.escape(title(turn, w.topic())), w.averageScore())));
        out.append('\n').append(turn.t("weekly.streak", streak.current(), streak.freezes()));
        return out.append("\n\n").append(suggestion(turn, week)).toString();
    }

    private String suggestion(Turn turn, Week week) {
        if (week.answers() == 0) {
            return turn.t("weekly.suggest.start");
        }
        if (week.days() < STEADY_DAYS) {
            return turn.t("weekly.suggest.days", week.days(), turn.user.dailyTime().format(CLOCK));
        }
        TopicScore weakest = week.weakest().orElseThrow();
        if (weakest.averageScore() < WEAK_SCORE) {
            return turn.t("weekly.suggest.focus", Html.escape(title(turn, weakest.topic())));
        }
        return turn.t("weekly.suggest.widen");
    }

    private String title(Turn turn, String topic) {
        return library.get().bank(topic).map(b -> b.title().in(turn.language())).orElse(topic);
    }
}
