package coach.grading.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coach.grading.Grade.Verdict;
import coach.grading.llm.ModelFailure.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static final Rubric RUBRIC = Rubric.of(Questions.PERSISTENCE, Questions.PARAPHRASE);

    private static String points(String... entries) {
        return "{\"points\": [" + String.join(",", entries) + "]}";
    }

    private static String entry(String id, String verdict) {
        return "{\"id\": \"" + id + "\", \"verdict\": \"" + verdict + "\", \"evidence\": \"\", \"feedback\": \"ok\"}";
    }

    private static Kind failure(String content) {
        return assertThrows(ModelFailure.class, () -> Verdicts.parse(content, RUBRIC)).kind();
    }

    @Test
    void oneVerdictPerIdIsRead() throws ModelFailure {
        Map<String, Verdicts.ModelVerdict> v = Verdicts.parse(
                points(entry("p1", "made"), entry("p2", "Missed"), entry("p3", "contradicted"), entry("p4", "missed")),
                RUBRIC);
        assertEquals(Verdict.MADE, v.get("p1").verdict());
        assertEquals(Verdict.MISSED, v.get("p2").verdict());
        assertEquals(Verdict.CONTRADICTED, v.get("p3").verdict());
    }

    @Test
    void jsonInAMarkdownFenceIsRead() throws ModelFailure {
        String json = points(entry("p1", "made"), entry("p2", "missed"), entry("p3", "missed"), entry("p4", "missed"));
        assertEquals(4, Verdicts.parse("```json\n" + json + "\n```", RUBRIC).size());
    }

    @Test
    void whatDoesNotFitTheSchemaIsRefused() {
        assertEquals(Kind.NOT_JSON, failure("all points made"));
        assertEquals(Kind.NOT_JSON, failure("{\"points\": [}"));
        assertEquals(Kind.SCHEMA_MISMATCH, failure("{\"score\": 100}"));
        assertEquals(Kind.SCHEMA_MISMATCH, failure(points(entry("p1", "made"))));
        assertEquals(Kind.SCHEMA_MISMATCH, failure(points(entry("p1", "made"), entry("p1", "made"), entry("p2", "made"),
                entry("p3", "made"))));
        assertEquals(Kind.SCHEMA_MISMATCH, failure(points(entry("p1", "made"), entry("p2", "made"), entry("p3", "made"),
                entry("p9", "made"))));
        assertEquals(Kind.SCHEMA_MISMATCH, failure(points(entry("p1", "partly"), entry("p2", "made"),
                entry("p3", "made"), entry("p4", "made"))));
        assertEquals(Kind.SCHEMA_MISMATCH, failure("{\"points\": [{\"id\": \"p1\", \"verdict\": \"made\"}]}"));
    }
}
