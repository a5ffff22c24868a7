package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Coach;
import coach.MutableClock;
import coach.TestCoach;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalChatTest {

    @TempDir
    Path dir;

    private String chat(String... lines) throws Exception {
        StringWriter screen = new StringWriter();
        try (Coach coach = Coach.assembleLocal(TestCoach.config("https://api.telegram.org"), dir.resolve("chat.db"),
                MutableClock.at("2026-11-23T02:00:00Z"), new java.util.Random(7))) {
            String typed = String.join("\n", lines) + "\n";
            new TerminalChat(coach.engine(), "zh", new BufferedReader(new StringReader(typed)), new PrintWriter(screen), dir).run();
        }
        return screen.toString();
    }

    @Test
    void theOneLocalUserIsNeverSlowedDown() throws Exception {
        String[] lines = new String[41];
        java.util.Arrays.fill(lines, "/help");
        lines[40] = "/quit";
        String out = chat(lines);
        assertFalse(out.contains("发得太快"), out);
        assertEquals(40, out.split("/question", -1).length - 1, "forty helps, each listing /question");
    }

    @Test
    void theLanguageComesFromTheLocaleAndTheBannerSaysHowToSwitch() throws Exception {
        assertEquals("en", TerminalChat.language(java.util.Map.of("LANG", "en_US.UTF-8")));
        assertEquals("zh", TerminalChat.language(java.util.Map.of("LANG", "en_US.UTF-8", "LC_ALL", "zh_CN.UTF-8")));
        assertEquals("en", TerminalChat.language(java.util.Map.of("LC_ALL", "", "LANG", "C.UTF-8")));
        assertEquals("en", TerminalChat.language(java.util.Map.of()));
        StringWriter screen = new StringWriter();
        try (Coach coach = Coach.assembleLocal(TestCoach.config("https://api.telegram.org"), dir.resolve("chat.db"),
                MutableClock.at("2026-11-23T02:00:00Z"), new java.util.Random(7))) {
            new TerminalChat(coach.engine(), "en", new BufferedReader(new StringReader("/start\n/quit\n")),
                    new PrintWriter(screen), dir).run();
        }
        String out = screen.toString();
        assertTrue(out.startsWith("Interview Coach in the terminal, in English (from your LANG or LC_ALL; /lang zh "
                + "switches to Chinese)."), out);
        assertTrue(out.contains("Choose topics"), "the coach speaks English too: " + out);
    }

    @Test
    void aNumberPressesOnlyTheLatestMessagesButtons() throws Exception {
        String out = chat("/start", "/help", "2", "/quit");
        assertFalse(out.contains("[2] ▫️ Redis"), "the topic picker is no longer the latest message: " + out);
        assertTrue(out.contains("现在没有待答的题"), "2 was sent as text: " + out);
    }

    @Test
    void aWholeSessionWithNumberedButtons() throws Exception {
        StringWriter screen = new StringWriter();
        try (Coach coach = TestCoach.assemble(dir, TestCoach.config("https://api.telegram.org"),
                MutableClock.at("2026-11-23T02:00:00Z"))) {
            String typed = String.join("\n", "/start", "2", "/question", "全局解释器锁 多进程 创建实例 初始化", "1",
                    "/stats", "/quit") + "\n";
            new TerminalChat(coach.engine(), "zh", new BufferedReader(new StringReader(typed)), new PrintWriter(screen), dir).run();
        }
        String out = screen.toString();
        assertTrue(out.contains("[1] ✅ Python  [2] ✅ Redis  [3] ▶ 来一题"), out);
        assertTrue(out.contains("[2] ▫️ Redis"), "pressing 2 toggled Redis: " + out);
        assertTrue(out.contains("要点覆盖："), out);
        assertTrue(out.contains("[1] ✅ 会了  [2] 🤔 部分会  [3] ❌ 不会"), out);
        assertTrue(out.contains("已记录：✅ 会了"), out);
        assertTrue(out.contains("当前连续：1 天"), out);
        assertTrue(out.contains("最近 26 周") && out.contains("[picture: " + dir.resolve("stats.png")), out);
        assertTrue(java.nio.file.Files.size(dir.resolve("stats.png")) > 1000, "the picture was saved");
        assertTrue(out.contains("(https://docs.python.org/3/"), "links shown as plain URLs: " + out);
        assertTrue(out.endsWith("再见！\n") || out.endsWith("再见！\r\n"));
    }
}
