package coach.practice;

import coach.practice.PracticeStore.Answer;
import coach.practice.PracticeStore.TopicScore;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A week of answers in numbers: how many, on how many local days, their average score, the weakest topic. Pure. */
public record Week(int answers, int days, int averageScore, Optional<TopicScore> weakest) {

    public static Week of(List<Answer> answers, ZoneId zone) {
        if (answers.isEmpty()) {
            return new Week(0, 0, 0, Optional.empty());
        }
        int days = (int) answers.stream().map(a -> LocalDate.ofInstant(a.answeredAt(), zone)).distinct().count();
        return new Week(answers.size(), days, average(answers), weakest(answers));
    }

    /** The topic with the lowest average score; on a tie, the first by name. */
    private static Optional<TopicScore> weakest(List<Answer> answers) {
        Map<String, List<Answer>> byTopic = answers.stream()
                .collect(Collectors.groupingBy(Answer::topic, TreeMap::new, Collectors.toList()));
        return byTopic.entrySet().stream()
                .map(e -> new TopicScore(e.getKey(), e.getValue().size(), average(e.getValue())))
                .min(Comparator.comparingInt(TopicScore::averageScore));
    }

    private static int average(List<Answer> answers) {
        return (int) Math.round(answers.stream().mapToInt(Answer::score).average().orElse(0));
    }
}
