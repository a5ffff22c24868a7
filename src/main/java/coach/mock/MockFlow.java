package coach.mock;

import coach.bank.Library;
import coach.bank.Question;
import coach.bank.TopicNames;
import coach.chat.Command;
import coach.chat.Flow;
import coach.chat.Html;
import coach.chat.Reply.Button;
import coach.chat.Texts;
import coach.chat.Turn;
import coach.grading.Grade;
import coach.grading.llm.Graded;
import coach.mock.Mock.Item;
import coach.mock.MockStore.MissedPoint;
import coach.pending.GradedLater;
import coach.pending.PendingGrading;
import coach.pending.PendingStore;
import coach.practice.Asked;
import coach.practice.Marking;
import coach.practice.PracticeFlow;
import coach.practice.PracticeStore;
import coach.practice.QuestionPicker;
import coach.practice.Rating;
import coach.user.UserStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * /mock: a run of questions answered one after another in free text, then a report card. Answers join the
 * practice history (streaks, stats) and schedule reviews with a rating derived from the score; a question the user
 * had open before the mock stays open for afterwards.
 */
public final class MockFlow implements Flow, GradedLater {

    /** How much of a bad argument is echoed back. */
    private static final int ARGUMENT = 40;

    static final int DEFAULT_QUESTIONS = 5;
    static final int MAX_QUESTIONS = 10;
    private static final int MISSED_SHOWN = 5;
    private static final int WEAKEST_SHOWN = 3;
    private static final int SHORT_TEXT = 40;
    private static final int PER_ROW = 5;
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+");

    private final Supplier<Library> library;
    private final UserStore users;
    private final MockStore store;
    private final PracticeStore practiceStore;
    private final QuestionPicker picker;
    private final PracticeFlow practice;
    private final PendingStore later;
    private final Clock clock;

    public MockFlow(Supplier<Library> library, UserStore users, MockStore store, PracticeStore practiceStore,
                    QuestionPicker picker, PracticeFlow practice, PendingStore later, Clock clock) {
        this.library = library;
        this.users = users;
        this.store = store;
        this.practiceStore = practiceStore;
        this.picker = picker;
        this.practice = practice;
        this.later = later;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "mock";
    }

    /** What {@code /mock [topic] [n]} asked for, or why it cannot be done. */
    private record Request(String topic, int questions, String error) {
        static Request refused(String error) {
            return new Request(null, 0, error);
        }
    }

    @Override
    public List<String> commands() {
        return List.of("mock");
    }

    @Override
    public List<String> buttons() {
        return List.of("m:");
    }

    @Override
    public boolean busy(Turn turn) {
        return running(turn.user().userId());
    }

    /** While a mock runs, /question and the next-question button show its question, and /skip skips it. */
    @Override
    public List<String> whileBusy() {
        return List.of("question", "skip", PracticeFlow.NEXT);
    }

    @Override
    public void command(Turn turn, Command command) {
        switch (command.name()) {
            case "question" -> busy(turn, turn.t("mock.busy"));
            case "skip" -> skip(turn);
            default -> start(turn, command.args());
        }
    }

    @Override
    public void press(Turn turn, String data) {
        if (data.equals(PracticeFlow.NEXT)) {
            turn.toast("");
            busy(turn, turn.t("mock.busy"));
        } else {
            pressed(turn, data.substring(2));
        }
    }

    @Override
    public void prepareAnswer(Turn turn, String text) {
        currentQuestion(turn.user().userId()).ifPresent(question -> practice.gradeAhead(question, text, turn.prework()));
    }

    public boolean running(long userId) {
        return store.running(userId).isPresent();
    }

    /** {@code /mock}, {@code /mock [topic] [n]} in either order, or {@code /mock stop}. */
    void start(Turn turn, String args) {
        Optional<Mock> running = store.running(turn.user().userId());
        if (args.equalsIgnoreCase("stop") && running.isPresent() && later.holds(turn)) {
            return;
        }
        if (args.equalsIgnoreCase("stop")) {
            running.ifPresentOrElse(mock -> stop(turn, mock), () -> turn.say(turn.t("mock.none")));
            return;
        }
        if (running.isPresent()) {
            remind(turn, running.get(), turn.t("mock.already"));
            return;
        }
        Request request = parse(turn, args);
        if (request.error() != null) {
            turn.say(request.error());
            return;
        }
        begin(turn, request);
    }

