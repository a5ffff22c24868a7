package coach.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code banks/*.json} and checks every rule of the bank schema, collecting each problem with its file
 * and question id instead of stopping at the first.
 */
public final class BankLoader {

    static final int MAX_ID_LENGTH = 40;
    static final int MAX_OPTION_LENGTH = 100;
    static final int MAX_EXPLANATION_LENGTH = 200;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> BANK_FIELDS = Set.of("topic", "title", "questions", "overlaps");
    private static final Set<String> QUESTION_FIELDS = Set.of(
            "id", "question", "answer", "keyPoints", "links", "difficulty", "tags", "quiz");
    private static final Set<String> KEY_POINT_FIELDS = Set.of("point", "match", "claim", "claims", "contradictions");
    private static final Set<String> CONTRADICTION_FIELDS = Set.of("claim", "correct");
    private static final Set<String> OVERLAP_FIELDS = Set.of("questions", "why");

    private final ObjectMapper json = new ObjectMapper();

    /** What a load found: the banks that could be read, and every problem. */
    public record Result(Library library, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Loads and checks every {@code *.json} file in the folder. */
    public Result load(Path dir) {
        List<Problem> problems = new ArrayList<>();
        List<Bank> banks = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), "-", "is not a folder of bank files"));
            return new Result(new Library(banks), problems);
        }
        // Files are read and checked in parallel (start-up waits for them), their problems kept in file order.
        for (FileResult result : bankFiles(dir).parallelStream().map(this::readFile).toList()) {
            problems.addAll(result.problems());
            result.bank().ifPresent(banks::add);
        }
        if (banks.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(dir.toString(), "-", "has no bank files (*.json)"));
        }
        checkAcrossBanks(banks, problems);
        return new Result(new Library(banks), problems);
    }

    /** One file's bank, if it could be read, and its problems. */
    private record FileResult(Optional<Bank> bank, List<Problem> problems) {
    }

    private FileResult readFile(Path file) {
        String name = file.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        try {
            return new FileResult(read(name, Files.readString(file), problems), problems);
        } catch (IOException e) {
            problems.add(new Problem(name, "-", "cannot be read: " + e.getMessage()));
            return new FileResult(Optional.empty(), problems);
        }
    }

    private static List<Path> bankFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one bank file's text, adding its problems; the file name must be {@code <topic>.json}. */
    public Optional<Bank> read(String fileName, String text, List<Problem> problems) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(new Problem(fileName, "-", "is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.add(new Problem(fileName, "-", "must be a JSON object with topic, title and questions"));
            return Optional.empty();
        }
        return Optional.of(new FileReader(fileName, problems).bank(root));
    }

    private static void checkAcrossBanks(List<Bank> banks, List<Problem> problems) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Bank bank : banks) {
            String file = bank.topic() + ".json";
            for (Question q : bank.questions()) {
                String seen = ids.putIfAbsent(q.id(), file);
                if (seen != null) {
                    problems.add(new Problem(file, q.id(), "duplicate id (also in " + seen + ")"));
                }
                String text = normalize(q.question());
                String first = texts.putIfAbsent(text, q.id());
                if (first != null && !text.isEmpty()) {
                    problems.add(new Problem(file, q.id(), "duplicate question text (same as " + first + ")"));
                }
            }
        }
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** Walks one file's JSON tree, turning each type or rule violation into a problem. */
    private static final class FileReader {
        private final String file;
        private final List<Problem> problems;
        private String questionId = "-";

        FileReader(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        Bank bank(JsonNode root) {
            unknownFields(root, BANK_FIELDS, "bank");
            String topic = text(root, "topic");
            String expected = file.substring(0, file.length() - ".json".length());
            if (topic.isEmpty()) {
                problem("topic is missing");
                topic = expected;
            } else if (!topic.equals(expected)) {
                problem("topic '" + topic + "' must match the file name " + expected + ".json");
            }
            JsonNode title = root.path("title");
            String zh = text(title, "zh");
            String en = text(title, "en");
            if (zh.isEmpty() || en.isEmpty()) {
                problem("title needs both zh and en");
            }
            JsonNode list = root.path("questions");
            List<Question> questions = new ArrayList<>();
            if (!list.isArray() || list.isEmpty()) {
                problem("questions must be a non-empty list");
            } else {
                for (JsonNode q : list) {
                    questions.add(question(topic, q));
                }
            }
            return new Bank(topic, new Bank.Title(zh, en), questions, overlaps(root.path("overlaps"), questions));
        }

        /** {@code "overlaps": [{"questions": ["a", "b"], "why": "..."}]}: pairs that share content on purpose. */
        private List<Bank.Overlap> overlaps(JsonNode list, List<Question> questions) {
            List<Bank.Overlap> overlaps = new ArrayList<>();
            if (list.isMissingNode()) {
                return overlaps;
            }
            if (!list.isArray()) {
                problem("overlaps must be a list of {questions: [id, id], why}");
                return overlaps;
            }
            Set<String> ids = new java.util.HashSet<>();
            questions.forEach(q -> ids.add(q.id()));
            for (JsonNode o : list) {
                unknownFields(o, OVERLAP_FIELDS, "overlap");
                List<String> pair = strings(o.path("questions"), "overlap questions");
                String why = text(o, "why");
                if (pair.size() != 2 || !ids.containsAll(pair) || pair.get(0).equals(pair.get(1))) {
                    problem("an overlap must name two different questions of this bank, got " + pair);
                } else if (why.isBlank()) {
                    problem("the overlap of " + pair + " needs a reason (why)");
                } else {
                    overlaps.add(new Bank.Overlap(pair.get(0), pair.get(1), why));
                }
            }
            return overlaps;
        }

        private Question question(String topic, JsonNode q) {
            questionId = "-";
            String id = text(q, "id");
            questionId = id.isEmpty() ? "(no id)" : id;
            if (!q.isObject()) {
                problem("each question must be a JSON object");
                return new Question(questionId, topic, "", "", List.of(), List.of(), 1, List.of(), null);
            }
            unknownFields(q, QUESTION_FIELDS, "question");
            if (id.isEmpty()) {
                problem("id is missing");
            } else if (!ID.matcher(id).matches()) {
                problem("id may use only a-z, 0-9 and '-'");
            } else if (id.length() > MAX_ID_LENGTH) {
                problem("id is longer than " + MAX_ID_LENGTH + " characters");
            }
            String question = required(q, "question");
            String answer = required(q, "answer");
            Question result = new Question(questionId, topic, question, answer, keyPoints(q), links(q),
                    difficulty(q), strings(q.path("tags"), "tags"), quiz(q.path("quiz")));
            questionId = "-";
            return result;
        }

        private List<Question.KeyPoint> keyPoints(JsonNode q) {
            JsonNode list = q.path("keyPoints");
            List<Question.KeyPoint> points = new ArrayList<>();
            if (!list.isArray() || list.size() < 2) {
                problem("keyPoints needs at least 2 key points");
            }
            for (JsonNode kp : list) {
                String point = text(kp, "point");
                if (point.isEmpty()) {
                    problem("a key point has no point text");
                }
                unknownFields(kp, KEY_POINT_FIELDS, "key point");
                boolean legacy = kp.has("match");
                boolean claims = kp.has("claim") || kp.has("claims");
                if (legacy == claims) {
                    problem("key point '" + point + "' needs either claims (concepts that meet in one clause) "
                            + "or the older match list, not both");
                }
                if (legacy) {
                    List<String> match = strings(kp.path("match"), "match");
                    if (match.isEmpty()) {
                        problem("key point '" + point + "' has an empty match list");
                    } else if (match.stream().anyMatch(String::isBlank)) {
                        problem("key point '" + point + "' has an empty match string");
                    }
                    points.add(Question.KeyPoint.ofMatches(point, match));
                } else {
                    points.add(new Question.KeyPoint(point, claims(kp, point), contradictions(kp, point)));
                }
            }
            return points;
        }

        /** {@code "claim": ["RDB", "快照|snapshot"]} for one claim, {@code "claims": [[...], [...]]} for several. */
        private List<Question.Claim> claims(JsonNode kp, String point) {
            List<Question.Claim> claims = new ArrayList<>();
            if (kp.has("claim")) {
                claim(kp.path("claim"), "claim of '" + point + "'").ifPresent(claims::add);
            }
            JsonNode list = kp.path("claims");
            if (kp.has("claims") && (!list.isArray() || list.isEmpty())) {
                problem("claims of key point '" + point + "' must be a non-empty list of claims");
            } else if (list.isArray()) {
                for (JsonNode claim : list) {
                    claim(claim, "a claim of '" + point + "'").ifPresent(claims::add);
                }
            }
            return claims;
        }

        private List<Question.Contradiction> contradictions(JsonNode kp, String point) {
            JsonNode list = kp.path("contradictions");
            List<Question.Contradiction> out = new ArrayList<>();
            if (list.isMissingNode()) {
                return out;
            }
            if (!list.isArray()) {
                problem("contradictions of key point '" + point + "' must be a list");
                return out;
            }
            for (JsonNode c : list) {
                unknownFields(c, CONTRADICTION_FIELDS, "contradiction");
                String where = "a contradiction of '" + point + "'";
                Optional<Question.Claim> claim = claim(c.path("claim"), where);
                String correct = text(c, "correct");
                if (correct.isBlank()) {
                    problem(where + " needs the correct statement (correct)");
                }
                claim.ifPresent(cl -> out.add(new Question.Contradiction(cl, correct)));
            }
            return out;
        }

        private Optional<Question.Claim> claim(JsonNode node, String where) {
            List<String> concepts = strings(node, where);
            if (concepts.isEmpty()) {
                problem(where + " must be a non-empty list of concepts");
                return Optional.empty();
            }
            List<Question.Concept> parsed = new ArrayList<>();
            for (String concept : concepts) {
                Question.Concept c = Question.Concept.of(concept);
                if (c.aliases().stream().anyMatch(String::isBlank)) {
                    problem(where + " has an empty alias in '" + concept + "'");
                } else {
                    parsed.add(c);
                }
            }
            return parsed.isEmpty() ? Optional.empty() : Optional.of(new Question.Claim(parsed));
        }

        private List<Question.Link> links(JsonNode q) {
            JsonNode list = q.path("links");
            List<Question.Link> links = new ArrayList<>();
            if (!list.isArray() || list.isEmpty()) {
                problem("links needs at least 1 link");
            }
            for (JsonNode link : list) {
                String title = text(link, "title");
                String url = text(link, "url");
                if (title.isEmpty()) {
                    problem("a link has no title");
                }
                if (!isHttpsUrl(url)) {
                    problem("link '" + url + "' is not an https:// URL");
                }
                links.add(new Question.Link(title, url));
            }
            return links;
        }

        private int difficulty(JsonNode q) {
            JsonNode d = q.path("difficulty");
            if (!d.isInt() || d.asInt() < 1 || d.asInt() > 3) {
                problem("difficulty must be 1, 2 or 3");
                return 1;
            }
            return d.asInt();
        }

        private Question.Quiz quiz(JsonNode quiz) {
            if (quiz.isMissingNode() || quiz.isNull()) {
                return null;
            }
            List<String> options = strings(quiz.path("options"), "quiz options");
            if (options.size() < 2 || options.size() > 4) {
                problem("quiz needs 2 to 4 options");
            }
            for (String option : options) {
                if (option.isBlank()) {
                    problem("quiz has an empty option");
                } else if (option.length() > MAX_OPTION_LENGTH) {
                    problem("quiz option is longer than " + MAX_OPTION_LENGTH + " characters: " + option);
                }
            }
            JsonNode correct = quiz.path("correct");
            if (!correct.isInt() || correct.asInt() < 0 || correct.asInt() >= options.size()) {
                problem("quiz correct index is out of range (0 to " + (options.size() - 1) + ")");
            }
            String explanation = text(quiz, "explanation");
            if (explanation.length() > MAX_EXPLANATION_LENGTH) {
                problem("quiz explanation is longer than " + MAX_EXPLANATION_LENGTH + " characters");
            }
            return new Question.Quiz(options, Math.max(0, correct.asInt()), explanation);
        }

        private String required(JsonNode node, String field) {
            JsonNode raw = node.path(field);
            String value = text(node, field);
            if (value.isBlank() && !(raw.isValueNode() && !raw.isTextual())) {
                problem(field + " is missing or empty");
            }
            return value;
        }

        private String text(JsonNode node, String field) {
            JsonNode value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                return "";
            }
            if (!value.isTextual()) {
                problem(field + " must be a string");
                return "";
            }
            return value.asText();
        }

        private List<String> strings(JsonNode list, String what) {
            if (list.isMissingNode() || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                problem(what + " must be a list of strings");
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (JsonNode item : list) {
                if (!item.isTextual()) {
                    problem(what + " must be a list of strings");
                    continue;
                }
                values.add(item.asText());
            }
            return values;
        }

        private void unknownFields(JsonNode node, Set<String> known, String what) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!known.contains(field)) {
                    problem("unknown " + what + " field '" + field + "'");
                }
            }
        }

        private void problem(String message) {
            problems.add(new Problem(file, questionId, message));
        }
    }

    static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
