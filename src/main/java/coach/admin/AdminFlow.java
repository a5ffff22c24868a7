package coach.admin;

import coach.admin.UsageStore.TopicCount;
import coach.bank.BankLoader;
import coach.bank.Library;
import coach.bank.Problem;
import coach.chat.Command;
import coach.chat.Flow;
import coach.chat.Html;
import coach.chat.Texts;
import coach.chat.Turn;
import coach.practice.PracticeStore;
import coach.report.ReportStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /admin stats, reload, reports and close N, for the user ids in the config's {@code admins} in a private chat.
 * Anyone else is answered as for an unknown command, by the engine.
 */
public final class AdminFlow implements Flow {

    private static final Logger log = LoggerFactory.getLogger(AdminFlow.class);
    static final int TOP_TOPICS = 5;
    static final int TOP_TOPIC_DAYS = 7;
    static final int REPORTS_SHOWN = 10;
    static final int PROBLEMS_SHOWN = 20;
    private static final int REPORT_TEXT = 300;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final List<Long> admins;
    private final AtomicReference<Library> library;
    private final Supplier<BankLoader.Result> loadBanks;
    private final UsageStore usage;
    private final ReportStore reports;
    private final PracticeStore practice;
    private final Clock clock;

    /** {@code loadBanks} reads and checks the configured bank folder; a clean result replaces {@code library}. */
    public AdminFlow(List<Long> admins, AtomicReference<Library> library, Supplier<BankLoader.Result> loadBanks,
                     UsageStore usage, ReportStore reports, PracticeStore practice, Clock clock) {
        this.admins = List.copyOf(admins);
        this.library = library;
        this.loadBanks = loadBanks;
        this.usage = usage;
        this.reports = reports;
        this.practice = practice;
        this.clock = clock;
    }

    @Override
    public List<String> commands() {
        return List.of("admin");
    }

    /** Not in the menu: only the admins may use it. */
    @Override
    public List<String> menu() {
        return List.of();
    }

    /** /admin for admins; anyone else gets exactly the unknown-command reply. */
    @Override
    public void command(Turn turn, Command command) {
        if (!handle(turn, command.args())) {
            turn.unknownCommand(command.name());
        }
    }

    @Override
    public void prepare(Turn turn, Command command) {
        readAhead(turn, command.args());
    }

    /** The banks as read from disk before the transaction, for /admin reload. */
    record BanksRead(BankLoader.Result result) {
    }

    /** Reads the bank folder outside the transaction when the command is an admin's /admin reload. */
    void readAhead(Turn turn, String args) {
        if (turn.in().isPrivate() && admins.contains(turn.in().userId()) && words(args)[0].equals("reload")) {
            turn.prework().put(new BanksRead(loadBanks.get()));
        }
    }

    private boolean allowed(Turn turn) {
        return turn.in().isPrivate() && turn.user() != null && admins.contains(turn.user().userId());
    }

    private static String[] words(String args) {
        String[] words = args.strip().split("\\s+", 2);
        words[0] = words[0].toLowerCase(Locale.ROOT);
        return words;
    }

