package coach.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the example picture shown in the README: {@code StatsExample docs/stats-example.png}. */
public final class StatsExample {

    private StatsExample() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/stats-example.png");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ProgressPicture.render(ProgressFixture.example()));
        System.out.println("wrote " + file);
    }
}
