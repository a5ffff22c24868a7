package coach.grading.llm;

import static coach.grading.llm.DailyBudget.Decision.GRANTED;
import static coach.grading.llm.DailyBudget.Decision.SPENT;
import static coach.grading.llm.DailyBudget.Decision.SPENT_JUST_NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DailyBudgetTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private final DailyBudget budget = new DailyBudget(2, new InMemoryBudgetStore());

    @Test
    void theLimitThenOneNoticeThenSilence() {
        assertEquals(List.of(GRANTED, GRANTED, SPENT_JUST_NOW, SPENT, SPENT),
                IntStream.range(0, 5).mapToObj(i -> budget.take(7, DAY)).toList());
    }

    @Test
    void eachUserAndEachLocalDayHasItsOwnCount() {
        budget.take(7, DAY);
        budget.take(7, DAY);
        assertEquals(GRANTED, budget.take(8, DAY));
        assertEquals(GRANTED, budget.take(7, DAY.plusDays(1)));
    }

    @Test
    void theLimitIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> new DailyBudget(0, new InMemoryBudgetStore()));
    }
}
