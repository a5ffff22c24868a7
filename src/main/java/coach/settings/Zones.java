package coach.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time zone the way people write one: a zone id in any case ({@code asia/shanghai}), a UTC or GMT offset
 * ({@code UTC+8}, {@code GMT+8}, {@code +08:00}), the city part of a zone id ({@code shanghai}, {@code new york}),
 * or a big city that shares a zone with another ({@code Beijing}, {@code 深圳}). Otherwise it suggests the three
 * closest zones.
 */
final class Zones {

    private static final Pattern OFFSET =
            Pattern.compile("(?:utc|gmt)?([+-])(\\d{1,2})(?::?(\\d{2}))?");
    private static final List<String> AREAS = List.of("Africa", "America", "Antarctica", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");

    /** Big cities with no zone of their own, and cities written in Chinese. */
    private static final Map<String, String> CITIES = Map.ofEntries(
            Map.entry("beijing", "Asia/Shanghai"), Map.entry("peking", "Asia/Shanghai"),
            Map.entry("shenzhen", "Asia/Shanghai"), Map.entry("hangzhou", "Asia/Shanghai"),
            Map.entry("chengdu", "Asia/Shanghai"), Map.entry("guangzhou", "Asia/Shanghai"),
            Map.entry("nanjing", "Asia/Shanghai"), Map.entry("wuhan", "Asia/Shanghai"),
            Map.entry("xian", "Asia/Shanghai"), Map.entry("xi_an", "Asia/Shanghai"),
            Map.entry("chongqing", "Asia/Shanghai"), Map.entry("tianjin", "Asia/Shanghai"),
            Map.entry("suzhou", "Asia/Shanghai"), Map.entry("xiamen", "Asia/Shanghai"),
            Map.entry("qingdao", "Asia/Shanghai"), Map.entry("dalian", "Asia/Shanghai"),
            Map.entry("changsha", "Asia/Shanghai"), Map.entry("zhengzhou", "Asia/Shanghai"),
            Map.entry("shenyang", "Asia/Shanghai"), Map.entry("hefei", "Asia/Shanghai"),
            Map.entry("北京", "Asia/Shanghai"), Map.entry("上海", "Asia/Shanghai"), Map.entry("深圳", "Asia/Shanghai"),
            Map.entry("杭州", "Asia/Shanghai"), Map.entry("成都", "Asia/Shanghai"), Map.entry("广州", "Asia/Shanghai"),
            Map.entry("南京", "Asia/Shanghai"), Map.entry("武汉", "Asia/Shanghai"), Map.entry("西安", "Asia/Shanghai"),
            Map.entry("重庆", "Asia/Shanghai"), Map.entry("天津", "Asia/Shanghai"), Map.entry("苏州", "Asia/Shanghai"),
            Map.entry("厦门", "Asia/Shanghai"), Map.entry("青岛", "Asia/Shanghai"), Map.entry("中国", "Asia/Shanghai"),
            Map.entry("香港", "Asia/Hong_Kong"), Map.entry("台北", "Asia/Taipei"), Map.entry("澳门", "Asia/Macau"),
            Map.entry("东京", "Asia/Tokyo"), Map.entry("首尔", "Asia/Seoul"), Map.entry("新加坡", "Asia/Singapore"),
            Map.entry("伦敦", "Europe/London"), Map.entry("巴黎", "Europe/Paris"), Map.entry("柏林", "Europe/Berlin"),
            Map.entry("纽约", "America/New_York"), Map.entry("洛杉矶", "America/Los_Angeles"),
            Map.entry("旧金山", "America/Los_Angeles"), Map.entry("西雅图", "America/Los_Angeles"),
            Map.entry("悉尼", "Australia/Sydney"), Map.entry("温哥华", "America/Vancouver"),
            Map.entry("多伦多", "America/Toronto"),
            Map.entry("san_francisco", "America/Los_Angeles"), Map.entry("seattle", "America/Los_Angeles"),
            Map.entry("san_jose", "America/Los_Angeles"), Map.entry("boston", "America/New_York"),
            Map.entry("washington", "America/New_York"), Map.entry("austin", "America/Chicago"),
            Map.entry("dallas", "America/Chicago"), Map.entry("houston", "America/Chicago"),
            Map.entry("mumbai", "Asia/Kolkata"), Map.entry("delhi", "Asia/Kolkata"),
            Map.entry("new_delhi", "Asia/Kolkata"), Map.entry("bangalore", "Asia/Kolkata"),
            Map.entry("bengaluru", "Asia/Kolkata"), Map.entry("munich", "Europe/Berlin"),
            Map.entry("frankfurt", "Europe/Berlin"), Map.entry("hamburg", "Europe/Berlin"),
            Map.entry("osaka", "Asia/Tokyo"), Map.entry("kyoto", "Asia/Tokyo"));

    /** Lower-cased zone ids and city parts (spaces as '_'), each to its zone id. */
    private static final Map<String, String> NAMES = names();

    /** A zone read from what was typed, or up to three suggestions when none could be. */
    record Found(Optional<ZoneId> zone, List<String> suggestions) {
        Found {
            suggestions = List.copyOf(suggestions);
        }
    }

    private Zones() {
    }

    static Found find(String typed) {
        String lower = typed.strip().toLowerCase(Locale.ROOT);
        String key = normal(lower);
        if (key.isEmpty()) {
            return new Found(Optional.empty(), List.of());
        }
        Optional<ZoneId> zone = offset(lower.replaceAll("\\s+", "")).or(() -> Optional.ofNullable(NAMES.get(key)).map(ZoneId::of));
        return zone.isPresent() ? new Found(zone, List.of()) : new Found(Optional.empty(), closest(key));
    }

    private static Optional<ZoneId> offset(String key) {
        if (key.equals("utc") || key.equals("gmt") || key.equals("z")) {
            return Optional.of(ZoneId.of("UTC"));
        }
        Matcher m = OFFSET.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int sign = m.group(1).equals("-") ? -1 : 1;
        try {
            return Optional.of(ZoneId.ofOffset("UTC", ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> closest(String key) {
        return NAMES.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> distance(key, e.getKey()))
                        .thenComparing(Map.Entry::getValue))
                .map(Map.Entry::getValue)
                .distinct()
                .limit(3)
                .toList();
    }

    private static Map<String, String> names() {
        Map<String, String> names = new TreeMap<>();
        ZoneId.getAvailableZoneIds().stream()
                .filter(id -> AREAS.contains(id.split("/")[0]))
                .sorted()
                .forEach(id -> {
                    names.put(normal(id), id);
                    names.putIfAbsent(normal(id.substring(id.lastIndexOf('/') + 1)), id);
                });
        names.put("utc", "UTC");
        CITIES.forEach(names::putIfAbsent);
        return Map.copyOf(names);
    }

    /** Lower case, with runs of spaces and hyphens as one '_', as zone ids write them. */
    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    /** Levenshtein distance between two strings, by code unit. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
