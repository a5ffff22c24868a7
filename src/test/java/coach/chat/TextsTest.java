package coach.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void englishNumbersTakeTheirPluralForms() {
        Texts texts = new Texts();
        assertEquals("🔥 Current streak: 1 day · longest: 3 days", texts.get(Texts.EN, "stats.streak", 1, 3));
        assertEquals("🔥 Current streak: 0 days · longest: 1 day", texts.get(Texts.EN, "stats.streak", 0, 1));
        assertEquals("• Redis: 1 answer, average 80", texts.get(Texts.EN, "stats.topic", "Redis", 1, 80));
        assertEquals("• Redis: 2 answers, average 80", texts.get(Texts.EN, "stats.topic", "Redis", 2, 80));
        assertEquals("(missed twice in your mock interviews)", texts.get(Texts.EN, "mock.card.missed.times", 2));
        assertEquals("📝 1 answer on 1 of 7 days · average score 70", texts.get(Texts.EN, "weekly.answers", 1, 1, 70));
        assertEquals("✅ Right! +1 point", texts.get(Texts.EN, "battle.right", 1));
        assertEquals("<b>Key-point coverage: 100/100</b> (1 of 1 point made)", texts.get(Texts.EN, "answer.score", 100, 1, 1));
        assertEquals("<b>Key-point coverage: 57/100</b> (1 of 2 points made)", texts.get(Texts.EN, "answer.score", 57, 1, 2));
        assertEquals("🔥 当前连续：1 天 · 最长：1 天", texts.get(Texts.ZH, "stats.streak", 1, 1));
    }

    /** Every English text that counts something says it with a plural choice: no "1 days", "1 answers". */
    @Test
    void everyEnglishCountOfANounIsAChoice() throws IOException {
        Properties en = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/messages_en.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        java.util.regex.Pattern bare = java.util.regex.Pattern.compile(
                "(?<!to )\\{\\d\\} (days|answers|questions|times|points|topics|users|weeks)\\b");
        for (String key : en.stringPropertyNames()) {
            String text = en.getProperty(key);
            java.util.regex.Matcher m = bare.matcher(text);
            while (m.find()) {
                assertTrue(insideChoice(text, m.start()), key + " counts without a plural choice: " + text);
            }
        }
    }

    private static boolean insideChoice(String text, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
        }
        return depth > 0;
    }
}
