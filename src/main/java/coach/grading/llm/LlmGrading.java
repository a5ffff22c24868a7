package coach.grading.llm;

import coach.bank.Question;
import coach.grading.Grader;
import coach.grading.llm.DailyBudget.Decision;
import coach.grading.llm.Graded.Reason;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the coach gets an answer graded: by the model when {@code grading.llm} is configured, it answered the start-up
 * probe, its circuit breaker is closed and the user has budget left today; by the offline grader otherwise. Model
 * gradings run on {@code concurrency} worker threads of their own, so the caller's thread (and its database
 * transaction) is never held for the seconds a model takes; every other path completes at once.
 */
public final class LlmGrading implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LlmGrading.class);

    private final Grader offline;
    private final LlmSettings settings;
    private final LlmGrader model;
    private final DailyBudget budget;
    private final ExecutorService workers;
    private volatile boolean available = true;

    private LlmGrading(Grader offline, LlmSettings settings, LlmGrader model, DailyBudget budget) {
        this.offline = Objects.requireNonNull(offline, "offline");
        this.settings = settings;
        this.model = model;
        this.budget = budget;
        this.workers = model == null ? null : Executors.newFixedThreadPool(settings.concurrency(), threads());
    }

    /** Grading without a model: what the coach does when the config has no {@code grading.llm}. */
    public static LlmGrading offlineOnly(Grader offline) {
        return new LlmGrading(offline, null, null, null);
    }

    /** Grading with the configured model, its key from {@code COACH_LLM_API_KEY}; offline only without settings. */
    public static LlmGrading fromConfig(Optional<LlmSettings> settings, Grader offline, BudgetStore store, Clock clock) {
        return settings.map(s -> of(s, ApiKey.fromEnvironment(), offline, store, clock))
                .orElseGet(() -> offlineOnly(offline));
    }

    public static LlmGrading of(LlmSettings settings, ApiKey key, Grader offline, BudgetStore store, Clock clock) {
        return of(settings, new LlmGrader(settings, key, offline, clock), offline, store);
    }

    static LlmGrading of(LlmSettings settings, LlmGrader model, Grader offline, BudgetStore store) {
        return new LlmGrading(offline, settings, model, new DailyBudget(settings.perUserPerDay(), store));
    }

    /** Whether a model is configured (it may still be unavailable). */
    public boolean configured() {
        return model != null;
    }

    /**
     * Asks the model for one token, on a worker thread. If it does not answer, one warning is logged and grading is
     * offline for the rest of the run. Completes with whether the model answered (false when none is configured).
     */
    public CompletableFuture<Boolean> probe() {
        if (model == null) {
            return CompletableFuture.completedFuture(false);
        }
        return CompletableFuture.supplyAsync(this::probeNow, workers);
    }

    private boolean probeNow() {
        try {
            Optional<ModelFailure> failure = model.probe();
            failure.ifPresent(f -> {
                available = false;
                LOG.warn("Model grading is off for this run: {} (model {}) did not answer the start-up probe ({}); "
                        + "answers are graded offline", address(settings.url()), settings.model(), f.getMessage());
            });
            return failure.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Grades a user's answer. {@code today} is the user's local date, for the daily budget. The future completes on a
     * worker thread when the model grades, at once otherwise; it always completes with a grade, never exceptionally.
     */
    public CompletableFuture<Graded> grade(long userId, LocalDate today, Question question, String answer) {
        Optional<Reason> offlineBecause = offlineBecause();
        if (offlineBecause.isPresent()) {
            return CompletableFuture.completedFuture(offlineGrade(question, answer, offlineBecause.get()));
        }
        Decision decision = budget.take(userId, today);
        if (decision != Decision.GRANTED) {
            Graded spent = offlineGrade(question, answer, Reason.BUDGET_SPENT);
            return CompletableFuture.completedFuture(decision == Decision.SPENT_JUST_NOW ? spent.withBudgetNotice() : spent);
        }
        try {
            return CompletableFuture.supplyAsync(() -> model.grade(question, answer), workers);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(offlineGrade(question, answer, Reason.INTERRUPTED));
        }
    }

    /** Grades on the caller's thread with no budget: for {@code coach grade --llm} and the benchmark. */
    public Graded gradeNow(Question question, String answer) {
        return offlineBecause().map(reason -> offlineGrade(question, answer, reason))
                .orElseGet(() -> model.grade(question, answer));
    }

    private Optional<Reason> offlineBecause() {
        if (model == null) {
            return Optional.of(Reason.NOT_CONFIGURED);
        }
        if (!available) {
            return Optional.of(Reason.UNAVAILABLE);
        }
        return model.ready() ? Optional.empty() : Optional.of(Reason.CIRCUIT_OPEN);
    }

    private Graded offlineGrade(Question question, String answer, Reason reason) {
        return Graded.offline(offline.grade(question, answer), reason, "");
    }

    /** The endpoint for a log line: scheme, host, port and path, never user info or a query. */
    static String address(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
    }

    private static java.util.concurrent.ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "llm-grading-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
