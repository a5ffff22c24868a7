package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code coach} launcher script, with a stand-in {@code java} that reports how it was called. */
class LauncherTest {

    @TempDir
    Path dir;

    @Test
    void runsFromTheRepositoryAndTellsTheCoachTheUsersFolder() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.copy(Path.of("coach"), repo.resolve("coach"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("src"));
        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/coach.jar"), "jar");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/usr/bin/env bash\necho \"$PWD\"\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path user = Files.createDirectories(dir.resolve("notes"));

        ProcessBuilder launch = new ProcessBuilder("bash", repo.resolve("coach").toString(), "banks", "import", "q.md")
                .directory(user.toFile()).redirectErrorStream(true);
        launch.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = launch.start();
        p.getOutputStream().close();
        p.waitFor(20, TimeUnit.SECONDS);
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();

        assertEquals(List.of(repo.toRealPath().toString(), "-Dcoach.cwd=" + user.toRealPath(), "-jar",
                "target/coach.jar", "banks", "import", "q.md"), lines);
    }
}
