package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    private static List<String> problems(String html) {
        return TelegramHtml.problems(html, 20);
    }

    @Test
    void acceptsTelegramsTagsAndEntities() {
        assertEquals(List.of(), problems("<b>a</b>&lt;&#128;"));
        assertEquals(List.of(), TelegramHtml.problems("<a href=\"https://x.org/?a=1&amp;b\">x</a> 😀", 100));
    }

    @Test
    void findsWhatTelegramRefuses() {
        assertEquals(List.of("stray '<' at 0", "stray '>' at 7"), problems("<script>"));
        assertEquals(List.of("stray '&' at 2"), problems("a & b"));
        assertEquals(List.of("stray '>' at 2"), problems("a > b"));
        assertEquals(List.of("unbalanced </i> at 4"), problems("<b>x</i>"));
        assertEquals(List.of("unclosed [b]"), problems("<b>x"));
        assertEquals(List.of("broken surrogate pair at 1"), problems("a\uD83D"));
        assertEquals(List.of("empty"), problems(" <b> </b>"));
        assertEquals(List.of("longer than 20: 21"), problems("x".repeat(21)));
    }
}
