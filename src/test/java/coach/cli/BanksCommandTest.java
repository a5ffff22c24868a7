package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestCoach;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach banks} as a shell user runs it: from their own folder, with relative paths. */
class BanksCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void runFromHome() {
        System.setProperty(UserPaths.USER_DIR, home.toString());
    }

    @AfterEach
    void forget() {
        System.clearProperty(UserPaths.USER_DIR);
    }

    private int coach(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    private static final String LIST = "## Redis\n1. Redis 如何实现持久化？\n   - RDB 与 AOF\n2. 什么是缓存穿透？\n";

    @Nested
    class Import {
        @Test
        void aRelativeFileIsReadFromTheUsersFolderAndTheDraftWrittenThere() throws Exception {
            Files.writeString(home.resolve("redis-q.md"), LIST);
            assertEquals(0, coach("banks", "import", "redis-q.md", "--topic", "redis"), err.toString());
            assertTrue(Files.readString(home.resolve("redis.draft.json")).contains("缓存穿透"));
            assertTrue(out.toString().contains("Wrote 2 draft questions"), out.toString());
        }

        @Test
        void anAbsoluteFileStillWritesTheDraftIntoTheUsersFolder() throws Exception {
            Path elsewhere = Files.createDirectories(home.resolve("notes")).resolve("q.md");
            Files.writeString(elsewhere, LIST);
            assertEquals(0, coach("banks", "import", elsewhere.toString(), "--topic", "redis"), err.toString());
            assertTrue(Files.exists(home.resolve("redis.draft.json")));
        }

        @Test
        void aMissingFileIsOneLineAndAFailure() {
            assertEquals(1, coach("banks", "import", "nope.md", "--topic", "redis"));
            assertEquals("coach: " + home.resolve("nope.md") + ": no such file\n", err.toString());
        }

        @Test
        void aFileThatIsNotUtf8IsOneLineAndAFailure() throws Exception {
            Files.write(home.resolve("gbk.md"), "1. 什么是缓存穿透？\n".getBytes("GBK"));
            assertEquals(1, coach("banks", "import", "gbk.md", "--topic", "redis"));
            assertEquals("coach: " + home.resolve("gbk.md") + ": is not UTF-8 text; save it as UTF-8 and import it again\n",
                    err.toString());
            assertFalse(Files.exists(home.resolve("redis.draft.json")));
        }

        @Test
        void aFileWithNoQuestionsFailsAndLeavesAnExistingDraftAlone() throws Exception {
            Files.writeString(home.resolve("redis.draft.json"), "my work");
            Files.writeString(home.resolve("empty.md"), "# Just a heading\n");
            assertEquals(1, coach("banks", "import", "empty.md", "--topic", "redis"));
            assertTrue(err.toString().startsWith("coach: " + home.resolve("empty.md") + ": no questions found"),
                    err.toString());
            assertEquals(1, err.toString().lines().count());
            assertEquals("my work", Files.readString(home.resolve("redis.draft.json")));
        }

        @Test
        void anExistingDraftIsOverwrittenOnlyWithForce() throws Exception {
            Files.writeString(home.resolve("redis.draft.json"), "my work");
            Files.writeString(home.resolve("q.md"), LIST);
            assertEquals(1, coach("banks", "import", "q.md", "--topic", "redis"));
            assertTrue(err.toString().contains("already exists; move it away or add --force"), err.toString());
            assertEquals("my work", Files.readString(home.resolve("redis.draft.json")));
            assertEquals(0, coach("banks", "import", "q.md", "--topic", "redis", "--force"));
            assertTrue(Files.readString(home.resolve("redis.draft.json")).contains("缓存穿透"));
        }
    }

    @Nested
    class Check {
        @Test
        void aRelativeFolderIsTheUsersFolder() throws Exception {
            Path banks = Files.createDirectories(home.resolve("mybanks"));
            try (var files = Files.list(TestCoach.testBanks())) {
                for (Path file : files.toList()) {
                    Files.copy(file, banks.resolve(file.getFileName()));
                }
            }
            assertEquals(0, coach("banks", "check", "mybanks"), err.toString());
            assertTrue(out.toString().contains("All banks are valid."), out.toString());
        }
    }

    @Nested
    class ConfigFile {
        @Test
        void aMistypedConfigPathStopsWithOneSentenceNamingIt() {
            assertEquals(2, coach("banks", "check", "--config", "cofnig.json"));
            assertEquals("coach: " + home.resolve("cofnig.json") + ": no such file\n", err.toString());
        }

        @Test
        void aRelativeConfigPathIsTheUsersFolder() throws Exception {
            Files.writeString(home.resolve("my.json"), "{\"banks\": {\"dir\": \""
                    + TestCoach.testBanks().toString().replace("\\", "\\\\") + "\"}}");
            assertEquals(0, coach("banks", "check", "--config", "my.json"), err.toString());
            assertTrue(out.toString().contains("python"), out.toString());
        }
    }
}
