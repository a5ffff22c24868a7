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
 * method (现程 for 线程, 锁引 for 索引) can still be recognised. Read once from {@code pinyin.txt}.
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

    private static String[] load() {
        String[] sounds = new String[LAST - FIRST + 1];
        try (InputStream in = Objects.requireNonNull(Pinyin.class.getResourceAsStream("pinyin.txt"), "pinyin.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int space = line.indexOf(' ');
                String sound = line.substring(0, space).intern();
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
