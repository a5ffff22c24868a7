package coach.bench;

import java.util.Objects;

/** One row of the benchmark table: what was measured, the value, the target, and whether the value meets it. */
public record Figure(String name, String value, String target, boolean met) {

    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(target, "target");
    }

    public String verdict() {
        return met ? "ok" : "miss";
    }
}
