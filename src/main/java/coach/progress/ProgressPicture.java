package coach.progress;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws {@link Progress} as a PNG: a calendar of the last {@value #WEEKS} weeks with a square a day coloured by the
 * number of answers, the current and longest streak with the freezes held, and a bar per topic for the average score.
 * Java2D in headless mode; every label is drawn with {@link PixelFont}, so no installed font is needed.
 */
public final class ProgressPicture {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Weeks in the calendar, the current one last. */
    public static final int WEEKS = 26;
    public static final int WIDTH = 784;

    static final Color BACKGROUND = Color.WHITE;
    static final Color EMPTY = new Color(0xEBEDF0);
    static final Color FROZEN = new Color(0x9ECBFF);
    private static final Color[] LEVELS = {EMPTY, new Color(0x9BE9A8), new Color(0x40C463), new Color(0x30A14E),
            new Color(0x216E39)};
    private static final Color INK = new Color(0x24292F);
    private static final Color MUTED = new Color(0x6E7781);
    private static final Color FLAME = new Color(0xE36209);
    private static final Color WEAK = new Color(0xE5534B);
    private static final Color FAIR = new Color(0xE3B341);
    private static final Color STRONG = new Color(0x30A14E);

    private static final int MARGIN = 32;
    private static final int DOT = 2;
    private static final int BIG_DOT = 5;
    private static final int CELL = 22;
    private static final int PITCH = CELL + 4;
    private static final int GRID_X = MARGIN + 48;
    private static final int MONTHS_Y = 62;
    private static final int GRID_Y = 86;
    private static final int LEGEND_Y = GRID_Y + 7 * PITCH + 12;
    private static final int STREAKS_Y = LEGEND_Y + 48;
    private static final int TOPICS_Y = STREAKS_Y + 90;
    private static final int ROW = 30;
    static final int BAR = 18;
    /** Room for 22 characters: the longest English topic title, "Message queues & tasks". */
    private static final int LABEL_WIDTH = 262;
    private static final int BAR_X = MARGIN + LABEL_WIDTH + 12;
    private static final int BAR_WIDTH = WIDTH - MARGIN - 48 - BAR_X;

    private ProgressPicture() {
    }

    /** The picture as PNG bytes. */
    public static byte[] render(Progress progress) {
        BufferedImage image = new BufferedImage(WIDTH, height(progress.topics().size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            title(g, progress.today());
            months(g, progress.today());
            weekdays(g);
            calendar(g, progress);
            legend(g);
            streaks(g, progress);
            topics(g, progress.topics());
        } finally {
            g.dispose();
        }
        return png(image);
    }

    /** Height of a picture with this many topic bars. */
    static int height(int topics) {
        return TOPICS_Y + ROW + Math.max(1, topics) * ROW + MARGIN;
    }

    /** The first day shown: the Monday {@value #WEEKS} weeks back, counting the current week. */
    public static LocalDate firstDay(LocalDate today) {
        return today.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
    }

    /** The centre of a day's square: a column a week, Monday at the top. */
    static Point centreOf(LocalDate today, LocalDate day) {
        int column = (int) (ChronoUnit.DAYS.between(firstDay(today), day) / 7);
        int row = day.getDayOfWeek().getValue() - 1;
        return new Point(GRID_X + column * PITCH + CELL / 2, GRID_Y + row * PITCH + CELL / 2);
    }

    /** The colour of a day's square: greener with more answers, blue when a freeze saved it, grey when empty. */
    static Color colourOf(int answers, boolean frozen) {
        if (answers > 0) {
            return LEVELS[Math.min(answers, LEVELS.length - 1)];
        }
        return frozen ? FROZEN : EMPTY;
    }

    private static void title(Graphics2D g, LocalDate today) {
        g.setColor(INK);
        PixelFont.draw(g, "Last " + WEEKS + " weeks", MARGIN, MARGIN, DOT);
        String date = today.toString();
        g.setColor(MUTED);
        PixelFont.draw(g, date, WIDTH - MARGIN - PixelFont.width(date, DOT), MARGIN, DOT);
    }

    private static void months(Graphics2D g, LocalDate today) {
        g.setColor(MUTED);
        LocalDate first = firstDay(today);
        for (int week = 0; week < WEEKS; week++) {
            LocalDate sunday = first.plusWeeks(week).plusDays(6);
            if (sunday.getDayOfMonth() <= 7) {
                String name = sunday.getMonth().name().substring(0, 3);
                PixelFont.draw(g, name, GRID_X + week * PITCH, MONTHS_Y, DOT);
            }
        }
    }

    private static void weekdays(Graphics2D g) {
        g.setColor(MUTED);
        List<String> names = List.of("Mon", "Wed", "Fri");
        for (int i = 0; i < names.size(); i++) {
            int y = GRID_Y + 2 * i * PITCH + (CELL - PixelFont.height(DOT)) / 2;
            PixelFont.draw(g, names.get(i), MARGIN, y, DOT);
        }
    }

    private static void calendar(Graphics2D g, Progress progress) {
        LocalDate today = progress.today();
        for (LocalDate day = firstDay(today); !day.isAfter(today); day = day.plusDays(1)) {
            g.setColor(colourOf(progress.answersOn(day), progress.frozenDays().contains(day)));
            Point centre = centreOf(today, day);
            g.fillRoundRect(centre.x - CELL / 2, centre.y - CELL / 2, CELL, CELL, 6, 6);
        }
    }

    private static void legend(Graphics2D g) {
        int x = GRID_X;
        int square = 14;
        int textY = LEGEND_Y + (square - PixelFont.height(DOT)) / 2;
        g.setColor(MUTED);
        PixelFont.draw(g, "Less", x, textY, DOT);
        x += PixelFont.width("Less", DOT) + 8;
        for (int answers = 0; answers < LEVELS.length; answers++) {
            g.setColor(colourOf(answers, false));
            g.fillRoundRect(x, LEGEND_Y, square, square, 4, 4);
            x += square + 4;
        }
        g.setColor(MUTED);
        PixelFont.draw(g, "More", x + 4, textY, DOT);
        x += PixelFont.width("More", DOT) + 36;
        g.setColor(FROZEN);
        g.fillRoundRect(x, LEGEND_Y, square, square, 4, 4);
        g.setColor(MUTED);
        PixelFont.draw(g, "Freeze", x + square + 8, textY, DOT);
    }

    private static void streaks(Graphics2D g, Progress progress) {
        figure(g, MARGIN, String.valueOf(progress.currentStreak()), "Day streak", FLAME);
        figure(g, MARGIN + 250, String.valueOf(progress.longestStreak()), "Longest", INK);
        figure(g, MARGIN + 500, String.valueOf(progress.freezes()), "Freezes held", FROZEN.darker());
    }

    private static void figure(Graphics2D g, int x, String number, String label, Color colour) {
        g.setColor(colour);
        PixelFont.draw(g, number, x, STREAKS_Y, BIG_DOT);
        g.setColor(MUTED);
        PixelFont.draw(g, label, x, STREAKS_Y + PixelFont.height(BIG_DOT) + 8, DOT);
    }

    private static void topics(Graphics2D g, List<Progress.TopicBar> topics) {
        g.setColor(INK);
        PixelFont.draw(g, "Average score by topic", MARGIN, TOPICS_Y, DOT);
        if (topics.isEmpty()) {
            g.setColor(MUTED);
            PixelFont.draw(g, "No answers yet", MARGIN, TOPICS_Y + ROW, DOT);
        }
        for (int i = 0; i < topics.size(); i++) {
            bar(g, topics.get(i), barTop(i));
        }
    }

    /** The top edge of the bar for the topic at this index. */
    static int barTop(int index) {
        return TOPICS_Y + ROW + index * ROW;
    }

    /** The first pixel of every bar and the width of a full one (a score of 100). */
    static int barLeft() {
        return BAR_X;
    }

    static int barWidth() {
        return BAR_WIDTH;
    }

    private static void bar(Graphics2D g, Progress.TopicBar topic, int y) {
        int maxChars = (LABEL_WIDTH + DOT) / ((PixelFont.COLUMNS + 1) * DOT);
        String label = topic.label().length() <= maxChars ? topic.label() : topic.label().substring(0, maxChars).strip();
        int textY = y + (BAR - PixelFont.height(DOT)) / 2;
        g.setColor(INK);
        PixelFont.draw(g, label, BAR_X - 12 - PixelFont.width(label, DOT), textY, DOT);
        g.setColor(EMPTY);
        g.fillRoundRect(BAR_X, y, BAR_WIDTH, BAR, 6, 6);
        int score = topic.averageScore();
        g.setColor(score >= 80 ? STRONG : score >= 60 ? FAIR : WEAK);
        g.fillRoundRect(BAR_X, y, BAR_WIDTH * score / 100, BAR, 6, 6);
        g.setColor(INK);
        PixelFont.draw(g, String.valueOf(score), BAR_X + BAR_WIDTH + 12, textY, DOT);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the progress picture", e);
        }
        return out.toByteArray();
    }
}
