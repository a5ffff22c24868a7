package coach.grading.llm;

import coach.grading.Grade.Verdict;
import coach.grading.llm.ModelFailure.Kind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the model's verdicts from the message content and checks them against the rubric whether or not the server
 * enforced the schema: plain JSON or JSON in a Markdown fence, one entry for every id and no other, each verdict one of
 * the three words, evidence and feedback strings.
 */
final class Verdicts {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer feedback is cut: it is one sentence. */
    static final int FEEDBACK_LENGTH = 300;

    /** What the model said about one point of the rubric. */
    record ModelVerdict(String id, Verdict verdict, String evidence, String feedback) {
    }

    private Verdicts() {
    }

    static Map<String, ModelVerdict> parse(String content, Rubric rubric) throws ModelFailure {
        JsonNode root = json(content).orElseThrow(() -> new ModelFailure(Kind.NOT_JSON, "the content is not JSON"));
        JsonNode points = root.path("points");
        if (!points.isArray()) {
            throw mismatch("no \"points\" list");
        }
        Map<String, ModelVerdict> verdicts = new HashMap<>();
        for (JsonNode point : points) {
            ModelVerdict v = verdict(point);
            if (!rubric.ids().contains(v.id()) || verdicts.put(v.id(), v) != null) {
                throw mismatch("unknown or repeated id");
            }
        }
        if (verdicts.size() != rubric.ids().size()) {
            throw mismatch(verdicts.size() + " verdicts for " + rubric.ids().size() + " points");
        }
        return verdicts;
    }

    private static ModelVerdict verdict(JsonNode point) throws ModelFailure {
        if (!point.isObject() || !point.path("id").isTextual() || !point.path("verdict").isTextual()
                || !point.path("evidence").isTextual() || !point.path("feedback").isTextual()) {
            throw mismatch("a point needs string id, verdict, evidence and feedback");
        }
        Verdict verdict = switch (point.path("verdict").asText().strip().toLowerCase(Locale.ROOT)) {
            case "made" -> Verdict.MADE;
            case "missed" -> Verdict.MISSED;
            case "contradicted" -> Verdict.CONTRADICTED;
            default -> throw mismatch("a verdict is not made, missed or contradicted");
        };
        String feedback = point.path("feedback").asText().strip().replaceAll("\\s+", " ");
        if (feedback.length() > FEEDBACK_LENGTH) {
            feedback = feedback.substring(0, FEEDBACK_LENGTH) + "…";
        }
        return new ModelVerdict(point.path("id").asText().strip(), verdict, point.path("evidence").asText().strip(),
                feedback);
    }

    /** The JSON object in the content: all of it, or the part from the first brace to the last (a fenced block). */
    private static Optional<JsonNode> json(String content) {
        int from = content.indexOf('{');
        int to = content.lastIndexOf('}');
        if (from < 0 || to < from) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(content.substring(from, to + 1));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static ModelFailure mismatch(String detail) {
        return new ModelFailure(Kind.SCHEMA_MISMATCH, detail);
    }
}
