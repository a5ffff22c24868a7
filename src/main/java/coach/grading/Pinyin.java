package coach.grading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The toneless Mandarin reading of each common Chinese character, so that a homophone typed by the pinyin input
 * method (现程 for 线程, 锁引 for 索引, 内纯 for 内存) can still be recognised. Read once from {@code pinyin.txt}.
 */
final class Pinyin {

    private static final int FIRST = 0x4E00;
    private static final int LAST = 0x9FFF;
    private static final String[] SOUNDS = load();

    private Pinyin() {
    }

    /** The reading of {@code codePoint}, or null for a character outside the table. */
    static String sound(int codePoint) {
        return codePoint < FIRST || codePoint > LAST ? null : SOUNDS[codePoint - FIRST];
    }

    /**
     * The syllable as the input method's fuzzy matching hears it: zh/ch/sh like z/c/s, l like n, and -ang/-eng/-ing
     * like -an/-en/-in, the confusions those settings exist for (纯 for 存, 内 for 类).
     */
    static String fuzzy(String syllable) {
        String s = syllable;
        if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
            s = s.charAt(0) + s.substring(2);
        } else if (s.startsWith("l")) {
            s = "n" + s.substring(1);
        }
        if (s.endsWith("ng") && s.length() > 3 && "aei".indexOf(s.charAt(s.length() - 3)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String[] load() {
        String[] sounds = new String[LAST - FIRST + 1];
        try (InputStream in = Objects.requireNonNull(Pinyin.class.getResourceAsStream("pinyin.txt"), "pinyin.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int space = line.indexOf(' ');
                String sound = fuzzy(line.substring(0, space)).intern();
                line.substring(space + 1).codePoints()
                        .filter(cp -> cp >= FIRST && cp <= LAST)
                        .forEach(cp -> sounds[cp - FIRST] = sound);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sounds;
    }
}
