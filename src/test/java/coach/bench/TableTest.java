package coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAreAlignedAndVerdictsSpelledOut() {
        String table = Table.format(List.of(
                new Figure("grading p99", "52 µs", "< 1 ms", true),
                new Figure("ratio", "0.20", "≥ 0.80", false)));
        assertEquals("""
                | figure      | value | target | verdict |
                | ----------- | ----- | ------ | ------- |
                | grading p99 | 52 µs | < 1 ms | ok      |
                | ratio       | 0.20  | ≥ 0.80 | miss    |
                """, table);
    }
}