    /** Free text while a mock runs: the answer to its current question. */
    @Override
    public void answer(Turn turn, String text) {
        if (later.holds(turn)) {
            return;
        }
        Mock mock = store.running(turn.user().userId()).orElseThrow();
        Optional<Question> question = currentQuestion(mock);
        if (question.isEmpty()) {
            advance(turn, mock.id(), turn.t("mock.withdrawn"));
            return;
        }
        if (text.isBlank()) {
            turn.say(turn.t("mock.answer.empty"));
            return;
        }
        if (text.length() > MAX_ANSWER) {
            turn.say(turn.t("answer.too.long", text.length(), MAX_ANSWER));
            return;
        }
        Item item = mock.current().orElseThrow();
        if (later.enabled()) {
            later.defer(turn, PendingGrading.mock(turn.user().userId(), turn.in().chatId(), question.get().id(), text,
                    mock.id(), item.position(), clock.instant()));
            return;
        }
        applyGrade(turn, mock, item, text, Marking.offline(PracticeFlow.graded(turn, question.get(), text)));
    }

    @Override
    public void graded(Turn turn, PendingGrading pending, Question question, Graded graded) {
        Optional<Mock> mock = awaiting(pending);
        if (mock.isEmpty()) {
            turn.say(turn.t("grading.gone", graded.grade().score()));
            return;
        }
        applyGrade(turn, mock.get(), mock.get().current().orElseThrow(), pending.answer(), Marking.of(turn, graded));
    }

    @Override
    public void withdrawn(Turn turn, PendingGrading pending) {
        awaiting(pending).ifPresentOrElse(mock -> {
            currentQuestion(mock);
            advance(turn, mock.id(), turn.t("mock.withdrawn"));
        }, () -> turn.say(turn.t("mock.withdrawn")));
    }

    /** The running mock whose current item the pending answer answers, if it still is. */
    private Optional<Mock> awaiting(PendingGrading pending) {
        return store.running(pending.userId()).filter(m -> m.id() == pending.mockId())
                .filter(m -> m.current().filter(i -> i.position() == pending.position()).isPresent());
    }

    /** Records the graded answer and moves on, with the line saying which grader scored it, if any. */
    private void applyGrade(Turn turn, Mock mock, Item item, String text, Marking marking) {
        record(turn, mock, item, marking.grade(), text);
        String recorded = turn.t("mock.recorded", mock.numberOf(item), mock.size());
        advance(turn, mock.id(), marking.graderLine().isEmpty() ? recorded : recorded + "\n" + marking.graderLine());
    }

    /** Records a graded answer in the practice history (with its answer day and review) and in the mock. */
    private void record(Turn turn, Mock mock, Item item, Grade verdict, String text) {
        long userId = turn.user().userId();
        Asked asked = practiceStore.recordAnswer(userId, item.questionId(), item.topic(), item.askedAt(), text,
                verdict.score(), clock.instant());
        practiceStore.addAnswerDay(userId, practice.today(turn.user()));
        practice.schedule(turn.user(), asked, Rating.fromScore(verdict.score()));
        store.answer(mock.id(), item.position(), asked.id(), verdict.score(),
                verdict.notMade().stream().map(Question.KeyPoint::point).toList());
    }

    /** /skip while a mock runs: the current question scores 0 and the next one comes. */
    void skip(Turn turn) {
        if (later.holds(turn)) {
            return;
        }
        Mock mock = store.running(turn.user().userId()).orElseThrow();
        if (currentQuestion(mock).isEmpty()) {
            advance(turn, mock.id(), turn.t("mock.withdrawn"));
            return;
        }
        Item item = mock.current().orElseThrow();
        Asked asked = practiceStore.recordSkip(turn.user().userId(), item.questionId(), item.topic(), item.askedAt(),
                clock.instant());
        practice.schedule(turn.user(), asked, Rating.DIDNT);
        store.skip(mock.id(), item.position(), asked.id());
        advance(turn, mock.id(), turn.t("mock.skipped"));
    }

    /** /question while a mock runs: its question again after {@code lead}. */
    private void busy(Turn turn, String lead) {
        remind(turn, store.running(turn.user().userId()).orElseThrow(), lead);
    }

    /** A press of the stop button: {@code data} is {@code stop:mockId}, honoured only for the running mock. */
    private void pressed(Turn turn, String data) {
        if (data.startsWith("a:")) {
            showReference(turn, data.substring(2));
            return;
        }
        Optional<Mock> running = store.running(turn.user().userId());
        if (running.isEmpty() || !data.equals("stop:" + running.get().id())) {
            turn.toast(turn.t("mock.stale"));
            return;
        }
        if (later.holds(turn)) {
            return;
        }
        turn.toast("");
        turn.markup(List.of());
        stop(turn, running.get());
    }

