package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void shortTextIsOnePart() {
        assertEquals(List.of("hello"), TextSplitter.split("hello", 4096));
    }

    @Test
    void longTextSplitsAtLineBoundaries() {
        String line = "0123456789".repeat(10) + "\n";
        List<String> parts = TextSplitter.split(line.repeat(100), 4096);
        assertTrue(parts.size() >= 3);
        for (String part : parts) {
            assertTrue(part.length() <= 4096);
            assertTrue(part.endsWith("0123456789"), "ends at a line end");
        }
        assertEquals(line.repeat(100).replace("\n", ""), String.join("", parts).replace("\n", ""));
    }

    @Test
    void openTagsAreClosedAndReopened() {
        String html = "<b>title</b>\n<pre>" + "code line\n".repeat(1000) + "</pre>";
        List<String> parts = TextSplitter.split(html, 4096);
        assertTrue(parts.size() >= 3);
        for (String part : parts) {
            assertTrue(part.length() <= 4096, "length " + part.length());
            assertEquals(count(part, "<pre>"), count(part, "</pre>"), part);
        }
    }

    @Test
    void aLineLongerThanTheLimitIsCutWithoutBreakingEntities() {
        String html = "&amp;".repeat(2000);
        for (String part : TextSplitter.split(html, 4096)) {
            assertTrue(part.length() <= 4096);
            assertTrue(part.startsWith("&amp;") && part.endsWith("&amp;"), "entity intact");
        }
    }

    @Test
    void surrogatePairsAreNotCut() {
        String html = "😀".repeat(3000);
        for (String part : TextSplitter.split(html, 4096)) {
            assertTrue(!Character.isLowSurrogate(part.charAt(0)));
        }
    }

    private static int count(String s, String what) {
        return s.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
