package coach.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.grading.llm.FakeModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
