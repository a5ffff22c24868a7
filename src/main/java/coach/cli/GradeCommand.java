package coach.cli;

import coach.bank.BankLoader;
import coach.bank.Library;
import coach.bank.Question;
import coach.grading.Grade;
import coach.grading.Grade.PointGrade;
import coach.grading.Grader;
import coach.grading.llm.ApiKey;
import coach.grading.llm.Graded;
import coach.grading.llm.LlmGrader;
import coach.grading.llm.LlmSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coach grade}: grades one answer from standard input, or a JSON-lines file of answers, and prints each key
 * point's verdict with its evidence; for bank authors and for measuring the grader. With {@code --llm} the model in
 * {@code grading.llm} judges the verdicts (the offline grader stands in when it fails) and the output says which
 * grader scored each answer.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade an answer read from standard input against a question's key points.")
public final class GradeCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ConfigOption config;

    @Parameters(arity = "0..1", paramLabel = "QUESTION_ID", description = "the question the answer is for")
    String questionId;

    @Option(names = "--json", description = "print the verdict as one JSON object")
    boolean json;

    @Option(names = "--batch", paramLabel = "FILE.jsonl",
            description = "grade every {\"qid\", \"answer\"} line of FILE; write one JSON line per input line")
    Path batch;

    @Option(names = "--llm", description = "grade with the model configured in grading.llm (key from "
            + ApiKey.VARIABLE + "); the offline grader stands in when the model fails")
    boolean llm;

    @Spec
    CommandSpec spec;

    private final Grader grader = new Grader();
    private BiFunction<Question, String, Graded> grading;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if ((questionId == null) == (batch == null)) {
            err.println("coach: give a QUESTION_ID (answer on standard input) or --batch FILE.jsonl");
            return BAD_INPUT;
        }
        if (llm) {
            Optional<LlmSettings> settings = config.load().llm();
            if (settings.isEmpty()) {
                err.println("coach: --llm needs a grading.llm block in the config (see README, Grading with a model)");
                return BAD_INPUT;
            }
            grading = new LlmGrader(settings.get(), ApiKey.fromEnvironment(), grader, Clock.systemUTC())::grade;
        }
        Library library = library(err);
        return batch != null ? batch(library, batch) : one(library, System.in);
    }

    private Library library(PrintWriter err) {
        BankLoader.Result result = new BankLoader().load(config.load().banksDir());
        if (!result.ok()) {
            err.println("coach: the banks have " + result.problems().size()
                    + " problem(s); grading with what could be read (see ./coach banks check)");
        }
        return result.library();
    }

    int one(Library library, InputStream in) throws IOException {
        Optional<Question> question = library.question(questionId);
        if (question.isEmpty()) {
            spec.commandLine().getErr().println("coach: unknown question id '" + questionId + "'");
            return BAD_INPUT;
        }
        String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        if (grading == null) {
            Grade grade = grader.grade(question.get(), answer);
            out.println(json ? toJson(questionId, grade).toString() : toText(questionId, grade));
        } else {
            Graded graded = grading.apply(question.get(), answer);
            out.println(json ? toJson(questionId, graded).toString() : toText(questionId, graded));
        }
        out.flush();
        return 0;
    }

    private int batch(Library library, Path file) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("coach: no such file: " + file);
            return BAD_INPUT;
        }
        int status = 0;
        int number = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Optional<String> problem = gradeLine(library, line, out);
                if (problem.isPresent()) {
                    err.println("coach: " + file.getFileName() + " line " + number + ": " + problem.get());
                    ObjectNode error = JSON.createObjectNode().put("line", number).put("error", problem.get());
                    out.println(error);
                    status = BAD_INPUT;
                }
            }
        }
        out.flush();
        return status;
    }

    /** Grades one batch line, printing its result; the problem with the line when it can't be graded. */
    private Optional<String> gradeLine(Library library, String line, PrintWriter out) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.of("not valid JSON");
        }
        if (node == null || !node.isObject() || !node.path("qid").isTextual() || !node.path("answer").isTextual()) {
            return Optional.of("needs a JSON object with string fields qid and answer");
        }
        String qid = node.path("qid").asText();
        Optional<Question> question = library.question(qid);
        if (question.isEmpty()) {
            return Optional.of("unknown question id '" + qid + "'");
        }
        String answer = node.path("answer").asText();
        out.println(grading == null ? toJson(qid, grader.grade(question.get(), answer))
                : toJson(qid, grading.apply(question.get(), answer)));
        return Optional.empty();
    }

    static ObjectNode toJson(String qid, Grade grade) {
        ObjectNode root = JSON.createObjectNode().put("qid", qid).put("score", grade.score())
                .put("bareTerms", grade.bareTerms());
        ArrayNode points = root.putArray("points");
        for (PointGrade p : grade.points()) {
            points.addObject().put("point", p.point().point()).put("verdict", p.verdict().json())
                    .put("evidence", p.evidence());
        }
        return root;
    }

    /** The batch shape, plus which grader scored it and the model's sentence per point. */
    static ObjectNode toJson(String qid, Graded graded) {
        ObjectNode root = toJson(qid, graded.grade());
        root.put("grader", graded.byModel() ? "model" : "offline").put("gradedBy", graded.line());
        for (int i = 0; i < graded.feedback().size(); i++) {
            ((ObjectNode) root.path("points").get(i)).put("feedback", graded.feedback().get(i));
        }
        return root;
    }

    static String toText(String qid, Graded graded) {
        return toText(qid, graded.grade(), graded.feedback()) + "\n" + graded.line();
    }

    static String toText(String qid, Grade grade) {
        return toText(qid, grade, List.of());
    }

    private static String toText(String qid, Grade grade, List<String> feedback) {
        StringBuilder out = new StringBuilder(qid).append(": key-point coverage ").append(grade.score()).append("/100 (")
                .append(grade.with(Grade.Verdict.MADE).size()).append(" of ").append(grade.points().size())
                .append(" points made)");
        if (grade.bareTerms()) {
            out.append(" (capped at ").append(Grader.BARE_TERMS_CAP).append(": mostly bare terms)");
        }
        for (int i = 0; i < grade.points().size(); i++) {
            PointGrade p = grade.points().get(i);
            out.append('\n').append(switch (p.verdict()) {
                case MADE -> "  made          ";
                case CONTRADICTED -> "  contradicted  ";
                case MISSED -> "  missed        ";
            }).append(p.point().point());
            if (!p.evidence().isEmpty()) {
                out.append("\n                  “").append(p.evidence()).append('”');
            }
            if (!p.correct().isEmpty()) {
                out.append("\n                  correct: ").append(p.correct());
            }
            if (i < feedback.size() && !feedback.get(i).isEmpty()) {
                out.append("\n                  ").append(feedback.get(i));
            }
        }
        return out.toString();
    }
}
