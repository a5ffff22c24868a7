package coach.practice;

import coach.bank.Library;
import coach.bank.Question;
import coach.chat.Command;
import coach.chat.Engine;
import coach.chat.Flow;
import coach.chat.Html;
import coach.chat.Prework;
import coach.chat.Turn;
import coach.grading.Grade.PointGrade;
import coach.grading.Grade.Verdict;
import coach.grading.Grade;
import coach.grading.Grader;
import coach.grading.llm.Graded;
import coach.pending.GradedLater;
import coach.pending.PendingGrading;
import coach.pending.PendingStore;
import coach.user.User;
import coach.user.UserStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Asking a question, grading the answer, revealing the reference answer, and rating it for repetition. With a model
 * configured the answer waits in the {@link PendingStore} and its grade is applied when it comes back.
 */
public final class PracticeFlow implements Flow, GradedLater {

    /** The data of the button that asks the next question. */
    public static final String NEXT = "q";

    private final Supplier<Library> library;
    private final UserStore users;
    private final PracticeStore store;
    private final QuestionPicker picker;
    private final Grader grader;
    private final PendingStore later;
    private final Clock clock;

    public PracticeFlow(Supplier<Library> library, UserStore users, PracticeStore store, QuestionPicker picker,
                        Grader grader, PendingStore later, Clock clock) {
        this.library = library;
        this.users = users;
        this.store = store;
        this.picker = picker;
        this.grader = grader;
        this.later = later;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "practice";
    }

    @Override
    public List<String> commands() {
        return List.of("question", "skip");
    }

    /** The next-question button, and the ratings of an answer. */
    @Override
    public List<String> buttons() {
        return List.of(NEXT, "r:");
    }

    @Override
    public void command(Turn turn, Command command) {
        if (command.name().equals("skip")) {
            skip(turn);
        } else {
            ask(turn);
        }
    }

    @Override
    public void press(Turn turn, String data) {
        if (data.equals(NEXT)) {
            turn.toast("");
            ask(turn);
        } else {
            rate(turn, data.substring(2));
        }
    }

    @Override
    public void prepareAnswer(Turn turn, String text) {
        openQuestion(turn.user().userId()).ifPresent(question -> gradeAhead(question, text, turn.prework()));
    }

    void ask(Turn turn) {
        if (later.holds(turn)) {
            return;
        }
        Optional<Asked> open = store.open(turn.user().userId());
        Optional<Question> openQuestion = open.flatMap(a -> library.get().question(a.questionId()));
        if (openQuestion.isPresent()) {
            turn.say(turn.t("question.still.open") + "\n\n" + questionText(turn, openQuestion.get()));
            return;
        }
        Optional<Question> next = nextQuestion(turn.user());
        if (next.isEmpty()) {
            Set<String> topics = users.subscriptions(turn.user().userId());
            turn.say(turn.t(topics.isEmpty() ? "topics.none" : "question.none.left"));
            return;
        }
        store.ask(turn.user().userId(), next.get().id(), next.get().topic(), clock.instant());
        turn.say(questionText(turn, next.get()));
    }

    /**
     * Asks the day's question: the same choice as /question, replacing any question left open, after the weekly
     * summary when there is one. With no question left, the summary goes alone.
     */
    public Optional<Engine.DailyQuestion> daily(Turn turn, String summary) {
        Optional<Question> next = nextQuestion(turn.user());
        if (next.isEmpty()) {
            if (summary.isEmpty()) {
                return Optional.empty();
            }
            turn.say(summary);
            return Optional.of(new Engine.DailyQuestion(null, turn.replies()));
        }
        store.ask(turn.user().userId(), next.get().id(), next.get().topic(), clock.instant());
        String lead = summary.isEmpty() ? "" : summary + "\n\n";
        turn.say(lead + streakNews(turn) + turn.t("daily.header") + "\n\n" + questionText(turn, next.get()));
        return Optional.of(new Engine.DailyQuestion(next.get().id(), turn.replies()));
    }

    /**
     * A line on what yesterday's missing answer did: a freeze was spent and the streak lives on, or the streak ended.
     * Empty when the user answered yesterday or today, or had no streak to lose.
     */
    private String streakNews(Turn turn) {
        List<LocalDate> days = store.answerDays(turn.user().userId());
        LocalDate today = today(turn.user());
        Streaks.Streak now = Streaks.of(days, today);
        if (now.frozen().contains(today.minusDays(1))) {
            return turn.t("daily.freeze.used", now.current(), now.freezes()) + "\n\n";
        }
        Streaks.Streak yesterday = Streaks.of(days, today.minusDays(1));
        if (now.current() == 0 && yesterday.current() > 0) {
            return turn.t("daily.streak.ended", yesterday.current()) + "\n\n";
        }
        return "";
    }

