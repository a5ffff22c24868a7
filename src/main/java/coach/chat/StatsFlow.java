package coach.chat;

import coach.bank.Library;
import coach.practice.PracticeStore;
import coach.practice.PracticeStore.TopicScore;
import coach.practice.Streaks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** The user's progress: streaks on their own calendar, answers, and the average score per topic. */
public final class StatsFlow {

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
        int answers = scores.stream().mapToInt(TopicScore::answers).sum();
        StringBuilder out = new StringBuilder(turn.t("stats.title"))
                .append('\n').append(turn.t("stats.streak", streak.current(), streak.longest()))
                .append('\n').append(turn.t("stats.answers", answers));
        for (TopicScore score : scores) {
            String title = library.get().bank(score.topic()).map(b -> b.title().in(turn.language())).orElse(score.topic());
            out.append('\n').append(turn.t("stats.topic", Html.escape(title), score.answers(), score.averageScore()));
        }
        turn.say(out.toString());
    }
}
