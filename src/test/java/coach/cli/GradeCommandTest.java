package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestCoach;
import coach.grading.llm.FakeModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GradeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("coach.json");
        Files.writeString(config, JSON.createObjectNode().set("banks", JSON.createObjectNode()
                .put("dir", TestCoach.testBanks().toString())).toString());
    }

    private void configureModel(String url) throws IOException {
        Files.writeString(config, "{\"banks\": {\"dir\": " + JSON.writeValueAsString(TestCoach.testBanks().toString())
                + "}, \"grading\": {\"llm\": {\"url\": \"" + url + "\", \"model\": \"fake-7b\", \"timeoutSeconds\": 5}}}");
    }

    private int run(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            String[] all = new String[args.length + 3];
            all[0] = "grade";
            all[1] = "--config";
            all[2] = config.toString();
            System.arraycopy(args, 0, all, 3, args.length);
            return cli.execute(all);
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void printsTheScoreAndEachPointWithItsEvidence() {
        assertEquals(0, run("RDB 是把内存定期存成快照。AOF 其实也是快照。", "redis-persistence"));
        String text = out.toString();
        assertTrue(text.startsWith("redis-persistence: key-point coverage 0/100"), text);
        assertTrue(text.contains("made          RDB：定期生成快照\n                  “RDB 是把内存定期存成快照”"), text);
        assertTrue(text.contains("contradicted  AOF：追加记录每条写命令\n                  “AOF 其实也是快照”\n"
                + "                  correct: 快照是 RDB；AOF 逐条追加写命令"), text);
        assertTrue(text.contains("missed        两者可以同时开启"), text);
    }

    @Test
    void jsonHasTheBatchShape() throws IOException {
        assertEquals(0, run("RDB 是把内存定期存成快照", "redis-persistence", "--json"));
        JsonNode node = JSON.readTree(out.toString());
        assertEquals("redis-persistence", node.path("qid").asText());
        assertEquals(42, node.path("score").asInt());
        assertEquals("made", node.path("points").get(0).path("verdict").asText());
        assertEquals("RDB 是把内存定期存成快照", node.path("points").get(0).path("evidence").asText());
        assertEquals("missed", node.path("points").get(1).path("verdict").asText());
        assertEquals("", node.path("points").get(1).path("evidence").asText());
    }

    @Test
    void anUnknownQuestionIsOneLineAndExitTwo() {
        assertEquals(2, run("anything", "no-such-question"));
        assertEquals("coach: unknown question id 'no-such-question'\n", err.toString());
    }

    @Test
    void batchWritesOneLinePerInputInOrderAndNamesBadLines() throws IOException {
        Path batch = dir.resolve("answers.jsonl");
        Files.writeString(batch, String.join("\n",
                "{\"qid\": \"python-new-init\", \"answer\": \"__new__ 负责创建并返回实例，__init__ 再做初始化\"}",
                "not json",
                "{\"qid\": \"nope\", \"answer\": \"x\"}",
                "{\"qid\": \"redis-eviction\"}",
                "{\"qid\": \"redis-eviction\", \"answer\": \"不知道\"}") + "\n");
        assertEquals(2, run("", "--batch", batch.toString()));
        List<JsonNode> lines = out.toString().lines().map(GradeCommandTest::parse).toList();
        assertEquals(5, lines.size());
        assertEquals(100, lines.get(0).path("score").asInt());
        assertFalse(lines.get(0).path("bareTerms").asBoolean());
        assertEquals(List.of("qid", "score", "bareTerms", "points"), fields(lines.get(0)));
        assertEquals(List.of("point", "verdict", "evidence"), fields(lines.get(0).path("points").get(0)));
        assertEquals(2, lines.get(1).path("line").asInt());
        assertEquals(0, lines.get(4).path("score").asInt());
        assertEquals(List.of(
                "coach: answers.jsonl line 2: not valid JSON",
                "coach: answers.jsonl line 3: unknown question id 'nope'",
                "coach: answers.jsonl line 4: needs a JSON object with string fields qid and answer"),
                err.toString().lines().toList());
    }

    @Test
    void neitherAnIdNorABatchIsAUsageError() {
        assertEquals(2, run(""));
        assertTrue(err.toString().contains("give a QUESTION_ID"), err.toString());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void withLlmTheModelJudgesAndTheOutputSaysSo() throws IOException {
        try (FakeModel model = new FakeModel()) {
            model.answers(FakeModel.judging(point -> point.startsWith("RDB")
                    ? FakeModel.Verdict.made("RDB 是把内存定期存成快照") : FakeModel.Verdict.missed()));
            configureModel(model.url().toString());
            assertEquals(0, run("RDB 是把内存定期存成快照", "redis-persistence", "--llm"));
            assertEquals(1, model.requests().size());
        }
        String text = out.toString();
        assertTrue(text.contains("“RDB 是把内存定期存成快照”\n                  这一点讲到了。"), text);
        assertTrue(text.strip().endsWith("graded by the model fake-7b"), text);
    }

    @Test
    void withLlmJsonSaysWhichGraderScoredIt() throws IOException {
        try (FakeModel gone = new FakeModel()) {
            configureModel(gone.url().toString());
        }
        assertEquals(0, run("RDB 是把内存定期存成快照", "redis-persistence", "--llm", "--json"));
        JsonNode node = JSON.readTree(out.toString());
        assertEquals(42, node.path("score").asInt());
        assertEquals("offline", node.path("grader").asText());
        assertEquals("graded offline: the model failed (unreachable)", node.path("gradedBy").asText());
        assertEquals("", node.path("points").get(0).path("feedback").asText());
    }

    @Test
    void llmWithoutAModelConfiguredSaysWhatIsMissing() {
        assertEquals(GradeCommand.BAD_INPUT, run("RDB", "redis-persistence", "--llm"));
        assertTrue(err.toString().contains("--llm needs a grading.llm block"), err.toString());
    }
}
