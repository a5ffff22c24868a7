package coach.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the progress picture shows: answers per local day, the days a streak freeze saved, the streaks, the freezes
 * held, and the average score per topic.
 */
public record Progress(LocalDate today, Map<LocalDate, Integer> answersByDay, Set<LocalDate> frozenDays,
                       int currentStreak, int longestStreak, int freezes, List<TopicBar> topics) {

    public Progress {
        Objects.requireNonNull(today, "today");
        answersByDay = Map.copyOf(answersByDay);
        frozenDays = Set.copyOf(frozenDays);
        topics = List.copyOf(topics);
    }

    /** Answers on a day, 0 when none. */
    public int answersOn(LocalDate day) {
        return answersByDay.getOrDefault(day, 0);
    }

    /** One bar: a label the dot font can draw (a topic's English title), and an average score from 0 to 100. */
    public record TopicBar(String label, int averageScore) {
        public TopicBar {
            Objects.requireNonNull(label, "label");
            if (averageScore < 0 || averageScore > 100) {
                throw new IllegalArgumentException("average score out of 0..100: " + averageScore);
            }
        }
    }
}
