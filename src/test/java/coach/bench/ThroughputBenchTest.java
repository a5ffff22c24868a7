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

    @Test
    void theRatioIsTheMedianOfEachRoundsPairNotOfTheTwoMedians() {
        ThroughputBench.Result r = new ThroughputBench.Result(300, 100,
                List.of(new ThroughputBench.Round(0, 100), new ThroughputBench.Round(0, 300),
                        new ThroughputBench.Round(0, 240)),
                List.of(new ThroughputBench.Round(0, 200), new ThroughputBench.Round(0, 300),
                        new ThroughputBench.Round(0, 400)), 1.33, 1.0);
        assertEquals(List.of(0.5, 1.0, 0.6), r.ratios());
        assertEquals(0.6, r.ratio(), 1e-9, "the rounds' own ratios");
        assertEquals(0.8, r.coachPerSecond() / r.echoPerSecond(), 1e-9, "not the medians' ratio");
    }
}
