package coach.progress;

import coach.practice.Streaks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Half a year of a plausible user's answers, the same every time, with streaks computed from them. */
final class ProgressFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private ProgressFixture() {
    }

    static Progress example() {
        Random random = new Random(26);
        Map<LocalDate, Integer> answers = new HashMap<>();
        for (LocalDate day = TODAY.minusDays(181); !day.isAfter(TODAY); day = day.plusDays(1)) {
            boolean keen = day.isAfter(TODAY.minusDays(40));
            boolean missed = day.equals(TODAY.minusDays(9));
            if (!missed && (keen || random.nextInt(10) < 6)) {
                answers.put(day, 1 + random.nextInt(random.nextInt(10) < 8 ? 2 : 5));
            }
        }
        Streaks.Streak streak = Streaks.of(answers.keySet(), TODAY);
        List<Progress.TopicBar> topics = new ArrayList<>(List.of(
                new Progress.TopicBar("Python", 84), new Progress.TopicBar("MySQL & PostgreSQL", 71),
                new Progress.TopicBar("Redis", 63), new Progress.TopicBar("Networking", 47),
                new Progress.TopicBar("Linux", 90), new Progress.TopicBar("Message queues & tasks", 76)));
        return new Progress(TODAY, answers, streak.frozen(), streak.current(), streak.longest(), streak.freezes(),
                topics);
    }
}
