package coach.progress;

import java.awt.Graphics2D;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A 5×7 dot font for digits, Latin capitals, '&' and a little punctuation, drawn as filled squares, so the picture looks
 * the same on a server with no fonts installed. Lower case is drawn in capitals; any other character as '?'.
 */
final class PixelFont {

    /** Dots per glyph across and down; one blank column separates glyphs. */
    static final int COLUMNS = 5;
    static final int ROWS = 7;

    private static final String GLYPHS = """
            0 .###. #...# #..## #.#.# ##..# #...# .###.
            1 ..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.
            2 .###. #...# ....# ...#. ..#.. .#... #####
            3 ##### ...#. ..#.. ...#. ....# #...# .###.
            4 ...#. ..##. .#.#. #..#. ##### ...#. ...#.
            5 ##### #.... ####. ....# ....# #...# .###.
            6 ..##. .#... #.... ####. #...# #...# .###.
            7 ##### ....# ...#. ..#.. .#... .#... .#...
            8 .###. #...# #...# .###. #...# #...# .###.
            9 .###. #...# #...# .#### ....# ...#. .##..
            A .###. #...# #...# ##### #...# #...# #...#
            B ####. #...# #...# ####. #...# #...# ####.
            C .###. #...# #.... #.... #.... #...# .###.
            D ###.. #..#. #...# #...# #...# #..#. ###..
            E ##### #.... #.... ####. #.... #.... #####
            F ##### #.... #.... ####. #.... #.... #....
            G .###. #...# #.... #.### #...# #...# .####
            H #...# #...# #...# ##### #...# #...# #...#
            I .###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.
            J ..### ...#. ...#. ...#. ...#. #..#. .##..
            K #...# #..#. #.#.. ##... #.#.. #..#. #...#
            L #.... #.... #.... #.... #.... #.... #####
            M #...# ##.## #.#.# #.#.# #...# #...# #...#
            N #...# #...# ##..# #.#.# #..## #...# #...#
            O .###. #...# #...# #...# #...# #...# .###.
            P ####. #...# #...# ####. #.... #.... #....
            Q .###. #...# #...# #...# #.#.# #..#. .##.#
            R ####. #...# #...# ####. #.#.. #..#. #...#
            S .#### #.... #.... .###. ....# ....# ####.
            T ##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..
            U #...# #...# #...# #...# #...# #...# .###.
            V #...# #...# #...# #...# #...# .#.#. ..#..
            W #...# #...# #...# #.#.# #.#.# #.#.# .#.#.
            X #...# #...# .#.#. ..#.. .#.#. #...# #...#
            Y #...# #...# .#.#. ..#.. ..#.. ..#.. ..#..
            Z ##### ....# ...#. ..#.. .#... #.... #####
            - ..... ..... ..... ##### ..... ..... .....
            _ ..... ..... ..... ..... ..... ..... #####
            . ..... ..... ..... ..... ..... .##.. .##..
            : ..... .##.. .##.. ..... .##.. .##.. .....
            / ..... ....# ...#. ..#.. .#... #.... .....
            % ##... ##..# ...#. ..#.. .#... #..## ...##
            ? .###. #...# ....# ...#. ..#.. ..... ..#..
            & .##.. #..#. #.#.. .#... #.#.# #..#. .##.#
            """;

    private static final Map<Character, boolean[][]> FONT = parse(GLYPHS);

    private PixelFont() {
    }

    /** True when every character of the text has a glyph of its own (in either case) or is a space. */
    static boolean canDraw(String text) {
        return text.toUpperCase(Locale.ROOT).chars().allMatch(c -> c == ' ' || FONT.containsKey((char) c));
    }

    /** Width in pixels of the text drawn with dots of the given size. */
    static int width(String text, int dot) {
        return text.isEmpty() ? 0 : (text.length() * (COLUMNS + 1) - 1) * dot;
    }

    static int height(int dot) {
        return ROWS * dot;
    }

    /** Draws the text with its top left corner at (x, y) in the current colour. */
    static void draw(Graphics2D g, String text, int x, int y, int dot) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            if (c != ' ') {
                glyph(g, FONT.getOrDefault(c, FONT.get('?')), x + i * (COLUMNS + 1) * dot, y, dot);
            }
        }
    }

    private static void glyph(Graphics2D g, boolean[][] dots, int x, int y, int dot) {
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                if (dots[row][column]) {
                    g.fillRect(x + column * dot, y + row * dot, dot, dot);
                }
            }
        }
    }

    private static Map<Character, boolean[][]> parse(String table) {
        Map<Character, boolean[][]> font = new HashMap<>();
        for (String line : table.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            boolean[][] dots = new boolean[ROWS][COLUMNS];
            for (int row = 0; row < ROWS; row++) {
                for (int column = 0; column < COLUMNS; column++) {
                    dots[row][column] = parts[row + 1].charAt(column) == '#';
                }
            }
            font.put(parts[0].charAt(0), dots);
        }
        return Map.copyOf(font);
    }
}
