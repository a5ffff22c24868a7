package coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.bank.BankLoader;
import coach.bank.Library;
import coach.bank.Question;
import coach.grading.Grade;
import coach.grading.Grader;
import coach.grading.llm.ApiKey;
import coach.grading.llm.FakeModel;
import coach.grading.llm.InMemoryBudgetStore;
import coach.grading.llm.LlmGrading;
import coach.grading.llm.LlmSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code coach bench grading --llm}: the labelled set through the configured endpoint, the same table. */
class LlmGradingAccuracyTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int bench(Path config, Path set) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("grading", "--llm", "--config", config.toString(), "--set", set.toString());
    }

    private Path set() throws IOException {
        Path set = Files.createDirectories(dir.resolve("set"));
        List<String> lines = Files.readAllLines(GradingAccuracy.DEFAULT_SET.resolve("redis.jsonl")).subList(0, 6);
        Files.write(set.resolve("redis.jsonl"), lines);
        return set;
    }

    private Path config(String url) throws IOException {
        return Files.writeString(dir.resolve("coach.json"), "{\"banks\": {\"dir\": \"" + Path.of("banks").toAbsolutePath()
                + "\"}, \"grading\": {\"llm\": {\"url\": \"" + url + "\", \"model\": \"fake-7b\", \"concurrency\": 2}}}");
    }

    @Test
    void theSetIsGradedThroughTheModelAndMeasuredLikeTheOfflineGrader() throws IOException {
        try (FakeModel model = new FakeModel()) {
            model.answers(FakeModel.judging(point -> FakeModel.Verdict.missed()));
            assertEquals(0, bench(config(model.url().toString()), set()), err.toString());
            assertEquals(7, model.requests().size(), "the probe and six answers");
        }
        String text = out.toString();
        assertTrue(text.startsWith("core set: 6 answers"), text);
        assertTrue(text.contains("scored by the model: 6 of 6 answers; offline instead: none"), text);
    }

    @Test
    void aModelThatDoesNotAnswerIsNotMeasured() throws IOException {
        Path config;
        try (FakeModel gone = new FakeModel()) {
            config = config(gone.url().toString());
        }
        assertEquals(2, bench(config, set()));
        assertTrue(err.toString().contains("did not answer"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aModelThatAgreesWithTheOfflineGraderScoresEveryAnswerAlike() throws Exception {
        Library library = new BankLoader().load(Path.of("banks")).library();
        Grader offline = new Grader();
        List<GradingAccuracy.Labelled> set = GradingAccuracy.read(set()).subList(0, 6);
        try (FakeModel model = new FakeModel().answers(offlineVerdicts(library, offline));
             LlmGrading grading = LlmGrading.of(new LlmSettings(model.url(), "offline-echo", Duration.ofSeconds(5), 50, 2),
                     ApiKey.none(), offline, new InMemoryBudgetStore(), Clock.systemUTC())) {
            LlmGradingAccuracy.Result result = new LlmGradingAccuracy(library, grading, 2).run(set, new PrintWriter(err));
            assertEquals(set.size(), result.byModel());
            assertEquals(GradingAccuracy.measure(library, set, offline).scored(), result.report().scored());
        }
    }

    /** A fake model that answers with the offline grader's verdicts and quotes. */
    private static Function<FakeModel.Request, FakeModel.Reply> offlineVerdicts(Library library, Grader offline) {
        return r -> {
            String asked = r.document().path("question").asText();
            Question question = library.banks().stream().flatMap(b -> b.questions().stream())
                    .filter(q -> q.question().equals(asked)).findFirst().orElseThrow();
            Grade grade = offline.grade(question, r.answer());
            Map<String, String> byPoint = new HashMap<>();
            Map<String, FakeModel.Verdict> verdicts = new HashMap<>();
            grade.points().forEach(p -> byPoint.put(p.point().point(), p.verdict().json() + "\n" + p.evidence()));
            r.points().forEach((id, text) -> {
                String[] v = byPoint.getOrDefault(text, "missed\n").split("\n", 2);
                verdicts.put(id, new FakeModel.Verdict(v[0], v[1], ""));
            });
            return FakeModel.completion(r, verdicts);
        };
    }
}