    /** The question the user should get next, by the same rule as /question. */
    public Optional<Question> nextQuestion(User user) {
        Set<String> topics = users.subscriptions(user.userId());
        return picker.next(library.get(), user.userId(), topics, today(user));
    }

    String questionText(Turn turn, Question q) {
        return questionBody(turn, q) + "\n\n" + turn.t("question.prompt");
    }

    /** The topic, difficulty and question, without the prompt that says how to answer. */
    public String questionBody(Turn turn, Question q) {
        return turn.t("question.header", Html.escape(library.get().title(q.topic(), turn.language())),
                "★".repeat(q.difficulty()) + "☆".repeat(3 - q.difficulty())) + "\n\n" + Html.bold(q.question());
    }

    @Override
    public void answer(Turn turn, String text) {
        if (later.holds(turn)) {
            return;
        }
        Optional<Asked> open = store.open(turn.user().userId());
        Optional<Question> question = open.flatMap(a -> library.get().question(a.questionId()));
        if (question.isEmpty()) {
            turn.say(turn.t(closeIfWithdrawn(open) ? "question.withdrawn" : "no.question"),
                    List.of(List.of(turn.button("button.next", "q"))));
            return;
        }
        if (text.isBlank()) {
            turn.say(turn.t("answer.empty"));
            return;
        }
        if (text.length() > MAX_ANSWER) {
            turn.say(turn.t("answer.too.long", text.length(), MAX_ANSWER));
            return;
        }
        if (later.enabled()) {
            later.defer(turn, PendingGrading.practice(turn.user().userId(), turn.in().chatId(), question.get().id(),
                    text, open.get().id(), clock.instant()));
            return;
        }
        applyGrade(turn, open.get().id(), question.get(), text, Marking.offline(graded(turn, question.get(), text)));
    }

    @Override
    public void graded(Turn turn, PendingGrading pending, Question question, Graded graded) {
        applyGrade(turn, pending.askedId(), question, pending.answer(), Marking.of(turn, graded));
    }

    @Override
    public void withdrawn(Turn turn, PendingGrading pending) {
        store.close(pending.askedId());
        turn.say(turn.t("question.withdrawn"), List.of(List.of(turn.button("button.next", "q"))));
    }

    /** Stores the graded answer, schedules its review from the score, and replies with the feedback. */
    private void applyGrade(Turn turn, long askedId, Question question, String text, Marking marking) {
        int score = marking.grade().score();
        store.answer(askedId, text, score, clock.instant());
        store.addAnswerDay(turn.user().userId(), today(turn.user()));
        Review byScore = scheduleFromScore(turn.user(), question.id(), score);
        turn.say(feedback(turn, question, marking) + "\n" + turn.t("answer.comes.back", comesBack(turn, byScore)),
                List.of(List.of(
                turn.button("button.knew", "r:" + askedId + ":" + Rating.KNEW.code()),
                turn.button("button.partly", "r:" + askedId + ":" + Rating.PARTLY.code()),
                turn.button("button.didnt", "r:" + askedId + ":" + Rating.DIDNT.code()))));
    }

    /** The question the user has open, if it is still in the banks. */
    Optional<Question> openQuestion(long userId) {
        return store.open(userId).flatMap(a -> library.get().question(a.questionId()));
    }

    /** An answer graded before its transaction: the question it answers, its text and its grade. */
    record GradedAhead(String questionId, String text, Grade grade) {
    }

    /** Grades an answer that will be accepted against {@code question}, for the transaction to take. */
    public void gradeAhead(Question question, String text, Prework work) {
        if (!later.enabled() && !text.isBlank() && text.length() <= MAX_ANSWER) {
            work.put(new GradedAhead(question.id(), text, grader.grade(question, text)));
        }
    }

    /** The grade the pre-step gave {@code text} as an answer to {@code question}. */
    public static Grade graded(Turn turn, Question question, String text) {
        return turn.prework().require(GradedAhead.class,
                g -> g.questionId().equals(question.id()) && g.text().equals(text)).grade();
    }

    void skip(Turn turn) {
        if (later.holds(turn)) {
            return;
        }
        Optional<Asked> open = store.open(turn.user().userId());
        Optional<Question> question = open.flatMap(a -> library.get().question(a.questionId()));
        if (question.isEmpty()) {
            turn.say(turn.t(closeIfWithdrawn(open) ? "question.withdrawn" : "skip.nothing"));
            return;
        }
        store.skip(open.get().id(), clock.instant());
        Review review = schedule(turn.user(), open.get(), Rating.DIDNT);
        turn.say(turn.t("skip.revealed", comesBack(turn, review)) + "\n\n" + reference(turn, question.get()),
                List.of(List.of(turn.button("button.next", "q"))));
    }

