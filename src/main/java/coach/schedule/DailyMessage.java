package coach.schedule;

import coach.chat.Engine;
import coach.chat.Turn;
import coach.mock.MockFlow;
import coach.practice.PracticeFlow;
import coach.progress.StatsFlow;
import java.util.Optional;

/**
 * The day's message: the daily question, led by the summary of the week when asked for; nothing while a mock
 * interview runs, so the two never mix.
 */
public final class DailyMessage implements Engine.Daily {

    private final PracticeFlow practice;
    private final MockFlow mock;
    private final StatsFlow stats;

    public DailyMessage(PracticeFlow practice, MockFlow mock, StatsFlow stats) {
        this.practice = practice;
        this.mock = mock;
        this.stats = stats;
    }

    @Override
    public Optional<Engine.DailyQuestion> compose(Turn turn, boolean withSummary) {
        if (mock.running(turn.user().userId())) {
            return Optional.empty();
        }
        return practice.daily(turn, withSummary ? stats.weekly(turn) : "");
    }
}
