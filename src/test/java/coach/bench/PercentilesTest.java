package coach.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfAHundredSamples() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        Percentiles p = Percentiles.of(samples);
        assertEquals(50, p.at(50));
        assertEquals(99, p.at(99));
        assertEquals(100, p.at(100));
        assertEquals(1, p.at(0.5));
    }

    @Test
    void smallSetsRoundTheRankUp() {
        Percentiles p = Percentiles.of(new long[] {30, 10, 20});
        assertEquals(20, p.at(50));
        assertEquals(30, p.at(99));
        assertEquals(10, p.at(33));
    }

    @Test
    void samplesPassedInAreLeftUnsorted() {
        long[] samples = {3, 1, 2};
        Percentiles.of(samples);
        assertArrayEquals(new long[] {3, 1, 2}, samples);
    }

    @Test
    void noSamplesOrAPercentOutsideTheRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new long[] {1}).at(0));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new long[] {1}).at(101));
    }
}
