package coach.progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ProgressPictureTest {

    private static final LocalDate TODAY = ProgressFixture.TODAY;

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "the bytes decode as an image");
        return image;
    }

    private static Color at(BufferedImage image, Point p) {
        return new Color(image.getRGB(p.x, p.y));
    }

    @Test
    void isAPngOfTheExpectedSize() throws IOException {
        Progress progress = ProgressFixture.example();
        byte[] png = ProgressPicture.render(progress);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        BufferedImage image = decode(png);
        assertEquals(ProgressPicture.WIDTH, image.getWidth());
        assertEquals(ProgressPicture.height(6), image.getHeight());
    }

    @Test
    void daysWithAnswersAreColouredAndDaysWithoutAreNot() throws IOException {
        Progress progress = ProgressFixture.example();
        BufferedImage image = decode(ProgressPicture.render(progress));
        int coloured = 0;
        for (LocalDate day = ProgressPicture.firstDay(TODAY); !day.isAfter(TODAY); day = day.plusDays(1)) {
            Color colour = at(image, ProgressPicture.centreOf(TODAY, day));
            int answers = progress.answersOn(day);
            if (answers > 0) {
                coloured++;
                assertNotEquals(ProgressPicture.EMPTY, colour, day + " has answers");
                assertEquals(ProgressPicture.colourOf(answers, false), colour, day.toString());
            } else {
                Color expected = progress.frozenDays().contains(day) ? ProgressPicture.FROZEN : ProgressPicture.EMPTY;
                assertEquals(expected, colour, day + " has no answers");
            }
        }
        assertTrue(coloured > 60, "the fixture answers on most days: " + coloured);
        assertEquals(Set.of(TODAY.minusDays(9)), progress.frozenDays(), "and one day was saved by a freeze");
    }

    @Test
    void moreAnswersMeanADarkerGreen() {
        Color one = ProgressPicture.colourOf(1, false);
        Color four = ProgressPicture.colourOf(4, false);
        assertTrue(brightness(four) < brightness(one));
        assertEquals(four, ProgressPicture.colourOf(12, false));
    }

    private static int brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }

    @Test
    void theCalendarEndsToday() throws IOException {
        LocalDate wednesday = LocalDate.of(2026, 11, 25);
        Progress progress = new Progress(wednesday, Map.of(wednesday, 2, wednesday.minusDays(182), 1), Set.of(),
                1, 1, 0, List.of());
        BufferedImage image = decode(ProgressPicture.render(progress));
        assertNotEquals(ProgressPicture.EMPTY, at(image, ProgressPicture.centreOf(wednesday, wednesday)));
        assertEquals(ProgressPicture.BACKGROUND, at(image, ProgressPicture.centreOf(wednesday, wednesday.plusDays(1))),
                "Thursday has not come yet");
        assertEquals(LocalDate.of(2026, 6, 1), ProgressPicture.firstDay(wednesday), "26 weeks, Monday first");
        assertEquals(ProgressPicture.height(0), image.getHeight());
    }

    @Test
    void aBarIsAsLongAsTheAverageScore() throws IOException {
        Progress progress = new Progress(TODAY, Map.of(TODAY, 1), Set.of(), 1, 1, 0,
                List.of(new Progress.TopicBar("redis", 50), new Progress.TopicBar("python", 100)));
        BufferedImage image = decode(ProgressPicture.render(progress));
        int half = filled(image, 0);
        int full = filled(image, 1);
        assertEquals(ProgressPicture.barWidth(), full, 1);
        assertEquals(ProgressPicture.barWidth() / 2.0, half, 1);
    }

    /** Pixels along the middle of a bar that are neither the empty track nor the background. */
    private static int filled(BufferedImage image, int index) {
        int y = ProgressPicture.barTop(index) + ProgressPicture.BAR / 2;
        int count = 0;
        for (int x = ProgressPicture.barLeft(); x < ProgressPicture.barLeft() + ProgressPicture.barWidth(); x++) {
            Color c = new Color(image.getRGB(x, y));
            if (!c.equals(ProgressPicture.EMPTY) && !c.equals(ProgressPicture.BACKGROUND)) {
                count++;
            }
        }
        return count;
    }
}
