package coach.pending;

import coach.bank.Library;
import coach.bank.Question;
import coach.chat.Engine;
import coach.chat.Reply;
import coach.chat.Turn;
import coach.grading.llm.LlmGrading;
import coach.store.Database;
import coach.user.UserStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grades the answers waiting in the {@link PendingStore}: each goes to {@link LlmGrading}, and when its grade is back
 * the flow that took it applies it, its row is deleted and its replies are queued, all in one transaction. Neither
 * the model's seconds nor the wait for them hold the database or the thread that handles updates. Answers left
 * waiting by a crash are graded once at start; a row is applied at most once, since the transaction that applies it
 * deletes it.
 */
public final class GradingWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GradingWorker.class);
    /** How long the worker waits for a new answer before it looks at the table again anyway. */
    private static final long RESCAN_MILLIS = 5_000;

    private final Database db;
    private final PendingStore store;
    private final LlmGrading grading;
    private final Engine engine;
    private final UserStore users;
    private final Supplier<Library> library;
    private final Map<String, GradedLater> flows;
    private final Clock clock;
    private final Set<Long> started = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile Consumer<List<Reply>> sink;
    private Thread scanner;

    public GradingWorker(Database db, PendingStore store, LlmGrading grading, Engine engine, UserStore users,
                         Supplier<Library> library, List<GradedLater> flows, Clock clock) {
        this.db = db;
        this.store = store;
        this.grading = grading;
        this.engine = engine;
        this.users = users;
        this.library = library;
        this.flows = flows.stream().collect(Collectors.toUnmodifiableMap(GradedLater::name, Function.identity()));
        this.clock = clock;
    }

    /**
     * Grades the answers left waiting and, when answers are graded later, each new one as it is stored. {@code sink}
     * gets every reply inside the transaction that applies its grade; a later call (a front end connected again)
     * replaces it.
     */
    public synchronized void start(Consumer<List<Reply>> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (!store.enabled()) {
            scan();
            return;
        }
        if (scanner != null) {
            return;
        }
        grading.probe();
        scanner = new Thread(this::run, "pending-gradings");
        scanner.setDaemon(true);
        scanner.start();
    }

    private void run() {
        while (!closed) {
            try {
                scan();
                store.awaitAdded(RESCAN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.error("Could not read the answers waiting for a grade", e);
                }
            }
        }
    }

    /** Sends each waiting answer not yet on its way to be graded. */
    private void scan() {
        store.all().stream().filter(p -> started.add(p.id())).forEach(this::grade);
    }

    private void grade(PendingGrading pending) {
        GradedLater flow = flows.get(pending.flow());
        Optional<Question> question = library.get().question(pending.questionId());
        if (question.isEmpty()) {
            apply(pending, turn -> flow.withdrawn(turn, pending));
            return;
        }
        grading.grade(pending.userId(), today(pending.userId()), question.get(), pending.answer())
                .thenAccept(graded -> apply(pending, turn -> flow.graded(turn, pending, question.get(), graded)));
    }

    /** The user's local date, for the daily budget. */
    private LocalDate today(long userId) {
        return users.find(userId).map(user -> LocalDate.now(clock.withZone(user.zone())))
                .orElseGet(() -> LocalDate.now(clock));
    }

    /** Applies a grade in one transaction with the row's deletion and the replies; once only, and not after close. */
    private void apply(PendingGrading pending, Consumer<Turn> work) {
        if (closed) {
            return;
        }
        try {
            db.tx(c -> {
                if (store.exists(pending.id())) {
                    List<Reply> replies = engine.asUser(pending.userId(), pending.chatId(), work);
                    store.delete(pending.id());
                    sink.accept(replies);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not apply the grade of answer {} of user {}; it is graded again after a restart",
                    pending.id(), pending.userId(), e);
        }
    }

    /** Stops taking answers; grades that come back afterwards are dropped, and graded again after a restart. */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = scanner;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
