package coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputBenchTest {

    @Test
    void medianOfAnOddAndAnEvenNumberOfRounds() {
        assertEquals(200.0, ThroughputBench.median(List.of(300.0, 100.0, 200.0)));
        assertEquals(150.0, ThroughputBench.median(List.of(200.0, 100.0)));
    }
}
