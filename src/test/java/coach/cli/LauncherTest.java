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

    private Path repo;
    private Path user;

    /** Runs the real launcher from a user's folder, with a stand-in java that prints its folder and arguments. */
    private List<String> launch(String... args) throws Exception {
        repo = Files.createDirectories(dir.resolve("repo"));
        Files.copy(Path.of("coach"), repo.resolve("coach"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("src"));
        Files.createDirectories(repo.resolve("target"));
        Files.writeString(repo.resolve("target/coach.jar"), "jar");
        Files.writeString(repo.resolve("target/coach-bench.jar"), "jar");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/usr/bin/env bash\necho \"$PWD\"\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        user = Files.createDirectories(dir.resolve("notes"));
        return launchAgain(args);
    }

    /** Runs the launcher again in the repository {@link #launch} set up. */
    private List<String> launchAgain(String... args) throws Exception {
        Path bin = dir.resolve("bin");
        List<String> command = new java.util.ArrayList<>(List.of("bash", repo.resolve("coach").toString()));
        command.addAll(List.of(args));
        ProcessBuilder launch = new ProcessBuilder(command).directory(user.toFile()).redirectErrorStream(true);
        launch.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        launch.environment().put("TELEGRAM_BOT_TOKEN", "123:test");
        Process p = launch.start();
        p.getOutputStream().close();
        p.waitFor(20, TimeUnit.SECONDS);
        return new String(p.getInputStream().readAllBytes()).lines().toList();
    }

    @Test
    void runsFromTheRepositoryAndTellsTheCoachTheUsersFolder() throws Exception {
        List<String> lines = launch("banks", "import", "q.md");
        assertEquals(List.of(repo.toRealPath().toString(), "-Dcoach.cwd=" + user.toRealPath(), "-jar",
                "target/coach.jar", "banks", "import", "q.md"), lines);
    }

    @Test
    void benchRunsWithTheBenchmarksBesideTheBotsJar() throws Exception {
        List<String> lines = launch("bench", "grading");
        assertEquals(List.of(repo.toRealPath().toString(), "-XX:ArchiveClassesAtExit=target/coach-bench.jsa",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dcoach.cwd=" + user.toRealPath(), "-cp",
                "target/coach.jar:target/coach-bench.jar", "coach.cli.Main", "bench", "grading"), lines);
    }

    @Test
    void runWritesAClassArchiveOnceThenStartsFromIt() throws Exception {
        List<String> first = launch("run");
        assertEquals(List.of(repo.toRealPath().toString(), "-XX:ArchiveClassesAtExit=target/coach.jsa",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dcoach.cwd=" + user.toRealPath(), "-jar",
                "target/coach.jar", "run"), first);
        Files.writeString(repo.resolve("target/coach.jsa"), "archive");
        List<String> later = launchAgain("run");
        assertEquals(List.of(repo.toRealPath().toString(), "-XX:SharedArchiveFile=target/coach.jsa", "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dcoach.cwd=" + user.toRealPath(), "-jar",
                "target/coach.jar", "run"), later);
    }
}