    /** A press of a report card's answer button: the question and its reference answer, for a question of a past mock. */
    private void showReference(Turn turn, String questionId) {
        Optional<Question> question = library.get().question(questionId);
        if (question.isEmpty() || !store.answeredInMock(turn.user().userId(), questionId)) {
            turn.toast(turn.t("mock.stale"));
            return;
        }
        turn.toast("");
        turn.say(practice.questionBody(turn, question.get()) + "\n\n" + practice.reference(turn, question.get()));
    }

    /** The topic is every word that is not the number, so a title with spaces works: {@code /mock message queues 3}. */
    private Request parse(Turn turn, String args) {
        String count = null;
        StringBuilder name = new StringBuilder();
        for (String word : args.isBlank() ? new String[0] : args.strip().split("\\s+")) {
            boolean number = NUMBER.matcher(word).matches();
            if (number && count == null) {
                count = word;
            } else if (number) {
                return Request.refused(turn.t("mock.usage", MAX_QUESTIONS, topicIds()));
            } else {
                name.append(name.isEmpty() ? "" : " ").append(word);
            }
        }
        String topic = null;
        if (!name.isEmpty()) {
            Optional<String> found = TopicNames.find(library.get(), name.toString());
            if (found.isEmpty()) {
                return Request.refused(turn.t("mock.topic.unknown", Html.escape(Texts.shorten(name.toString(), ARGUMENT)),
                        topicIds()));
            }
            topic = found.get();
        }
        int n = count == null ? DEFAULT_QUESTIONS : count.length() > 3 ? -1 : Integer.parseInt(count);
        if (n < 1 || n > MAX_QUESTIONS) {
            return Request.refused(turn.t("mock.count.bad", Html.escape(Texts.shorten(count, ARGUMENT)), MAX_QUESTIONS));
        }
        return new Request(topic, n, null);
    }

    private void begin(Turn turn, Request request) {
        long userId = turn.user().userId();
        Collection<String> topics = request.topic() == null ? users.subscriptions(userId) : Set.of(request.topic());
        List<Question> questions = picker.several(library.get(), userId, topics, request.questions());
        if (questions.isEmpty()) {
            turn.say(turn.t(topics.isEmpty() ? "topics.none" : "question.none.left"));
            return;
        }
        long mockId = store.start(userId, request.topic(), questions, clock.instant());
        StringBuilder intro = new StringBuilder(turn.t("mock.intro", questions.size()));
        if (questions.size() < request.questions()) {
            intro.append('\n').append(turn.t("mock.fewer", questions.size()));
        }
        if (practiceStore.open(userId).isPresent()) {
            intro.append('\n').append(turn.t("mock.open.kept"));
        }
        advance(turn, mockId, intro.toString());
    }

    /** Asks the next question still in the banks, or ends the mock with its report card; {@code lead} goes first. */
    private void advance(Turn turn, long mockId, String lead) {
        Mock mock = store.find(mockId).orElseThrow();
        for (Optional<Item> next = mock.nextPending(); next.isPresent(); next = mock.nextPending()) {
            if (library.get().question(next.get().questionId()).isPresent()) {
                store.open(mockId, next.get().position(), clock.instant());
                Mock asked = store.find(mockId).orElseThrow();
                turn.say(lead + "\n\n" + currentText(turn, asked), stopButton(turn, asked));
                return;
            }
            store.drop(mockId, next.get().position());
            mock = store.find(mockId).orElseThrow();
        }
        store.end(mockId, Mock.Status.FINISHED, clock.instant());
        turn.say(lead + "\n\n" + (mock.scored().isEmpty() ? turn.t("mock.finished.empty") : reportCard(turn, mock)),
                answerButtons(turn, mock));
    }

    private void stop(Turn turn, Mock mock) {
        mock.current().ifPresent(item -> store.drop(mock.id(), item.position()));
        store.end(mock.id(), Mock.Status.STOPPED, clock.instant());
        Mock stopped = store.find(mock.id()).orElseThrow();
        if (stopped.scored().isEmpty()) {
            turn.say(turn.t("mock.stopped.empty") + openQuestionNote(turn));
            return;
        }
        turn.say(turn.t("mock.stopped", stopped.scored().size(), mock.size()) + "\n\n" + reportCard(turn, stopped),
                answerButtons(turn, stopped));
    }

    /** Shows the current question again after {@code lead}, or moves on when it has left the banks. */
    private void remind(Turn turn, Mock mock, String lead) {
        if (currentQuestion(mock).isEmpty()) {
            advance(turn, mock.id(), lead + "\n\n" + turn.t("mock.withdrawn"));
            return;
        }
        turn.say(lead + "\n\n" + currentText(turn, mock), stopButton(turn, mock));
    }

