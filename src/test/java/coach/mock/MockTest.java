package coach.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.mock.Mock.Item;
import coach.mock.Mock.ItemStatus;
import coach.mock.Mock.TopicAverage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report card's arithmetic over a mock's questions. Pure. */
class MockTest {

    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

    private static Item item(int position, String topic, ItemStatus status, Integer score) {
        return new Item(position, topic + "-q" + position, topic, status, AT, score);
    }

    private static Mock mock(Item... items) {
        return new Mock(1, 7, null, Mock.Status.RUNNING, List.of(items));
    }

    @Test
    void weakestAreTheScoresBelowSixtyLowestFirstThenInOrder() {
        Mock mock = mock(item(1, "redis", ItemStatus.ANSWERED, 50), item(2, "redis", ItemStatus.SKIPPED, 0),
                item(3, "python", ItemStatus.ANSWERED, 60), item(4, "python", ItemStatus.ANSWERED, 50),
                item(5, "python", ItemStatus.OPEN, null));
        assertEquals(List.of(2, 1, 4), mock.weakest(5).stream().map(Item::position).toList());
        assertEquals(List.of(2, 1), mock.weakest(2).stream().map(Item::position).toList());
        assertEquals(40, mock.averageScore(), "(50 + 0 + 60 + 50) / 4, the open question aside");
    }

    @Test
    void weakestTopicNeedsTwoTopics() {
        Mock two = mock(item(1, "redis", ItemStatus.ANSWERED, 100), item(2, "python", ItemStatus.ANSWERED, 33),
                item(3, "python", ItemStatus.ANSWERED, 67));
        assertEquals(List.of(new TopicAverage("redis", 100), new TopicAverage("python", 50)), two.topicAverages());
        assertEquals(Optional.of(new TopicAverage("python", 50)), two.weakestTopic());
        assertTrue(mock(item(1, "redis", ItemStatus.ANSWERED, 10)).weakestTopic().isEmpty());
    }

    @Test
    void noTopicIsWeakestWhenEveryAnswerScoredSixtyOrMore() {
        Mock strong = mock(item(1, "redis", ItemStatus.ANSWERED, 80), item(2, "python", ItemStatus.ANSWERED, 60));
        assertTrue(strong.weakest(3).isEmpty());
        assertTrue(strong.weakestTopic().isEmpty(), "the card must not call Python weak after saying nothing is");
    }

    @Test
    void droppedQuestionsLeaveTheNumbering() {
        Item third = item(3, "redis", ItemStatus.OPEN, null);
        Mock mock = mock(item(1, "redis", ItemStatus.ANSWERED, 80), item(2, "redis", ItemStatus.DROPPED, null), third,
                item(4, "redis", ItemStatus.PENDING, null));
        assertEquals(3, mock.size());
        assertEquals(2, mock.numberOf(third));
        assertEquals(Optional.of(third), mock.current());
        assertEquals(4, mock.nextPending().orElseThrow().position());
    }
}
