package coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.grading.llm.LlmSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    private static String problem(String json) {
        return assertThrows(Config.ConfigException.class, () -> Config.parse("coach.json", json)).getMessage();
    }

    @Test
    void shippedConfigEqualsTheDefaults() {
        assertEquals(Config.defaults(), Config.load(Path.of("config/coach.json")));
    }

    @Test
    void missingKeysTakeDefaults() {
        Config c = Config.parse("coach.json", "{\"daily\": {\"time\": \"07:30\"}, \"admins\": [42]}");
        assertEquals(LocalTime.of(7, 30), c.dailyTime());
        assertEquals(ZoneId.of("Asia/Shanghai"), c.dailyZone());
        assertEquals(25, c.messagesPerSecond());
        assertEquals(List.of(42L), c.admins());
    }

    @Test
    void missingFileMeansDefaults(@TempDir Path dir) {
        assertEquals(Config.defaults(), Config.load(dir.resolve("none.json")));
    }

    @Test
    void badTimeNamesTheKey() {
        assertEquals("coach.json: 'daily.time' must be a time HH:MM like 09:00, got '25:99'",
                problem("{\"daily\": {\"time\": \"25:99\"}}"));
    }

    @Test
    void unknownZoneNamesTheKey() {
        assertEquals("coach.json: 'daily.zone' must be a time zone like Asia/Shanghai, got 'Mars/Base'",
                problem("{\"daily\": {\"zone\": \"Mars/Base\"}}"));
    }

    @Test
    void negativeRateNamesTheKey() {
        assertEquals("coach.json: 'delivery.messagesPerSecond' must be a whole number from 1 to 1000, got -5",
                problem("{\"delivery\": {\"messagesPerSecond\": -5}}"));
    }

    @Test
    void battleSettingsAreChecked() {
        assertEquals("coach.json: 'battle.rounds' must be a whole number from 1 to 50, got 0",
                problem("{\"battle\": {\"rounds\": 0}}"));
        assertEquals("coach.json: 'battle.roundSeconds' must be a whole number from 1 to 600, got \"20\"",
                problem("{\"battle\": {\"roundSeconds\": \"20\"}}"));
    }

    @Test
    void unknownKeysAreRefused() {
        assertEquals("coach.json: 'daily.tiem' is not a known key", problem("{\"daily\": {\"tiem\": \"09:00\"}}"));
        assertEquals("coach.json: 'token' is not a known key (known: admins, banks, battle, daily, delivery, grading, storage, telegram)",
                problem("{\"token\": \"x\"}"));
    }

    @Test
    void apiUrlMustBeHttp() {
        assertEquals("coach.json: 'telegram.apiUrl' must be an http or https address like https://api.telegram.org, got 'ftp://x'",
                problem("{\"telegram\": {\"apiUrl\": \"ftp://x\"}}"));
    }

    @Test
    void adminsMustBeUserIds() {
        assertEquals("coach.json: 'admins' must be a list of Telegram user ids like [123456789], got \"bob\"",
                problem("{\"admins\": [\"bob\"]}"));
    }

    @Test
    void sectionMustBeAnObject() {
        assertEquals("coach.json: 'storage' must be an object", problem("{\"storage\": \"data.db\"}"));
    }

    @Test
    void emptyStringsAreRefused() {
        assertEquals("coach.json: 'banks.dir' must be a non-empty string", problem("{\"banks\": {\"dir\": \"\"}}"));
    }

    @Test
    void brokenJsonSaysWhere() {
        assertEquals("coach.json: is not valid JSON (line 1, column 12)", problem("{\"daily\": {"));
    }

    @Test
    void theFileMustBeAnObject() {
        assertEquals("coach.json: must be a JSON object", problem("[1]"));
    }

    @Test
    void anEmptyFileMeansDefaults() {
        assertEquals(Config.defaults(), Config.parse("coach.json", ""));
    }

    @Test
    void anUnreadableFileSaysSo(@TempDir Path dir) {
        String message = assertThrows(Config.ConfigException.class, () -> Config.load(dir)).getMessage();
        assertTrue(message.startsWith(dir + ": cannot be read: "), message);
    }

    @Test
    void valuesMustBeStrings() {
        assertEquals("coach.json: 'storage.path' must be a non-empty string", problem("{\"storage\": {\"path\": 5}}"));
    }

    @Test
    void apiUrlMustBeAnAddress() {
        assertEquals("coach.json: 'telegram.apiUrl' must be an http or https address like https://api.telegram.org, "
                + "got 'http://bad host'", problem("{\"telegram\": {\"apiUrl\": \"http://bad host\"}}"));
    }

    @Test
    void rateHasAnUpperBound() {
        assertEquals("coach.json: 'delivery.messagesPerSecond' must be a whole number from 1 to 1000, got 1001",
                problem("{\"delivery\": {\"messagesPerSecond\": 1001}}"));
    }

    @Test
    void adminsMustBeAListOfPositiveIds() {
        assertEquals("coach.json: 'admins' must be a list of Telegram user ids like [123456789]",
                problem("{\"admins\": 5}"));
        assertEquals("coach.json: 'admins' must be a list of Telegram user ids like [123456789], got 0",
                problem("{\"admins\": [0]}"));
    }

    @Test
    void withoutGradingLlmGradingIsOfflineOnly() {
        assertEquals(Optional.empty(), Config.defaults().llm());
        assertEquals(Optional.empty(), Config.parse("coach.json", "{\"grading\": {}}").llm());
    }

    @Test
    void theLlmBlockIsReadWithItsExactNames() {
        Config c = Config.parse("coach.json", """
                {"grading": {"llm": {"url": "https://llm.example/v1", "model": "m1", "timeoutSeconds": 7,
                                     "perUserPerDay": 3, "concurrency": 2}}}""");
        assertEquals(Optional.of(new LlmSettings(URI.create("https://llm.example/v1"), "m1", Duration.ofSeconds(7), 3, 2)),
                c.llm());
    }

    @Test
    void missingLlmKeysTakeTheDefaults() {
        assertEquals(Optional.of(new LlmSettings(URI.create("http://127.0.0.1:11434/v1"), "qwen2.5:7b-instruct",
                Duration.ofSeconds(20), 50, 4)), Config.parse("coach.json", "{\"grading\": {\"llm\": {}}}").llm());
    }

    @Test
    void badLlmSettingsNameTheKey() {
        assertEquals("coach.json: 'grading.llm.url' must be an http or https address like http://127.0.0.1:11434/v1, "
                + "got 'localhost:11434'", problem("{\"grading\": {\"llm\": {\"url\": \"localhost:11434\"}}}"));
        assertEquals("coach.json: 'grading.llm.timeoutSeconds' must be a whole number from 1 to 600, got 0",
                problem("{\"grading\": {\"llm\": {\"timeoutSeconds\": 0}}}"));
        assertEquals("coach.json: 'grading.llm.apiKey' is not a known key",
                problem("{\"grading\": {\"llm\": {\"apiKey\": \"sk-1\"}}}"));
        assertEquals("coach.json: 'grading.offline' is not a known key", problem("{\"grading\": {\"offline\": 1}}"));
        assertEquals("coach.json: 'grading.llm' must be an object", problem("{\"grading\": {\"llm\": 5}}"));
    }
}
