package coach.report;

import coach.chat.Command;
import coach.chat.Flow;
import coach.chat.Html;
import coach.chat.Texts;
import coach.chat.Turn;
import coach.mock.Mock;
import coach.mock.MockStore;
import coach.practice.Asked;
import coach.practice.PracticeStore;
import coach.user.User;
import coach.user.UserStore;
import java.time.Clock;
import java.util.List;

/**
 * /report: the user's next message (or the command's own text) goes to the admins with the question id: the
 * current mock question during a mock, else the last question asked.
 */
public final class ReportFlow implements Flow {

    static final int MAX_REPORT = 2000;

    private final UserStore users;
    private final PracticeStore practice;
    private final MockStore mocks;
    private final ReportStore reports;
    private final List<Long> admins;
    private final Clock clock;

    public ReportFlow(UserStore users, PracticeStore practice, MockStore mocks, ReportStore reports, List<Long> admins,
                      Clock clock) {
        this.users = users;
        this.practice = practice;
        this.mocks = mocks;
        this.reports = reports;
        this.admins = List.copyOf(admins);
        this.clock = clock;
    }

    @Override
    public List<String> commands() {
        return List.of("report");
    }

    /** While a report is awaited, the next free text is the report. */
    @Override
    public boolean busy(Turn turn) {
        return turn.user().awaitingReport();
    }

    @Override
    public List<String> whileBusy() {
        return commands();
    }

    @Override
    public void command(Turn turn, Command command) {
        start(turn, command.args());
    }

    @Override
    public void answer(Turn turn, String text) {
        receive(turn, text);
    }

    void start(Turn turn, String args) {
        if (!args.isBlank()) {
            submit(turn, args);
            return;
        }
        users.setAwaiting(turn.user().userId(), User.AWAITING_REPORT);
        String questionId = lastQuestionId(turn);
        turn.say(questionId == null ? turn.t("report.prompt.none") : turn.t("report.prompt", questionId));
    }

    void receive(Turn turn, String text) {
        users.setAwaiting(turn.user().userId(), null);
        submit(turn, text);
    }

    private void submit(Turn turn, String text) {
        String body = Texts.shorten(text, MAX_REPORT);
        String questionId = lastQuestionId(turn);
        reports.add(turn.user().userId(), questionId, body, clock.instant());
        for (long admin : admins) {
            turn.sayTo(admin, turn.textIn(Texts.ZH, "report.admin", Html.escape(turn.user().firstName()),
                    turn.user().userId(), questionId == null ? "—" : questionId, Html.escape(body)));
        }
        turn.say(turn.t(admins.isEmpty() ? "report.stored" : "report.sent"));
    }

    private String lastQuestionId(Turn turn) {
        long userId = turn.user().userId();
        return mocks.running(userId).flatMap(Mock::current).map(Mock.Item::questionId)
                .or(() -> practice.latest(userId).map(Asked::questionId))
                .orElse(null);
    }
}
