package coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void residentSizeIsReadFromTheVmRssLine() {
        String status = "Name:\tjava\nVmPeak:\t 9017188 kB\nVmRSS:\t  231404 kB\nRssAnon:\t  200000 kB\n";
        assertEquals(OptionalLong.of(231_404), Memory.vmRssKilobytes(status));
    }

    @Test
    void noVmRssLineMeansUnknown() {
        assertEquals(OptionalLong.empty(), Memory.vmRssKilobytes("Name:\tkthreadd\n"));
    }

    @Test
    void megabytesAreWholeMebibytes() {
        assertEquals("1,024 MB", Memory.megabytes(1024L * 1024 * 1024 + 5));
    }
}
