package coach.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits HTML longer than Telegram's 4096-character limit into several messages at line boundaries, closing open
 * tags at the end of a part and reopening them at the start of the next.
 */
final class TextSplitter {

    static final int LIMIT = 4096;
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z]+)[^>]*>");

    private TextSplitter() {
    }

    static List<String> split(String html, int limit) {
        if (html.length() <= limit) {
            return List.of(html);
        }
        List<String> parts = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        StringBuilder part = new StringBuilder();
        for (String line : pieces(html, limit / 2)) {
            if (part.length() + line.length() + closing(open).length() > limit && part.length() > 0) {
                parts.add(part.append(closing(open)).toString().stripTrailing());
                part = new StringBuilder(opening(open));
            }
            part.append(line);
            track(line, open);
        }
        if (!part.toString().isBlank()) {
            parts.add(part.append(closing(open)).toString().stripTrailing());
        }
        return parts;
    }

    /** The text cut after each line feed, and any line still too long cut where no tag or entity is broken. */
    private static List<String> pieces(String html, int max) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < html.length()) {
            int newline = html.indexOf('\n', start);
            int end = newline < 0 ? html.length() : newline + 1;
            while (end - start > max) {
                int cut = safeCut(html, start, start + max);
                pieces.add(html.substring(start, cut));
                start = cut;
            }
            pieces.add(html.substring(start, end));
            start = end;
        }
        return pieces;
    }

    private static int safeCut(String html, int start, int cut) {
        int lt = html.lastIndexOf('<', cut - 1);
        if (lt >= start && html.indexOf('>', lt) >= cut) {
            cut = lt;
        }
        int amp = html.lastIndexOf('&', cut - 1);
        if (amp >= start && html.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        if (Character.isLowSurrogate(html.charAt(cut)) && cut > start) {
            cut--;
        }
        return cut > start ? cut : start + 1;
    }

    private static void track(String text, Deque<String> open) {
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                open.push(m.group());
            } else if (!open.isEmpty()) {
                open.pop();
            }
        }
    }

    private static String closing(Deque<String> open) {
        StringBuilder out = new StringBuilder();
        for (String tag : open) {
            Matcher m = TAG.matcher(tag);
            if (m.matches()) {
                out.append("</").append(m.group(2)).append('>');
            }
        }
        return out.toString();
    }

    private static String opening(Deque<String> open) {
        StringBuilder out = new StringBuilder();
        for (Iterator<String> it = open.descendingIterator(); it.hasNext(); ) {
            out.append(it.next());
        }
        return out.toString();
    }
}
