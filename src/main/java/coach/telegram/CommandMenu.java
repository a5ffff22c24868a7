package coach.telegram;

import coach.chat.Texts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Publishes the command menu in Chinese and English; a failure is logged and the bot carries on. */
final class CommandMenu {

    private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);
    static final List<String> COMMANDS = List.of(
            "question", "skip", "topics", "stats", "weekly", "time", "tz", "pause", "resume", "lang", "report", "help",
            "start");

    private CommandMenu() {
    }

    static void publish(TelegramClient client, Texts texts) {
        for (String language : List.of(Texts.ZH, Texts.EN, "")) {
            List<BotCommand> commands = COMMANDS.stream()
                    .map(c -> new BotCommand(c, texts.get(language.isEmpty() ? Texts.EN : language, "cmd." + c)))
                    .toList();
            try {
                SetMyCommands.SetMyCommandsBuilder<?, ?> request = SetMyCommands.builder().commands(commands);
                if (!language.isEmpty()) {
                    request.languageCode(language);
                }
                client.execute(request.build());
            } catch (TelegramApiException | RuntimeException e) {
                log.warn("Could not publish the {} command menu: {}", language.isEmpty() ? "default" : language,
                        e.getMessage());
            }
        }
    }
}
