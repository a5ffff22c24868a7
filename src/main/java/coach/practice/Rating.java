package coach.practice;

import java.util.Optional;

/** How well the user knew an answer, with its FSRS grade: knew it is Good, partly is Hard, didn't know is Again. */
public enum Rating {
    KNEW(3), PARTLY(2), DIDNT(1);

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    /** The FSRS grade: 1 Again, 2 Hard, 3 Good (4 Easy is not offered). */
    int grade() {
        return grade;
    }

    /** The rating an answer's score stands for when nobody rates it by hand: 80 and up knew, 40 and up partly. */
    public static Rating fromScore(int score) {
        return score >= 80 ? KNEW : score >= 40 ? PARTLY : DIDNT;
    }

    /** The rating for its ordinal as carried in callback data, if it is one. */
    public static Optional<Rating> of(String code) {
        return switch (code) {
            case "0" -> Optional.of(KNEW);
            case "1" -> Optional.of(PARTLY);
            case "2" -> Optional.of(DIDNT);
            default -> Optional.empty();
        };
    }

    public String code() {
        return Integer.toString(ordinal());
    }
}
