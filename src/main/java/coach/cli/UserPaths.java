package coach.cli;

import java.nio.file.Path;

/**
 * Paths typed on the command line, resolved as a shell user expects: against the folder they ran {@code coach}
 * from. The launcher changes into the repository (for the jar, the default config, banks and database) and passes
 * the user's folder as the system property {@value #USER_DIR}; without it (plain {@code java -jar}) the process's
 * own folder is the user's.
 */
public final class UserPaths {

    /** The system property carrying the folder the user ran {@code coach} from. */
    public static final String USER_DIR = "coach.cwd";

    private UserPaths() {
    }

    /** The path as typed, made absolute against the user's folder when it is relative. */
    public static Path resolve(String typed) {
        Path path = Path.of(typed);
        String base = System.getProperty(USER_DIR);
        return path.isAbsolute() || base == null || base.isBlank() ? path : Path.of(base).resolve(path).normalize();
    }
}