    /** The question of the user's running mock being answered, if any and still in the banks. */
    Optional<Question> currentQuestion(long userId) {
        return store.running(userId).flatMap(Mock::current).flatMap(i -> library.get().question(i.questionId()));
    }

    /** The question being answered; one that has left the banks is dropped from the mock. */
    private Optional<Question> currentQuestion(Mock mock) {
        Optional<Item> current = mock.current();
        Optional<Question> question = current.flatMap(i -> library.get().question(i.questionId()));
        if (question.isEmpty()) {
            current.ifPresent(i -> store.drop(mock.id(), i.position()));
        }
        return question;
    }

    private String currentText(Turn turn, Mock mock) {
        Item item = mock.current().orElseThrow();
        Question q = library.get().question(item.questionId()).orElseThrow();
        return turn.t("mock.question", mock.numberOf(item), mock.size()) + "\n" + practice.questionBody(turn, q)
                + "\n\n" + turn.t("mock.prompt");
    }

    private String reportCard(Turn turn, Mock mock) {
        StringBuilder out = new StringBuilder(turn.t("mock.card.title", mock.scored().size(), mock.averageScore()));
        for (Item item : mock.scored()) {
            String score = turn.t(item.status() == Mock.ItemStatus.SKIPPED ? "mock.card.skipped" : "mock.card.score",
                    item.score());
            out.append('\n').append(turn.t("mock.card.line", mock.numberOf(item), shortText(item), score));
            store.missed(mock.id(), item.position())
                    .forEach(point -> out.append("\n    ✗ ").append(Html.escape(point)));
        }
        if (!mock.scored().isEmpty()) {
            out.append('\n').append(turn.t("mock.card.answers"));
        }
        appendMissed(turn, mock, out);
        appendReview(turn, mock, out);
        return out.append("\n\n").append(turn.t("mock.card.reviews")).append(openQuestionNote(turn)).toString();
    }

    private void appendMissed(Turn turn, Mock mock, StringBuilder out) {
        List<MissedPoint> missed = store.missedMost(mock.userId(), mock.id(), MISSED_SHOWN).stream()
                .filter(point -> point.times() > 1).toList();
        if (missed.isEmpty()) {
            return;
        }
        out.append("\n\n").append(turn.t("mock.card.missed"));
        for (MissedPoint point : missed) {
            out.append("\n• ").append(Html.escape(point.point()));
            if (point.times() > 1) {
                out.append(' ').append(turn.t("mock.card.missed.times", point.times()));
            }
        }
    }

    private void appendReview(Turn turn, Mock mock, StringBuilder out) {
        List<Item> weakest = mock.weakest(WEAKEST_SHOWN);
        out.append("\n\n").append(turn.t("mock.card.review"));
        if (weakest.isEmpty()) {
            out.append('\n').append(turn.t("mock.card.review.none", Mock.WEAK));
        }
        for (Item item : weakest) {
            out.append("\n• ").append(turn.t("mock.card.review.item",
                    Html.escape(library.get().title(item.topic(), turn.language())), shortText(item), item.score()));
        }
        mock.weakestTopic().ifPresent(t -> out.append('\n').append(turn.t("mock.card.review.topic",
                Html.escape(library.get().title(t.topic(), turn.language())), t.average())));
    }

    private String openQuestionNote(Turn turn) {
        boolean open = practiceStore.open(turn.user().userId())
                .flatMap(a -> library.get().question(a.questionId())).isPresent();
        return open ? "\n\n" + turn.t("mock.open.waiting") : "";
    }

    private String shortText(Item item) {
        String text = library.get().question(item.questionId()).map(Question::question).orElse(item.questionId());
        return Html.escape(text.codePointCount(0, text.length()) <= SHORT_TEXT ? text
                : text.substring(0, text.offsetByCodePoints(0, SHORT_TEXT)) + "…");
    }

    /** One button per question of the card, {@value #PER_ROW} to a row, each opening that question's reference answer. */
    private List<List<Button>> answerButtons(Turn turn, Mock mock) {
        List<List<Button>> rows = new java.util.ArrayList<>();
        for (Item item : mock.scored()) {
            if (rows.isEmpty() || rows.get(rows.size() - 1).size() == PER_ROW) {
                rows.add(new java.util.ArrayList<>());
            }
            rows.get(rows.size() - 1).add(new Button(turn.t("button.mock.answer", mock.numberOf(item)),
                    "m:a:" + item.questionId()));
        }
        return rows;
    }

    private List<List<Button>> stopButton(Turn turn, Mock mock) {
        return List.of(List.of(turn.button("button.mock.stop", "m:stop:" + mock.id())));
    }

    private String topicIds() {
        return String.join(", ", library.get().topics());
    }
}
