package coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FullBenchTest {

    @Test
    void shortTimesKeepOneDecimalLongerOnesAreWhole() {
        assertEquals("9.9 µs", FullBench.micros(9_949));
        assertEquals("52 µs", FullBench.micros(52_400));
        assertEquals("1,250 µs", FullBench.micros(1_250_000));
    }
}
