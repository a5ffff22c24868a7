package coach.practice;

import java.util.Optional;

/** How well the user says they knew an answer, with its SM-2 quality grade. */
public enum Rating {
    KNEW(5), PARTLY(3), DIDNT(1);

    private final int quality;

    Rating(int quality) {
        this.quality = quality;
    }

    int quality() {
        return quality;
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
