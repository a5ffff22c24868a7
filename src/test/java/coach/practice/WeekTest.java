package coach.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.practice.PracticeStore.Answer;
import coach.practice.PracticeStore.TopicScore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeekTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Answer answer(String topic, int score, String at) {
        return new Answer(topic, score, Instant.parse(at));
    }

    @Test
    void countsAnswersDaysAverageAndTheWeakestTopic() {
        Week week = Week.of(List.of(
                answer("redis", 40, "2026-11-23T02:00:00Z"),
                answer("python", 90, "2026-11-23T03:00:00Z"),
                answer("redis", 60, "2026-11-25T02:00:00Z"),
                answer("python", 70, "2026-11-27T02:00:00Z")), SHANGHAI);
        assertEquals(new Week(4, 3, 65, Optional.of(new TopicScore("redis", 2, 50))), week);
    }

    @Test
    void daysAreCountedOnTheUsersCalendar() {
        List<Answer> answers = List.of(answer("redis", 50, "2026-11-23T15:30:00Z"),
                answer("redis", 50, "2026-11-23T16:30:00Z"));
        assertEquals(2, Week.of(answers, SHANGHAI).days(), "either side of midnight in Shanghai");
        assertEquals(1, Week.of(answers, ZoneId.of("Europe/London")).days(), "the same evening in London");
    }

    @Test
    void aTieGoesToTheFirstTopicByName() {
        Week week = Week.of(List.of(answer("redis", 50, "2026-11-23T02:00:00Z"),
                answer("mysql", 50, "2026-11-23T03:00:00Z")), SHANGHAI);
        assertEquals("mysql", week.weakest().orElseThrow().topic());
    }

    @Test
    void anEmptyWeek() {
        assertEquals(new Week(0, 0, 0, Optional.empty()), Week.of(List.of(), SHANGHAI));
    }
}
