package coach.cli;

import coach.bank.Bank;
import coach.bank.BankLoader;
import coach.bank.LinkChecker;
import coach.bank.MarkdownImporter;
import coach.bank.Problem;
import coach.grading.Grader;
import coach.grading.RubricAudit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coach banks}: check the bank files, or import a Markdown question list as a draft bank. */
@Command(name = "banks", mixinStandardHelpOptions = true, description = "Check or import question banks.",
        subcommands = {BanksCommand.Check.class, BanksCommand.Import.class, BanksCommand.Links.class})
public final class BanksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Validates every bank and prints the counts per topic. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate every bank; print per-topic counts, or each problem as 'file: question id: problem'.")
    public static final class Check implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "bank folder (default: banks.dir from the config)")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path folder = dir != null ? dir : config.load().banksDir();
            BankLoader.Result result = new BankLoader().load(folder);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int total = 0;
            for (Bank bank : result.library().banks()) {
                long quizzes = bank.questions().stream().filter(q -> q.quiz() != null).count();
                out.printf("%-12s %4d questions, %4d quizzes%n", bank.topic(), bank.questions().size(), quizzes);
                total += bank.questions().size();
            }
            out.printf("%-12s %4d questions in %d topics%n", "total", total, result.library().banks().size());
            List<Problem> problems = new java.util.ArrayList<>(result.problems());
            if (result.ok()) {
                RubricAudit.Report audit = new RubricAudit(new Grader()).audit(result.library());
                printFigures(out, audit.figures());
                problems.addAll(audit.problems());
            }
            for (Problem problem : problems) {
                err.println(problem);
            }
            if (!problems.isEmpty()) {
                err.println(problems.size() + " problem(s) found.");
                return 1;
            }
            out.println("All banks are valid.");
            return 0;
        }

        private static void printFigures(PrintWriter out, RubricAudit.Figures f) {
            out.printf("key points made by their question's own text: %d of %d%n", f.pointsMadeByQuestion(),
                    f.keyPoints());
            out.printf("quizzes whose right option is the longest: %d of %d (%.1f%%)%n", f.quizzesLongestRight(),
                    f.quizzes(), f.quizzes() == 0 ? 0.0 : 100.0 * f.quizzesLongestRight() / f.quizzes());
            out.printf("question pairs where one's reference answer scores %d+ on the other: %d%n",
                    RubricAudit.MAX_OTHER, f.pairsAtLeastOther());
        }
    }

    /** Turns a Markdown list into a draft bank for an author to complete. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Turn a Markdown question list into a draft bank file for an author to complete.")
    public static final class Import implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "FILE.md", description = "the Markdown list")
        Path markdown;

        @Option(names = "--topic", required = true, paramLabel = "ID", description = "topic id, e.g. redis")
        String topic;

        @Option(names = "--out", paramLabel = "FILE", description = "where to write the draft (default: ID.draft.json)")
        Path out;

        @Spec
        CommandSpec spec;

        @Option(names = "--force", description = "overwrite the draft file if it exists")
        boolean force;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!topic.matches("[a-z0-9-]+")) {
                err.println("coach: --topic may use only a-z, 0-9 and '-', got '" + topic + "'");
                return 2;
            }
            Path target = out != null ? out : UserPaths.resolve(topic + ".draft.json");
            try {
                return write(target, read());
            } catch (ImportException e) {
                err.println("coach: " + e.getMessage());
                return 1;
            }
        }

        private String read() {
            try {
                return Files.readString(markdown);
            } catch (NoSuchFileException e) {
                throw new ImportException(markdown + ": no such file");
            } catch (MalformedInputException e) {
                throw new ImportException(markdown + ": is not UTF-8 text; save it as UTF-8 and import it again");
            } catch (IOException e) {
                throw new ImportException(markdown + ": cannot be read (" + e.getMessage() + ")");
            }
        }

        private int write(Path target, String text) {
            MarkdownImporter importer = new MarkdownImporter();
            List<MarkdownImporter.Draft> drafts = importer.parse(text);
            if (drafts.isEmpty()) {
                throw new ImportException(markdown + ": no questions found (numbered or bulleted items, or "
                        + "paragraphs at the margin); nothing was written");
            }
            if (Files.exists(target) && !force) {
                throw new ImportException(target + ": already exists; move it away or add --force to overwrite it");
            }
            try {
                Files.writeString(target, importer.toBankJson(topic, drafts));
            } catch (IOException e) {
                throw new ImportException(target + ": cannot be written (" + e.getMessage() + ")");
            }
            long links = drafts.stream().mapToLong(d -> d.links().size()).sum();
            spec.commandLine().getOut().printf("Wrote %d draft questions (%d links) to %s. Complete each answer, "
                    + "key points and links, move it into banks/%s.json, then run ./coach banks check.%n",
                    drafts.size(), links, target, topic);
            return 0;
        }
    }

    /** Lists every link of the banks, and with {@code --check} fetches each one politely. */
    @Command(name = "links", mixinStandardHelpOptions = true,
            description = "List every link of the banks; with --check, fetch each and report dead, redirected and moved ones.")
    public static final class Links implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "bank folder (default: banks.dir from the config)")
        Path dir;

        @Option(names = "--check", description = "fetch every link (one at a time, with a pause between requests)")
        boolean check;

        @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
                description = "give up on a link after this long (default: ${DEFAULT-VALUE})")
        int timeoutSeconds;

        @Option(names = "--pause", defaultValue = "500", paramLabel = "MS",
                description = "pause between two requests (default: ${DEFAULT-VALUE})")
        int pauseMillis;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path folder = dir != null ? dir : config.load().banksDir();
            List<LinkChecker.Place> places = LinkChecker.places(new BankLoader().load(folder).library());
            if (!check) {
                places.forEach(p -> out.println(p.questionId() + "\t" + p.link().url() + "\t" + p.link().title()));
                out.printf("%d links%n", places.size());
                return 0;
            }
            LinkChecker checker = new LinkChecker(Duration.ofSeconds(timeoutSeconds), Duration.ofMillis(pauseMillis));
            List<LinkChecker.Result> results = checker.check(places, r -> {
                if (r.status() != LinkChecker.Status.OK) {
                    out.println(r.status().name().toLowerCase(java.util.Locale.ROOT) + "\t" + r.questionId() + "\t"
                            + r.link().url() + (r.code() > 0 ? "\t" + r.code() : "")
                            + (r.detail().isEmpty() ? "" : "\t" + r.detail()));
                    out.flush();
                }
            });
            if (LinkChecker.offline(results)) {
                out.println("Could not reach the network: no link answered, so none is reported dead.");
                return 0;
            }
            java.util.Map<LinkChecker.Status, Long> counts = new java.util.EnumMap<>(LinkChecker.Status.class);
            results.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
            out.printf("%d links: %d ok, %d redirected, %d moved, %d dead, %d unreachable%n", results.size(),
                    counts.getOrDefault(LinkChecker.Status.OK, 0L), counts.getOrDefault(LinkChecker.Status.REDIRECTED, 0L),
                    counts.getOrDefault(LinkChecker.Status.MOVED, 0L), counts.getOrDefault(LinkChecker.Status.DEAD, 0L),
                    counts.getOrDefault(LinkChecker.Status.UNREACHABLE, 0L));
            return counts.getOrDefault(LinkChecker.Status.DEAD, 0L) > 0 ? 1 : 0;
        }
    }

    /** An import that cannot go ahead, said in one line. */
    private static final class ImportException extends RuntimeException {
        ImportException(String message) {
            super(message);
        }
    }
}
