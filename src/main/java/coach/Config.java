package coach;

import coach.grading.llm.LlmSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's settings from {@code config/coach.json}; missing keys take the defaults below. {@code llm} is present
 * only when the file has a {@code grading.llm} block; without it grading is offline only.
 */
public record Config(
        URI apiUrl,
        Path storagePath,
        Path banksDir,
        LocalTime dailyTime,
        ZoneId dailyZone,
        int messagesPerSecond,
        int battleRounds,
        int battleRoundSeconds,
        List<Long> admins,
        Optional<LlmSettings> llm) {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private static final Map<String, Set<String>> KEYS = Map.of(
            "telegram", Set.of("apiUrl"),
            "storage", Set.of("path"),
            "banks", Set.of("dir"),
            "daily", Set.of("time", "zone"),
            "delivery", Set.of("messagesPerSecond"),
            "battle", Set.of("rounds", "roundSeconds"),
            "admins", Set.of(),
            "grading", Set.of("llm"));
    private static final Set<String> LLM_KEYS = Set.of("url", "model", "timeoutSeconds", "perUserPerDay", "concurrency");

    public Config {
        admins = List.copyOf(admins);
        llm = Objects.requireNonNull(llm, "llm");
    }

    /** The settings without model grading. */
    public Config(URI apiUrl, Path storagePath, Path banksDir, LocalTime dailyTime, ZoneId dailyZone,
                  int messagesPerSecond, int battleRounds, int battleRoundSeconds, List<Long> admins) {
        this(apiUrl, storagePath, banksDir, dailyTime, dailyZone, messagesPerSecond, battleRounds, battleRoundSeconds,
                admins, Optional.empty());
    }

    /** The settings when the file has no keys at all. */
    public static Config defaults() {
        return new Config(URI.create("https://api.telegram.org"), Path.of("data/coach.db"), Path.of("banks"),
                LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"), 25, 5, 20, List.of());
    }

    /** Reads the file; a missing file means all defaults. */
    public static Config load(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            return defaults();
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), json);
    }

    /** Reads a file the user named: a missing file stops start-up with one sentence naming it. */
    public static Config loadExisting(Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException(file + ": no such file");
        }
        return load(file);
    }

    /** Parses settings from JSON text; {@code source} names it in error messages. */
    public static Config parse(String source, String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || root.isMissingNode()) {
            return defaults();
        }
        if (!root.isObject()) {
            throw new ConfigException(source + ": must be a JSON object");
        }
        return new Reader(source, (ObjectNode) root).read();
    }

    /** Turns a JSON tree into a Config, naming the key of the first bad value. */
    private record Reader(String source, ObjectNode root) {

        Config read() {
            checkKeys();
            Config d = defaults();
            return new Config(
                    uri("telegram", "apiUrl", d.apiUrl()),
                    path("storage", "path", d.storagePath()),
                    path("banks", "dir", d.banksDir()),
                    time("daily", "time", d.dailyTime()),
                    zone("daily", "zone", d.dailyZone()),
                    positive("delivery", "messagesPerSecond", d.messagesPerSecond(), 1000),
                    positive("battle", "rounds", d.battleRounds(), 50),
                    positive("battle", "roundSeconds", d.battleRoundSeconds(), 600),
                    admins(),
                    llm());
        }

        private void checkKeys() {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String section = it.next();
                if (!KEYS.containsKey(section)) {
                    throw fail(section, "is not a known key (known: " + String.join(", ", KEYS.keySet().stream().sorted().toList()) + ")");
                }
                JsonNode node = root.get(section);
                if (section.equals("admins")) {
                    continue;
                }
                if (!node.isObject()) {
                    throw fail(section, "must be an object");
                }
                checkKeys(section, node, KEYS.get(section));
            }
            JsonNode llm = root.path("grading").path("llm");
            if (!llm.isMissingNode() && !llm.isNull()) {
                if (!llm.isObject()) {
                    throw fail("grading.llm", "must be an object");
                }
                checkKeys("grading.llm", llm, LLM_KEYS);
            }
        }

        private void checkKeys(String section, JsonNode node, Set<String> known) {
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!known.contains(key)) {
                    throw fail(section + "." + key, "is not a known key");
                }
            }
        }

        private Optional<LlmSettings> llm() {
            JsonNode node = root.path("grading").path("llm");
            if (node.isMissingNode() || node.isNull()) {
                return Optional.empty();
            }
            String section = "grading.llm";
            String model = text(section, "model");
            return Optional.of(new LlmSettings(
                    uri(section, "url", LlmSettings.DEFAULT_URL),
                    model == null ? LlmSettings.DEFAULT_MODEL : model,
                    Duration.ofSeconds(positive(section, "timeoutSeconds", LlmSettings.DEFAULT_TIMEOUT_SECONDS, 600)),
                    positive(section, "perUserPerDay", LlmSettings.DEFAULT_PER_USER_PER_DAY, 100_000),
                    positive(section, "concurrency", LlmSettings.DEFAULT_CONCURRENCY, 64)));
        }

        private JsonNode value(String section, String key) {
            JsonNode node = root;
            for (String name : section.split("\\.")) {
                node = node.path(name);
            }
            node = node.path(key);
            return node.isMissingNode() || node.isNull() ? null : node;
        }

        private String text(String section, String key) {
            JsonNode node = value(section, key);
            if (node == null) {
                return null;
            }
            if (!node.isTextual() || node.asText().isBlank()) {
                throw fail(section + "." + key, "must be a non-empty string");
            }
            return node.asText();
        }

        private URI uri(String section, String key, URI fallback) {
            String raw = text(section, key);
            if (raw == null) {
                return fallback;
            }
            try {
                URI uri = new URI(raw);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw notAnAddress(section + "." + key, raw, fallback);
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw notAnAddress(section + "." + key, raw, fallback);
            }
        }

        private ConfigException notAnAddress(String key, String raw, URI example) {
            return fail(key, "must be an http or https address like " + example + ", got '" + raw + "'");
        }

        private Path path(String section, String key, Path fallback) {
            String raw = text(section, key);
            return raw == null ? fallback : Path.of(raw);
        }

        private LocalTime time(String section, String key, LocalTime fallback) {
            String raw = text(section, key);
            if (raw == null) {
                return fallback;
            }
            try {
                return LocalTime.parse(raw, HH_MM);
            } catch (DateTimeParseException e) {
                throw fail(section + "." + key, "must be a time HH:MM like 09:00, got '" + raw + "'");
            }
        }

        private ZoneId zone(String section, String key, ZoneId fallback) {
            String raw = text(section, key);
            if (raw == null) {
                return fallback;
            }
            try {
                return ZoneId.of(raw);
            } catch (DateTimeException e) {
                throw fail(section + "." + key, "must be a time zone like Asia/Shanghai, got '" + raw + "'");
            }
        }

        private int positive(String section, String key, int fallback, int max) {
            JsonNode node = value(section, key);
            if (node == null) {
                return fallback;
            }
            if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > max) {
                throw fail(section + "." + key, "must be a whole number from 1 to " + max + ", got " + node);
            }
            return node.asInt();
        }

        private List<Long> admins() {
            JsonNode node = root.get("admins");
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw fail("admins", "must be a list of Telegram user ids like [123456789]");
            }
            List<Long> ids = new ArrayList<>();
            for (JsonNode id : node) {
                if (!id.isIntegralNumber() || id.asLong() <= 0) {
                    throw fail("admins", "must be a list of Telegram user ids like [123456789], got " + id);
                }
                ids.add(id.asLong());
            }
            return ids;
        }

        private ConfigException fail(String key, String problem) {
            return new ConfigException(source + ": '" + key + "' " + problem);
        }
    }

    /** A bad setting; its message is the one sentence shown to the operator. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
