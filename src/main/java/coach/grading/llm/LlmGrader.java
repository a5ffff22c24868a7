package coach.grading.llm;

import coach.bank.Question;
import coach.bank.Question.KeyPoint;
import coach.grading.Grade;
import coach.grading.Grade.PointGrade;
import coach.grading.Grade.Verdict;
import coach.grading.Grader;
import coach.grading.llm.Graded.Reason;
import coach.grading.llm.Graded.Scorer;
import coach.grading.llm.Verdicts.ModelVerdict;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grades an answer with a language model, on the caller's thread. The model decides verdicts, never the score: the
 * score is {@link Grader#scored} over the verdicts. A made or contradicted verdict counts only with a quote found in
 * the answer; a made one also needs a quote about that point, more than a list of its terms, and used for no other
 * point. Otherwise the offline grader's verdict for that point stands.
 * A model that marks the control point made is not trusted for that answer. A failed request is retried once (after
 * the server's {@code Retry-After}, when it is no longer than the timeout; without the schema after a 4xx); then the
 * offline grader scores it.
 */
public final class LlmGrader {

    private static final Logger LOG = LoggerFactory.getLogger(LlmGrader.class);

    /** Waits before the retry; tests record the wait instead. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration wait) throws InterruptedException;
    }

    private final Grader offline;
    private final ChatClient client;
    private final LlmSettings settings;
    private final CircuitBreaker breaker;
    private final Pause pause;

    public LlmGrader(LlmSettings settings, ApiKey key, Grader offline, Clock clock) {
        this(settings, key, offline, new CircuitBreaker(clock), wait -> Thread.sleep(wait.toMillis()), clock);
    }

    LlmGrader(LlmSettings settings, ApiKey key, Grader offline, CircuitBreaker breaker, Pause pause, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.offline = Objects.requireNonNull(offline, "offline");
        this.client = new ChatClient(settings, Objects.requireNonNull(key, "key"), clock);
        this.breaker = breaker;
        this.pause = pause;
    }

    public Graded grade(Question question, String answer) {
        Grade fallback = offline.grade(question, answer);
        if (!breaker.allows()) {
            return Graded.offline(fallback, Reason.CIRCUIT_OPEN, "");
        }
        Rubric rubric = Rubric.of(question, answer);
        ObjectNode request = Prompt.request(settings.model(), question, rubric, answer);
        try {
            return judge(question, answer, rubric, ask(request, rubric), fallback);
        } catch (ModelFailure f) {
            LOG.info("Model grading of {} failed, graded offline: {}", question.id(), f.getMessage());
            return Graded.offline(fallback, Reason.MODEL_FAILED, f.kind().label());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Graded.offline(fallback, Reason.INTERRUPTED, "");
        }
    }

    /** Whether a grading now would reach the model (the breaker is closed, or its trial is due). */
    boolean ready() {
        return breaker.closedOrDue();
    }

    /** Why the model does not answer a one-token request, if it does not; for the start-up probe. */
    Optional<ModelFailure> probe() throws InterruptedException {
        try {
            client.message(Prompt.ping(settings.model()));
            return Optional.empty();
        } catch (ModelFailure f) {
            return Optional.of(f);
        }
    }

    private Map<String, ModelVerdict> ask(ObjectNode request, Rubric rubric) throws ModelFailure, InterruptedException {
        try {
            return once(request, rubric);
        } catch (ModelFailure first) {
            Duration wait = first.retryAfter().orElse(Duration.ZERO);
            if (wait.compareTo(settings.timeout()) > 0) {
                breaker.holdOff(wait);
                throw first;
            }
            if (!breaker.allows()) {
                throw first;
            }
            pause.pause(wait);
            return once(first.kind() == ModelFailure.Kind.CLIENT_ERROR ? withoutSchema(request) : request, rubric);
        }
    }

    /** Some servers refuse a JSON-schema {@code response_format} (llama.cpp has); the prompt states the shape too. */
    private static ObjectNode withoutSchema(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("response_format");
        return copy;
    }

    private Map<String, ModelVerdict> once(ObjectNode request, Rubric rubric) throws ModelFailure, InterruptedException {
        try {
            Map<String, ModelVerdict> verdicts = Verdicts.parse(client.content(request), rubric);
            breaker.success();
            return verdicts;
        } catch (ModelFailure f) {
            breaker.failure();
            throw f;
        }
    }

    private Graded judge(Question question, String answer, Rubric rubric, Map<String, ModelVerdict> verdicts,
                         Grade fallback) {
        if (verdicts.get(rubric.controlId()).verdict() == Verdict.MADE) {
            LOG.info("The model marked the control point of {} made; graded offline", question.id());
            return Graded.offline(fallback, Reason.UNTRUSTED, "");
        }
        List<ModelVerdict> used = new ArrayList<>();
        for (int i = 0; i < question.keyPoints().size(); i++) {
            ModelVerdict v = verdicts.get(rubric.idOf(i));
            used.add(supported(v, question.keyPoints().get(i), question, answer) ? v : null);
        }
        dropSharedQuotes(used);
        List<PointGrade> points = new ArrayList<>();
        List<String> feedback = new ArrayList<>();
        for (int i = 0; i < used.size(); i++) {
            ModelVerdict v = used.get(i);
            points.add(v == null ? fallback.points().get(i) : pointGrade(v, fallback.points().get(i)));
            feedback.add(v == null ? "" : v.feedback());
        }
        int fromOffline = (int) used.stream().filter(Objects::isNull).count();
        return new Graded(Grader.scored(points, fallback.bareTerms()), Scorer.MODEL, Reason.NONE, settings.model(),
                feedback, fromOffline, false);
    }

    private static boolean supported(ModelVerdict v, KeyPoint point, Question question, String answer) {
        return switch (v.verdict()) {
            case MISSED -> true;
            case CONTRADICTED -> Evidence.foundIn(v.evidence(), answer);
            case MADE -> Evidence.foundIn(v.evidence(), answer) && Evidence.makes(v.evidence(), point, question.question());
        };
    }

    /** One quote makes one point: points made by the same words (or words inside each other) keep no model verdict. */
    private static void dropSharedQuotes(List<ModelVerdict> used) {
        List<String> quotes = used.stream()
                .map(v -> v != null && v.verdict() == Verdict.MADE ? Evidence.letters(v.evidence()) : null).toList();
        for (int i = 0; i < quotes.size(); i++) {
            for (int j = 0; j < quotes.size(); j++) {
                String a = quotes.get(i);
                String b = quotes.get(j);
                if (i != j && a != null && b != null && (a.contains(b) || b.contains(a))) {
                    used.set(i, null);
                }
            }
        }
    }

    private static PointGrade pointGrade(ModelVerdict v, PointGrade offlinePoint) {
        KeyPoint point = offlinePoint.point();
        return switch (v.verdict()) {
            case MADE -> new PointGrade(point, Verdict.MADE, v.evidence(), "");
            case MISSED -> new PointGrade(point, Verdict.MISSED, "", "");
            case CONTRADICTED -> new PointGrade(point, Verdict.CONTRADICTED, v.evidence(),
                    offlinePoint.verdict() == Verdict.CONTRADICTED ? offlinePoint.correct() : point.point());
        };
    }
}
