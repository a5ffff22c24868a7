package coach.mock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A mock interview: its questions in order and what became of each. {@code topic} is null for subscribed topics. */
public record Mock(long id, long userId, String topic, Status status, List<Item> items) {

    /** Scores below this are worth reviewing. */
    public static final int WEAK = 60;

    /** Where the mock stands. */
    public enum Status { RUNNING, FINISHED, STOPPED }

    public Mock {
        Objects.requireNonNull(status, "status");
        items = List.copyOf(items);
    }

    /** One question of the mock; {@code score} is set once answered (0 when skipped). */
    public record Item(int position, String questionId, String topic, ItemStatus status, Instant askedAt,
                       Integer score) {

        public boolean scored() {
            return status == ItemStatus.ANSWERED || status == ItemStatus.SKIPPED;
        }
    }

    /** Where one question of the mock stands. */
    public enum ItemStatus { PENDING, OPEN, ANSWERED, SKIPPED, DROPPED }

    /** The question the user is answering now, if one is open. */
    public Optional<Item> current() {
        return items.stream().filter(i -> i.status() == ItemStatus.OPEN).findFirst();
    }

    /** The next question not asked yet. */
    public Optional<Item> nextPending() {
        return items.stream().filter(i -> i.status() == ItemStatus.PENDING).findFirst();
    }

    /** Answered and skipped questions, in order. */
    public List<Item> scored() {
        return items.stream().filter(Item::scored).toList();
    }

    /** Questions still in play: every one not dropped. */
    public int size() {
        return (int) items.stream().filter(i -> i.status() != ItemStatus.DROPPED).count();
    }

    /** The 1-based number of an item among the questions still in play. */
    public int numberOf(Item item) {
        return (int) items.stream()
                .filter(i -> i.status() != ItemStatus.DROPPED && i.position() <= item.position()).count();
    }

    public int averageScore() {
        return (int) Math.round(scored().stream().mapToInt(Item::score).average().orElse(0));
    }

    /** Scored questions below {@link #WEAK}, the weakest first, at most {@code limit}. */
    public List<Item> weakest(int limit) {
        return scored().stream()
                .filter(i -> i.score() < WEAK)
                .sorted(Comparator.comparingInt(Item::score).thenComparingInt(Item::position))
                .limit(limit)
                .toList();
    }

    /** A topic's average score in this mock. */
    public record TopicAverage(String topic, int average) {
    }

    /** Average score per topic, in the order topics first appear. */
    public List<TopicAverage> topicAverages() {
        Map<String, List<Integer>> scores = new LinkedHashMap<>();
        scored().forEach(i -> scores.computeIfAbsent(i.topic(), t -> new ArrayList<>()).add(i.score()));
        return scores.entrySet().stream()
                .map(e -> new TopicAverage(e.getKey(),
                        (int) Math.round(e.getValue().stream().mapToInt(Integer::intValue).average().orElse(0))))
                .toList();
    }

    /** The topic with the lowest average, when the mock covered more than one topic and it averaged below {@link #WEAK}. */
    public Optional<TopicAverage> weakestTopic() {
        List<TopicAverage> averages = topicAverages();
        return averages.size() < 2 ? Optional.empty()
                : averages.stream().min(Comparator.comparingInt(TopicAverage::average)).filter(t -> t.average() < WEAK);
    }
}
