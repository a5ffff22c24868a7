package coach.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new, migrated database in a folder of its own for each test, closed and deleted after it. Register it with
 * {@code @RegisterExtension}.
 */
public final class TempDatabase implements BeforeEachCallback, AfterEachCallback {

    private Path dir;
    private Database db;

    /** The test's database. */
    public Database db() {
        return db;
    }

    /** Where the test's database file is, to open it again as a restarted process would. */
    public Path file() {
        return dir.resolve("coach.db");
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("coach-db");
        db = Database.open(file());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(TempDatabase::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
