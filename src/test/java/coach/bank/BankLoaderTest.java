package coach.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the bank schema, with the exact message the checker prints. */
class BankLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode validQuestion(String id, String text) {
        ObjectNode q = JSON.createObjectNode();
        q.put("id", id).put("question", text).put("answer", "答案");
        ArrayNode kps = q.putArray("keyPoints");
        kps.addObject().put("point", "要点一").putArray("match").add("一").add("one");
        kps.addObject().put("point", "要点二").putArray("match").add("二");
        q.putArray("links").addObject().put("title", "Docs").put("url", "https://example.org/docs");
        q.put("difficulty", 2);
        q.putArray("tags").add("t");
        ObjectNode quiz = q.putObject("quiz");
        quiz.putArray("options").add("A").add("B");
        quiz.put("correct", 1).put("explanation", "因为 B");
        return q;
    }

    private ObjectNode bank(String topic, ObjectNode... questions) {
        ObjectNode bank = JSON.createObjectNode().put("topic", topic);
        bank.putObject("title").put("zh", "题库").put("en", "Bank");
        ArrayNode list = bank.putArray("questions");
        for (ObjectNode q : questions) {
            list.add(q);
        }
        return bank;
    }

    private void write(String file, Object json) throws IOException {
        Files.writeString(dir.resolve(file), json instanceof String s ? s : JSON.writeValueAsString(json));
    }

    private List<String> problemsWith(Consumer<ObjectNode> change) throws IOException {
        ObjectNode q = validQuestion("t-one", "问题一？");
        change.accept(q);
        write("t.json", bank("t", q));
        return new BankLoader().load(dir).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void validBankLoadsWithoutProblems() throws IOException {
        write("t.json", bank("t", validQuestion("t-one", "问题一？"), validQuestion("t-two", "问题二？")));
        BankLoader.Result result = new BankLoader().load(dir);
        assertTrue(result.ok(), result.problems().toString());
        assertEquals(2, result.library().bank("t").orElseThrow().questions().size());
        assertEquals("t", result.library().question("t-two").orElseThrow().topic());
    }

    @Test
    void idRules() throws IOException {
        assertEquals(List.of("t.json: T_One: id may use only a-z, 0-9 and '-'"), problemsWith(q -> q.put("id", "T_One")));
        assertEquals(List.of("t.json: " + "a".repeat(41) + ": id is longer than 40 characters"),
                problemsWith(q -> q.put("id", "a".repeat(41))));
        assertEquals(List.of("t.json: (no id): id is missing"), problemsWith(q -> q.remove("id")));
    }

    @Test
    void requiredTexts() throws IOException {
        assertEquals(List.of("t.json: t-one: question is missing or empty"), problemsWith(q -> q.put("question", " ")));
        assertEquals(List.of("t.json: t-one: answer is missing or empty"), problemsWith(q -> q.remove("answer")));
        assertEquals(List.of("t.json: t-one: answer must be a string"), problemsWith(q -> q.put("answer", 5)));
    }

    @Test
    void keyPointRules() throws IOException {
        assertEquals(List.of("t.json: t-one: keyPoints needs at least 2 key points"),
                problemsWith(q -> ((ArrayNode) q.get("keyPoints")).remove(1)));
        assertEquals(List.of("t.json: t-one: key point '要点二' has an empty match list"),
                problemsWith(q -> ((ArrayNode) q.get("keyPoints").get(1).get("match")).removeAll()));
        assertEquals(List.of("t.json: t-one: key point '要点二' has an empty match string"),
                problemsWith(q -> ((ArrayNode) q.get("keyPoints").get(1).get("match")).add("")));
        assertEquals(List.of("t.json: t-one: a key point has no point text"),
                problemsWith(q -> ((ObjectNode) q.get("keyPoints").get(0)).remove("point")));
    }

    @Test
    void claimsLoadWithTheirConceptsAliasesAndContradictions() throws IOException {
        ObjectNode q = validQuestion("t-one", "问题一？");
        ObjectNode kp = (ObjectNode) q.get("keyPoints").get(0);
        kp.remove("match");
        kp.putArray("claim").add("RDB").add("快照 | snapshot");
        ObjectNode wrong = kp.putArray("contradictions").addObject();
        wrong.putArray("claim").add("RDB").add("每条写命令");
        wrong.put("correct", "RDB 是快照");
        ObjectNode second = (ObjectNode) q.get("keyPoints").get(1);
        second.remove("match");
        second.putArray("claims").add(JSON.createArrayNode().add("AOF").add("追加")).add(JSON.createArrayNode().add("append"));
        write("t.json", bank("t", q));
        BankLoader.Result result = new BankLoader().load(dir);
        assertTrue(result.ok(), result.problems().toString());
        Question.KeyPoint first = result.library().question("t-one").orElseThrow().keyPoints().get(0);
        assertEquals(List.of("快照", "snapshot"), first.claims().get(0).concepts().get(1).aliases());
        assertEquals("RDB 是快照", first.contradictions().get(0).correct());
        assertEquals(2, result.library().question("t-one").orElseThrow().keyPoints().get(1).claims().size());
    }

    @Test
    void claimRules() throws IOException {
        assertEquals(List.of("t.json: t-one: key point '要点一' needs either claims (concepts that meet in one clause) "
                        + "or the older match list, not both"),
                problemsWith(q -> ((ObjectNode) q.get("keyPoints").get(0)).putArray("claim").add("x")));
        assertEquals(List.of("t.json: t-one: claim of '要点一' has an empty alias in 'a||b'"),
                problemsWith(q -> claimOf(q).add("a||b")));
        assertEquals(List.of("t.json: t-one: claim of '要点一' must be a non-empty list of concepts"),
                problemsWith(q -> claimOf(q).removeAll()));
        assertEquals(List.of("t.json: t-one: a contradiction of '要点一' needs the correct statement (correct)"),
                problemsWith(q -> {
                    claimOf(q).add("a");
                    ((ObjectNode) q.get("keyPoints").get(0)).putArray("contradictions").addObject()
                            .putArray("claim").add("b");
                }));
        assertEquals(List.of("t.json: t-one: unknown key point field 'matches'"),
                problemsWith(q -> ((ObjectNode) q.get("keyPoints").get(0)).putArray("matches")));
    }

    private static ArrayNode claimOf(ObjectNode q) {
        ObjectNode kp = (ObjectNode) q.get("keyPoints").get(0);
        kp.remove("match");
        return kp.putArray("claim");
    }

    @Test
    void overlapsNameTwoQuestionsOfTheBankAndWhy() throws IOException {
        ObjectNode bank = bank("t", validQuestion("t-one", "问题一？"), validQuestion("t-two", "问题二？"));
        bank.putArray("overlaps").addObject().put("why", "").putArray("questions").add("t-one").add("t-two");
        write("t.json", bank);
        assertEquals(List.of("t.json: -: the overlap of [t-one, t-two] needs a reason (why)"),
                new BankLoader().load(dir).problems().stream().map(Problem::toString).toList());
        ((ObjectNode) bank.get("overlaps").get(0)).put("why", "同一主题").putArray("questions").add("t-one").add("t-x");
        write("t.json", bank);
        assertEquals(List.of("t.json: -: an overlap must name two different questions of this bank, got [t-one, t-x]"),
                new BankLoader().load(dir).problems().stream().map(Problem::toString).toList());
        ((ObjectNode) bank.get("overlaps").get(0)).putArray("questions").add("t-two").add("t-one");
        write("t.json", bank);
        BankLoader.Result ok = new BankLoader().load(dir);
        assertTrue(ok.ok(), ok.problems().toString());
        assertTrue(ok.library().bank("t").orElseThrow().overlapping("t-one", "t-two"));
    }

    @Test
    void linkRules() throws IOException {
        assertEquals(List.of("t.json: t-one: link 'http://example.org' is not an https:// URL"),
                problemsWith(q -> ((ObjectNode) q.get("links").get(0)).put("url", "http://example.org")));
        assertEquals(List.of("t.json: t-one: links needs at least 1 link"),
                problemsWith(q -> ((ArrayNode) q.get("links")).removeAll()));
        assertEquals(List.of("t.json: t-one: a link has no title"),
                problemsWith(q -> ((ObjectNode) q.get("links").get(0)).put("title", "")));
    }

    @Test
    void difficultyRule() throws IOException {
        assertEquals(List.of("t.json: t-one: difficulty must be 1, 2 or 3"), problemsWith(q -> q.put("difficulty", 4)));
        assertEquals(List.of("t.json: t-one: difficulty must be 1, 2 or 3"), problemsWith(q -> q.put("difficulty", "2")));
    }

    @Test
    void quizRules() throws IOException {
        assertEquals(List.of("t.json: t-one: quiz correct index is out of range (0 to 1)"),
                problemsWith(q -> ((ObjectNode) q.get("quiz")).put("correct", 2)));
        assertEquals(List.of("t.json: t-one: quiz needs 2 to 4 options"),
                problemsWith(q -> ((ArrayNode) q.get("quiz").get("options")).add("C").add("D").add("E")));
        assertEquals(List.of("t.json: t-one: quiz option is longer than 100 characters: " + "x".repeat(101)),
                problemsWith(q -> ((ArrayNode) q.get("quiz").get("options")).set(0, "x".repeat(101))));
        assertEquals(List.of("t.json: t-one: quiz explanation is longer than 200 characters"),
                problemsWith(q -> ((ObjectNode) q.get("quiz")).put("explanation", "解".repeat(201))));
        assertEquals(List.of(), problemsWith(q -> q.remove("quiz")));
    }

    @Test
    void unknownFieldsAreNamed() throws IOException {
        assertEquals(List.of("t.json: t-one: unknown question field 'keypoints'"),
                problemsWith(q -> q.putArray("keypoints")));
    }

    @Test
    void duplicatesAcrossBanks() throws IOException {
        write("a.json", bank("a", validQuestion("same-id", "同一个问题？")));
        write("b.json", bank("b", validQuestion("same-id", "同一个  问题？")));
        assertEquals(List.of("b.json: same-id: duplicate id (also in a.json)",
                        "b.json: same-id: duplicate question text (same as same-id)"),
                new BankLoader().load(dir).problems().stream().map(Problem::toString).toList());
    }

    @Test
    void topicMustMatchFileName() throws IOException {
        write("redis.json", bank("mysql", validQuestion("mysql-one", "问题？")));
        assertEquals(List.of("redis.json: -: topic 'mysql' must match the file name redis.json"),
                new BankLoader().load(dir).problems().stream().map(Problem::toString).toList());
    }

    @Test
    void brokenJsonIsReportedWithItsPosition() throws IOException {
        write("t.json", "{\n  \"topic\": ");
        assertEquals(List.of("t.json: -: is not valid JSON (line 2, column 12)"),
                new BankLoader().load(dir).problems().stream().map(Problem::toString).toList());
    }

    @Test
    void emptyFolderIsAProblem() {
        assertEquals(List.of(dir + ": -: has no bank files (*.json)"),
                new BankLoader().load(dir).problems().stream().map(Problem::toString).toList());
    }

    private List<String> problems() {
        return new BankLoader().load(dir).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aMissingFolderIsAProblem() {
        Path none = dir.resolve("none");
        assertEquals(List.of(none + ": -: is not a folder of bank files"),
                new BankLoader().load(none).problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aBankMustBeAnObject() throws IOException {
        write("t.json", "[]");
        assertEquals(List.of("t.json: -: must be a JSON object with topic, title and questions"), problems());
    }

    @Test
    void bankFields() throws IOException {
        ObjectNode bank = bank("t", validQuestion("t-one", "问题一？"));
        bank.remove("topic");
        ((ObjectNode) bank.get("title")).remove("en");
        bank.put("extra", 1);
        write("t.json", bank);
        assertEquals(List.of("t.json: -: unknown bank field 'extra'", "t.json: -: topic is missing",
                "t.json: -: title needs both zh and en"), problems());
    }

    @Test
    void titlesMustBeStrings() throws IOException {
        ObjectNode bank = bank("t", validQuestion("t-one", "问题一？"));
        ((ObjectNode) bank.get("title")).put("zh", 3);
        write("t.json", bank);
        assertEquals(List.of("t.json: -: zh must be a string", "t.json: -: title needs both zh and en"), problems());
    }

    @Test
    void questionsMustBeANonEmptyListOfObjects() throws IOException {
        write("t.json", bank("t"));
        assertEquals(List.of("t.json: -: questions must be a non-empty list"), problems());
        ObjectNode bank = bank("t");
        ((ArrayNode) bank.get("questions")).add("not a question");
        write("t.json", bank);
        assertEquals(List.of("t.json: (no id): each question must be a JSON object"), problems());
    }

    @Test
    void listsMustHoldStrings() throws IOException {
        assertEquals(List.of("t.json: t-one: tags must be a list of strings"),
                problemsWith(q -> ((ArrayNode) q.get("tags")).add(1)));
        assertEquals(List.of("t.json: t-one: match must be a list of strings",
                        "t.json: t-one: key point '要点一' has an empty match list"),
                problemsWith(q -> ((ObjectNode) q.get("keyPoints").get(0)).put("match", "一")));
        assertEquals(List.of("t.json: t-one: quiz options must be a list of strings",
                        "t.json: t-one: quiz needs 2 to 4 options", "t.json: t-one: quiz correct index is out of range (0 to -1)"),
                problemsWith(q -> ((ObjectNode) q.get("quiz")).put("options", "A")));
    }

    @Test
    void quizOptionsMustNotBeEmpty() throws IOException {
        assertEquals(List.of("t.json: t-one: quiz has an empty option"),
                problemsWith(q -> ((ArrayNode) q.get("quiz").get("options")).set(0, " ")));
    }
}
