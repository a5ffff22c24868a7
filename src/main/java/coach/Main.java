package coach;

import coach.cli.BanksCommand;
import coach.cli.BenchCommand;
import coach.cli.ChatCommand;
import coach.cli.GradeCommand;
import coach.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coach} command line: run the bot, chat in the terminal, or work on the banks. */
@Command(name = "coach", mixinStandardHelpOptions = true, version = "Interview Coach 1.0",
        description = "Interview Coach: a Telegram bot that coaches backend-developer job interviews.",
        subcommands = {RunCommand.class, ChatCommand.class, GradeCommand.class, BanksCommand.class,
                BenchCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: a known failure prints one sentence, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .registerConverter(java.nio.file.Path.class, coach.cli.UserPaths::resolve)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof Config.ConfigException || e instanceof Coach.BanksInvalidException
                            || e instanceof coach.telegram.TelegramBot.BotStartException
                            || e instanceof coach.store.StoreException) {
                        cmd.getErr().println("coach: " + coach.cli.Redaction.apply(e.getMessage()));
                        return 2;
                    }
                    throw e;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
