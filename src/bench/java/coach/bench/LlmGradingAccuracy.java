package coach.bench;

import coach.bank.Library;
import coach.bank.Question;
import coach.grading.llm.Graded;
import coach.grading.llm.LlmGrading;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The labelled set graded through the configured model, {@code concurrency} answers at a time, measured with the same
 * figures as the offline grader; and how many answers the model really scored, so an operator can judge their model
 * before switching it on.
 */
public final class LlmGradingAccuracy {

    /** The accuracy report, who scored what, and the time per model grading. */
    public record Result(GradingAccuracy.Report report, int answers, int byModel, Map<String, Integer> offlineReasons,
                         int pointsFromOffline, Percentiles millis) {
    }

    private final Library library;
    private final LlmGrading grading;
    private final int concurrency;

    public LlmGradingAccuracy(Library library, LlmGrading grading, int concurrency) {
        this.library = library;
        this.grading = grading;
        this.concurrency = concurrency;
    }

    public Result run(List<GradingAccuracy.Labelled> set, PrintWriter progress) throws Exception {
        Map<String, Graded> graded = new ConcurrentHashMap<>();
        long[] millis = new long[set.size()];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                int at = i;
                GradingAccuracy.Labelled l = set.get(i);
                library.question(l.qid()).ifPresent(q -> futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    graded.put(key(q, l.answer()), grading.gradeNow(q, l.answer()));
                    millis[at] = (System.nanoTime() - start) / 1_000_000;
                    if (done.incrementAndGet() % 20 == 0) {
                        progress.printf("graded %d of %d%n", done.get(), set.size());
                        progress.flush();
                    }
                })));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        GradingAccuracy.Report report = GradingAccuracy.measure(library, set,
                (q, a) -> graded.get(key(q, a)).grade().score());
        Map<String, Integer> reasons = graded.values().stream().filter(g -> !g.byModel()).collect(Collectors.toMap(
                g -> g.reason().name().toLowerCase(Locale.ROOT), g -> 1, Integer::sum, TreeMap::new));
        return new Result(report, graded.size(), (int) graded.values().stream().filter(Graded::byModel).count(),
                reasons, graded.values().stream().mapToInt(Graded::fromOffline).sum(),
                Percentiles.of(millis.length == 0 ? new long[] {0} : millis));
    }

    private static String key(Question q, String answer) {
        return q.id() + '\n' + answer;
    }

    /** The lines printed under the accuracy table. */
    public static String format(Result r) {
        return String.format(Locale.ROOT, "%nscored by the model: %d of %d answers; offline instead: %s; "
                        + "points left to the offline grader (evidence not in the answer): %d%n"
                        + "time per model grading: p50 %d ms, p99 %d ms, max %d ms%n",
                r.byModel(), r.answers(), r.offlineReasons().isEmpty() ? "none" : r.offlineReasons(),
                r.pointsFromOffline(), r.millis().at(50), r.millis().at(99), r.millis().at(100));
    }
}
