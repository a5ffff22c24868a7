package coach.telegram;

import coach.chat.Texts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Publishes the command menus, for private chats and for groups, in Chinese and English; a failure is logged and
 * the bot carries on.
 */
final class CommandMenu {

    private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);
    private CommandMenu() {
    }

    /**
     * Publishes {@code commands} for private chats and {@code groupCommands} for groups, in every language; stops
     * quietly when its thread is interrupted, as the bot's shutdown does.
     */
    static void publish(TelegramClient client, Texts texts, List<String> commands, List<String> groupCommands) {
        for (String language : List.of(Texts.ZH, Texts.EN, "")) {
            publish(client, texts, language, commands, null);
            publish(client, texts, language, groupCommands, new BotCommandScopeAllGroupChats());
        }
    }

    private static void publish(TelegramClient client, Texts texts, String language, List<String> names,
                                BotCommandScope scope) {
        List<BotCommand> commands = names.stream()
                .map(c -> new BotCommand(c, texts.get(language.isEmpty() ? Texts.EN : language, "cmd." + c)))
                .toList();
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            SetMyCommands.SetMyCommandsBuilder<?, ?> request = SetMyCommands.builder().commands(commands).scope(scope);
            if (!language.isEmpty()) {
                request.languageCode(language);
            }
            client.execute(request.build());
        } catch (TelegramApiException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                log.debug("Publishing the command menu stopped: the bot is closing");
                return;
            }
            log.warn("Could not publish the {} {} command menu: {}", language.isEmpty() ? "default" : language,
                    scope == null ? "private" : "group", e.getMessage());
        }
    }
}
