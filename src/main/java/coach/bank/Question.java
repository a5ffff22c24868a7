package coach.bank;

import java.util.List;
import java.util.Objects;

/** One interview question with its reference answer, the key points a good answer makes, and sources. */
public record Question(
        String id,
        String topic,
        String question,
        String answer,
        List<KeyPoint> keyPoints,
        List<Link> links,
        int difficulty,
        List<String> tags,
        Quiz quiz) {

    public Question {
        Objects.requireNonNull(id, "id");
        keyPoints = List.copyOf(keyPoints);
        links = List.copyOf(links);
        tags = List.copyOf(tags);
    }

    /** A point the answer should make, recognised by any of its match strings. */
    public record KeyPoint(String point, List<String> match) {
        public KeyPoint {
            match = List.copyOf(match);
        }
    }

    /** A source to read further. */
    public record Link(String title, String url) {
    }

    /** The question as multiple choice, for battles. */
    public record Quiz(List<String> options, int correct, String explanation) {
        public Quiz {
            options = List.copyOf(options);
        }
    }
}
