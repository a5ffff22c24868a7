package coach.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks text the way Telegram's HTML parse mode reads it: only its tags, properly nested, and only its entities;
 * every other {@code <}, {@code >} and {@code &} escaped; no broken surrogate pairs.
 */
final class TelegramHtml {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)((?: [a-z-]+=\"[^\"<>]*\")*)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    private TelegramHtml() {
    }

    /** What is wrong with the text as a message in HTML parse mode; empty when Telegram would accept it. */
    static List<String> problems(String html, int maxLength) {
        List<String> problems = new ArrayList<>();
        if (html.length() > maxLength) {
            problems.add("longer than " + maxLength + ": " + html.length());
        }
        Deque<String> open = new ArrayDeque<>();
        int visible = 0;
        for (int i = 0; i < html.length(); ) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(html).region(i, html.length());
                if (!m.lookingAt() || !TAGS.contains(m.group(2))) {
                    problems.add("stray '<' at " + i);
                    i++;
                    continue;
                }
                if (m.group(1).isEmpty()) {
                    open.push(m.group(2));
                } else if (open.isEmpty() || !open.pop().equals(m.group(2))) {
                    problems.add("unbalanced </" + m.group(2) + "> at " + i);
                }
                i = m.end();
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html).region(i, html.length());
                if (!m.lookingAt()) {
                    problems.add("stray '&' at " + i);
                }
                visible++;
                i = m.lookingAt() ? m.end() : i + 1;
            } else {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < html.length()
                        && Character.isLowSurrogate(html.charAt(i + 1));
                if (c == '>') {
                    problems.add("stray '>' at " + i);
                } else if (Character.isSurrogate(c) && !pair) {
                    problems.add("broken surrogate pair at " + i);
                }
                if (!Character.isWhitespace(c)) {
                    visible++;
                }
                i += pair ? 2 : 1;
            }
        }
        if (!open.isEmpty()) {
            problems.add("unclosed " + open);
        }
        if (visible == 0) {
            problems.add("empty");
        }
        return problems;
    }
}