    /** Runs an admin command; false, with nothing said, when the sender may not use admin commands here. */
    boolean handle(Turn turn, String args) {
        if (!allowed(turn)) {
            return false;
        }
        String[] words = words(args);
        String rest = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "stats" -> stats(turn);
            case "reload" -> reload(turn);
            case "reports" -> reports(turn);
            case "close" -> close(turn, rest);
            default -> turn.say(turn.t("admin.help"));
        }
        return true;
    }

    private void stats(Turn turn) {
        ZoneId zone = turn.user().zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
        UsageStore.Usage day = usage.usage(today.atStartOfDay(zone).toInstant(), end);
        StringBuilder out = new StringBuilder(turn.t("admin.stats", today, Html.escape(zone.getId()), day.users(),
                day.reachable(), day.activeInDay(), day.answersInDay()));
        Instant weekStart = today.minusDays(TOP_TOPIC_DAYS - 1).atStartOfDay(zone).toInstant();
        List<TopicCount> top = usage.topTopics(weekStart, end, TOP_TOPICS);
        out.append("\n\n").append(turn.t(top.isEmpty() ? "admin.stats.top.none" : "admin.stats.top", TOP_TOPIC_DAYS));
        for (int i = 0; i < top.size(); i++) {
            String title = library.get().title(top.get(i).topic(), turn.language());
            out.append('\n').append(turn.t("admin.stats.topic", i + 1, Html.escape(title), top.get(i).answers()));
        }
        turn.say(out.toString());
    }

    private void reload(Turn turn) {
        BankLoader.Result result = turn.prework().require(BanksRead.class, read -> true).result();
        Library old = library.get();
        if (!result.ok()) {
            log.warn("Admin {} reloaded the banks; rejected with {} problems", turn.user().userId(),
                    result.problems().size());
            turn.say(turn.t("admin.reload.rejected", old.size(), old.topics().size()) + "\n" + problems(result));
            return;
        }
        Library fresh = result.library();
        library.set(fresh);
        log.info("Admin {} reloaded the banks: {} questions in {} topics", turn.user().userId(), fresh.size(),
                fresh.topics().size());
        StringBuilder out = new StringBuilder(turn.t("admin.reload.done", fresh.size(), fresh.topics().size(),
                old.size(), old.topics().size(), countNotIn(fresh, old), countNotIn(old, fresh)));
        int orphans = practice.openQuestionCounts().entrySet().stream()
                .filter(e -> fresh.question(e.getKey()).isEmpty())
                .mapToInt(e -> e.getValue()).sum();
        if (orphans > 0) {
            out.append('\n').append(turn.t("admin.reload.orphans", orphans));
        }
        turn.say(out.toString());
    }

    private static String problems(BankLoader.Result result) {
        List<Problem> problems = result.problems();
        StringBuilder out = new StringBuilder("<pre>");
        problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> out.append(Html.escape(p.toString())).append('\n'));
        if (problems.size() > PROBLEMS_SHOWN) {
            out.append("… +").append(problems.size() - PROBLEMS_SHOWN).append('\n');
        }
        return out.toString().stripTrailing() + "</pre>";
    }

    /** How many question ids of {@code from} are not in {@code other}. */
    private static int countNotIn(Library from, Library other) {
        Set<String> ids = new HashSet<>(from.questionIds());
        ids.removeAll(other.questionIds());
        return ids.size();
    }

    private void reports(Turn turn) {
        List<ReportStore.Report> newest = reports.newestOpen(REPORTS_SHOWN);
        if (newest.isEmpty()) {
            turn.say(turn.t("admin.reports.none"));
            return;
        }
        int total = reports.countOpen();
        StringBuilder out = new StringBuilder(turn.t("admin.reports.title", total));
        for (ReportStore.Report report : newest) {
            out.append("\n\n").append(turn.t("admin.reports.item", report.id(),
                    WHEN.format(report.createdAt().atZone(turn.user().zone())), report.userId(),
                    report.questionId() == null ? "—" : Html.escape(report.questionId()),
                    Html.escape(Texts.shorten(report.text(), REPORT_TEXT))));
        }
        if (total > newest.size()) {
            out.append("\n\n").append(turn.t("admin.reports.more", total - newest.size()));
        }
        turn.say(out.append("\n\n").append(turn.t("admin.reports.close")).toString());
    }

    private void close(Turn turn, String args) {
        String id = args.startsWith("#") ? args.substring(1) : args;
        if (!id.matches("\\d{1,18}")) {
            turn.say(turn.t("admin.close.usage"));
            return;
        }
        boolean closed = reports.close(Long.parseLong(id));
        turn.say(turn.t(closed ? "admin.close.done" : "admin.close.none", id));
    }

}
