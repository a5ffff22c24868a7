package coach.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextsTest {

    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertEquals(keys("messages_zh.properties"), keys("messages_en.properties"));
    }

    @Test
    void argumentsAreFilledInAsGiven() {
        assertEquals("🧊 Streak freezes: 1 of 2 (one for every 7 days in a row; a day you miss uses one)",
                new Texts().get(Texts.EN, "stats.freezes", 1, 2, 7));
    }
}
