package coach.cli;

import coach.Coach;
import coach.Config;
import coach.store.StoreException;
import coach.telegram.TelegramBot;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coach} command line: run the bot, chat in the terminal, grade answers, or work on the banks. */
@Command(name = "coach", mixinStandardHelpOptions = true, version = "Interview Coach 1.0",
        description = "Interview Coach: a Telegram bot that coaches backend-developer job interviews.",
        subcommands = {RunCommand.class, ChatCommand.class, GradeCommand.class, BanksCommand.class})
public final class Main implements Runnable {

    /** The benchmarks live beside the tests, not in the bot's jar; the launcher puts them on the class path. */
    static final String BENCH_COMMAND = "coach.bench.BenchCommand";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: a known failure prints one sentence, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main())
                .registerConverter(java.nio.file.Path.class, UserPaths::resolve)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof Config.ConfigException || e instanceof Coach.BanksInvalidException
                            || e instanceof TelegramBot.BotStartException || e instanceof StoreException) {
                        cmd.getErr().println("coach: " + Redaction.apply(e.getMessage()));
                        return 2;
                    }
                    throw e;
                });
        cli.addSubcommand("bench", benchCommand());
        return cli;
    }

    private static Object benchCommand() {
        try {
            return Class.forName(BENCH_COMMAND).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new NoBench();
        }
    }

    /** What {@code bench} says when the benchmarks are not on the class path (plain {@code java -jar}). */
    @Command(name = "bench", description = "Benchmarks (run ./coach bench from a checkout).")
    static final class NoBench implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getErr().println("coach: the benchmarks are not in this jar; run ./coach bench from "
                    + "a checkout, which builds them beside the tests");
            return 2;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
