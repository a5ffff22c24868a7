package coach.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PixelFontTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static String dots(String text) {
        BufferedImage image = new BufferedImage(PixelFont.width(text, 1), PixelFont.height(1),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        PixelFont.draw(g, text, 0, 0, 1);
        g.dispose();
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.append(image.getRGB(x, y) == Color.WHITE.getRGB() ? '#' : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Test
    void drawsTheGlyphDotByDot() {
        assertEquals("""
                ..#..
                .##..
                ..#..
                ..#..
                ..#..
                ..#..
                .###.
                """, dots("1"));
    }

    @Test
    void everyDigitAndLetterHasItsOwnGlyph() {
        Map<String, Character> seen = new HashMap<>();
        String question = dots("?");
        for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:/%&".toCharArray()) {
            String glyph = dots(String.valueOf(c));
            Character before = seen.put(glyph, c);
            assertTrue(before == null, c + " looks like " + before);
            assertTrue(!glyph.equals(question), c + " is drawn as '?'");
        }
    }

    @Test
    void everyShippedTopicsEnglishTitleCanBeDrawn() {
        coach.bank.Library library = new coach.bank.BankLoader().load(java.nio.file.Path.of("banks")).library();
        assertTrue(library.banks().size() > 10);
        library.banks().forEach(b -> assertTrue(PixelFont.canDraw(b.title().in("en")), b.title().in("en")));
    }

    @Test
    void lowerCaseIsDrawnInCapitalsAndUnknownCharactersAsAQuestionMark() {
        assertEquals(dots("REDIS"), dots("redis"));
        assertEquals(dots("?"), dots("é"));
    }

    @Test
    void widthCountsOneBlankColumnBetweenGlyphs() {
        assertEquals(0, PixelFont.width("", 2));
        assertEquals(5 * 2, PixelFont.width("A", 2));
        assertEquals((3 * 6 - 1) * 2, PixelFont.width("MON", 2));
    }
}