    /** A press of knew it / partly / didn't: {@code data} is {@code askedId:ratingCode}, checked against the store. */
    void rate(Turn turn, String data) {
        String[] parts = data.split(":", -1);
        Optional<Asked> asked = parts.length == 2 ? parseId(parts[0]).flatMap(store::find) : Optional.empty();
        Optional<Rating> rating = parts.length == 2 ? Rating.of(parts[1]) : Optional.empty();
        if (asked.isEmpty() || rating.isEmpty() || asked.get().userId() != turn.user().userId()) {
            turn.toast(turn.t("rate.stale"));
            return;
        }
        if (!asked.get().awaitsRating()) {
            turn.toast(turn.t("rate.already"));
            return;
        }
        if (!store.latestOfItsQuestion(asked.get())) {
            turn.toast(turn.t("rate.stale"));
            return;
        }
        Review review = reschedule(turn.user(), asked.get(), rating.get());
        String label = turn.t(switch (rating.get()) {
            case KNEW -> "button.knew";
            case PARTLY -> "button.partly";
            case DIDNT -> "button.didnt";
        });
        turn.toast(turn.t("rate.saved", label, comesBack(turn, review), review.due()));
        turn.markup(List.of(List.of(turn.button("button.next", "q"))));
    }

    /** Closes an open question whose question left the banks in a reload; true when there was one. */
    private boolean closeIfWithdrawn(Optional<Asked> open) {
        open.ifPresent(asked -> store.close(asked.id()));
        return open.isPresent();
    }

    /** Schedules the asked question's next review from a rating, and records the rating on it. */
    public Review schedule(User user, Asked asked, Rating rating) {
        Review previous = store.review(user.userId(), asked.questionId()).orElse(null);
        Review next = Fsrs.next(previous, rating, today(user));
        store.saveReview(user.userId(), asked.questionId(), next, previous);
        store.rate(asked.id(), rating);
        return next;
    }

    /** Schedules a just-answered question from its score, leaving the rating buttons free to replace it. */
    private Review scheduleFromScore(User user, String questionId, int score) {
        Review previous = store.review(user.userId(), questionId).orElse(null);
        Review next = Fsrs.next(previous, Rating.fromScore(score), today(user));
        store.saveReview(user.userId(), questionId, next, previous);
        return next;
    }

    /** A pressed rating replaces the one the score gave: it starts from the review as it stood before the answer. */
    private Review reschedule(User user, Asked asked, Rating rating) {
        Review before = store.reviewBefore(user.userId(), asked.questionId()).orElse(null);
        Review next = Fsrs.next(before, rating, today(user));
        store.saveReview(user.userId(), asked.questionId(), next, before);
        store.rate(asked.id(), rating);
        return next;
    }

    /** When a review brings the question back, in the user's words: "tomorrow", "in 4 days". */
    String comesBack(Turn turn, Review review) {
        return turn.t("review.in", Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(today(turn.user()), review.due())));
    }

    private String feedback(Turn turn, Question q, Marking marking) {
        Grade grade = marking.grade();
        StringBuilder out = new StringBuilder(turn.t("answer.score", grade.score(), grade.with(Verdict.MADE).size(),
                grade.points().size()));
        if (!marking.graderLine().isEmpty()) {
            out.append('\n').append(marking.graderLine());
        }
        if (grade.bareTerms()) {
            out.append('\n').append(turn.t("answer.bare"));
        }
        section(out, turn.t("answer.covered"), marking, Verdict.MADE,
                p -> Html.escape(p.point().point()) + " — <i>“" + Html.escape(p.evidence()) + "”</i>");
        section(out, turn.t("answer.contradicted"), marking, Verdict.CONTRADICTED,
                p -> turn.t("answer.contradicted.item", Html.escape(p.evidence()), Html.escape(p.correct())));
        section(out, turn.t("answer.missed"), marking, Verdict.MISSED, p -> Html.escape(p.point().point()));
        return out.append("\n\n").append(reference(turn, q)).append("\n\n").append(turn.t("answer.rate")).toString();
    }

    /** The points with {@code verdict} under {@code title}, each followed by the model's sentence on it, if any. */
    private static void section(StringBuilder out, String title, Marking marking, Verdict verdict,
                                java.util.function.Function<PointGrade, String> line) {
        List<PointGrade> points = marking.grade().points();
        String lead = "\n\n" + title;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).verdict() == verdict) {
                String note = marking.notes().get(i);
                out.append(lead).append("\n• ").append(line.apply(points.get(i)))
                        .append(note.isBlank() ? "" : "\n   💬 " + Html.escape(note));
                lead = "";
            }
        }
    }

    /** The reference answer and its links. */
    public String reference(Turn turn, Question q) {
        StringBuilder out = new StringBuilder(turn.t("answer.reference")).append('\n').append(Html.withCode(q.answer()));
        if (!q.links().isEmpty()) {
            out.append("\n\n").append(turn.t("answer.links"));
            q.links().forEach(link -> out.append("\n• ").append(Html.link(link.title(), link.url())));
        }
        return out.toString();
    }

    public LocalDate today(User user) {
        return LocalDate.now(clock.withZone(user.zone()));
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
