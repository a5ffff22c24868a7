package coach.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZonesTest {

    @ParameterizedTest
    @CsvSource({
            "Asia/Shanghai, Asia/Shanghai", "asia/shanghai, Asia/Shanghai", "ASIA/SHANGHAI, Asia/Shanghai",
            "shanghai, Asia/Shanghai", "Beijing, Asia/Shanghai", "shenzhen, Asia/Shanghai", "Hangzhou, Asia/Shanghai",
            "Chengdu, Asia/Shanghai", "北京, Asia/Shanghai", "new york, America/New_York", "Los_Angeles, America/Los_Angeles",
            "berlin, Europe/Berlin", "port-au-prince, America/Port-au-Prince", "UTC+8, UTC+08:00", "GMT+8, UTC+08:00", "+08:00, UTC+08:00", "utc-5, UTC-05:00",
            "UTC+5:30, UTC+05:30", "utc -5, UTC-05:00", "gmt, UTC", "UTC, UTC"})
    void readsZonesAsPeopleWriteThem(String typed, String zone) {
        assertEquals(Optional.of(ZoneId.of(zone)), Zones.find(typed).zone());
    }

    @Test
    void suggestsTheThreeClosestOtherwise() {
        Zones.Found found = Zones.find("Shanghia");
        assertEquals(Optional.empty(), found.zone());
        assertEquals(3, found.suggestions().size());
        assertEquals("Asia/Shanghai", found.suggestions().get(0));
        assertEquals(List.of(), Zones.find("").suggestions());
        assertEquals(Optional.empty(), Zones.find("UTC+19").zone());
    }
}
