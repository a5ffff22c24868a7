package coach.grading.llm;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Budget counts in memory, dropping days more than two days older than the latest day counted. */
public final class InMemoryBudgetStore implements BudgetStore {

    private record Key(long userId, LocalDate day) {
    }

    private final Map<Key, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public int increment(long userId, LocalDate day) {
        counts.keySet().removeIf(k -> k.day().isBefore(day.minusDays(2)));
        return counts.merge(new Key(userId, day), 1, Integer::sum);
    }
}
