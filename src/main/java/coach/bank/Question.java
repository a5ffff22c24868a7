package coach.bank;

import java.util.Arrays;
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

    /**
     * A point the answer should make. It is made when one of its claims is stated in one clause of the answer, and
     * contradicted when a clause states one of its classic wrong claims, or states the point's claim negated.
     */
    public record KeyPoint(String point, List<Claim> claims, List<Contradiction> contradictions) {
        public KeyPoint {
            claims = List.copyOf(claims);
            contradictions = List.copyOf(contradictions);
        }

        /** The first schema: any one of the strings anywhere in a clause makes the point. */
        public static KeyPoint ofMatches(String point, List<String> match) {
            return new KeyPoint(point, match.stream().map(m -> new Claim(List.of(Concept.of(m)))).toList(), List.of());
        }
    }

    /** Concepts that must all occur in one clause of the answer. */
    public record Claim(List<Concept> concepts) {
        public Claim {
            concepts = List.copyOf(concepts);
        }

        /** A claim written as concept strings, each with its aliases separated by {@code |}. */
        public static Claim of(String... concepts) {
            return new Claim(Arrays.stream(concepts).map(Concept::of).toList());
        }
    }

    /** One idea and the words it is said with, in Chinese and English: {@code 快照|snapshot|point-in-time}. */
    public record Concept(List<String> aliases) {
        public Concept {
            aliases = List.copyOf(aliases);
        }

        public static Concept of(String aliases) {
            return new Concept(Arrays.stream(aliases.split("\\|")).map(String::strip).toList());
        }

        @Override
        public String toString() {
            return String.join("|", aliases);
        }
    }

    /** A classic wrong claim for the point, and the correct statement shown to whoever makes it. */
    public record Contradiction(Claim claim, String correct) {
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
