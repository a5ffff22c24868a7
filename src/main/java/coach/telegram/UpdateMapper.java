package coach.telegram;

import coach.chat.Incoming;
import coach.chat.Incoming.ChatType;
import coach.chat.Incoming.Kind;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Translates a Telegram update into what the engine understands, or nothing when the coach has no business with
 * it (edits, service messages, commands addressed to another bot, update kinds it does not use).
 */
final class UpdateMapper {

    private final String botUsername;

    /** {@code botUsername} without the @, as getMe reports it. */
    UpdateMapper(String botUsername) {
        this.botUsername = botUsername == null ? "" : botUsername.toLowerCase(Locale.ROOT);
    }

    Optional<Incoming> map(Update update) {
        if (update.hasCallbackQuery()) {
            return callback(update.getCallbackQuery());
        }
        if (update.hasMessage()) {
            return message(update.getMessage(), false);
        }
        if (update.hasChannelPost()) {
            return message(update.getChannelPost(), true);
        }
        return Optional.empty();
    }

    /** The chat the coach was removed from or blocked in, when the update says so. */
    OptionalLong leftChat(Update update) {
        ChatMemberUpdated change = update.getMyChatMember();
        if (change == null || change.getChat() == null || change.getNewChatMember() == null) {
            return OptionalLong.empty();
        }
        String status = change.getNewChatMember().getStatus();
        return "left".equals(status) || "kicked".equals(status) ? OptionalLong.of(change.getChat().getId())
                : OptionalLong.empty();
    }

    private Optional<Incoming> message(Message message, boolean channel) {
        Chat chat = message.getChat();
        if (chat == null) {
            return Optional.empty();
        }
        ChatType type = chatType(chat.getType());
        // Posts in a channel, and messages of a group's anonymous admins, are sent on behalf of the chat itself:
        // only its admins can do that.
        boolean asChat = channel || (message.getSenderChat() != null && chat.getId().equals(message.getSenderChat().getId()));
        User from = asChat ? null : message.getFrom();
        if (from != null && Boolean.TRUE.equals(from.getIsBot())) {
            return Optional.empty();
        }
        long userId = from != null ? from.getId() : chat.getId();
        String name = from != null ? from.getFirstName() : chat.getTitle();
        String language = from != null ? from.getLanguageCode() : null;
        Incoming.Role role = asChat ? Incoming.Role.ADMIN : Incoming.Role.UNKNOWN;
        if (message.hasText()) {
            Optional<String> text = addressedToUs(message.getText());
            return text.map(t -> new Incoming(Kind.TEXT, chat.getId(), type, userId, name, language, t,
                    message.getMessageId(), null, null, role));
        }
        if (type != ChatType.PRIVATE || !isMedia(message)) {
            return Optional.empty();
        }
        return Optional.of(new Incoming(Kind.MEDIA, chat.getId(), type, userId, name, language, "",
                message.getMessageId(), null, null));
    }

    private Optional<Incoming> callback(CallbackQuery query) {
        User from = query.getFrom();
        if (from == null || query.getId() == null) {
            return Optional.empty();
        }
        MaybeInaccessibleMessage message = query.getMessage();
        long chatId = message != null && message.getChatId() != null ? message.getChatId() : from.getId();
        ChatType type = message != null && message.getChat() != null ? chatType(message.getChat().getType()) : ChatType.PRIVATE;
        int messageId = message != null && message.getMessageId() != null ? message.getMessageId() : 0;
        return Optional.of(new Incoming(Kind.CALLBACK, chatId, type, from.getId(), from.getFirstName(),
                from.getLanguageCode(), "", messageId, query.getId(), query.getData()));
    }

    /** The text with a trailing {@code @ourbot} removed from its command; empty when addressed to another bot. */
    Optional<String> addressedToUs(String text) {
        if (!text.startsWith("/")) {
            return Optional.of(text);
        }
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String command = text.substring(0, end);
        int at = command.indexOf('@');
        if (at < 0) {
            return Optional.of(text);
        }
        String target = command.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!target.equals(botUsername)) {
            return Optional.empty();
        }
        return Optional.of(command.substring(0, at) + text.substring(end));
    }

    private static boolean isMedia(Message m) {
        return m.hasSticker() || m.hasPhoto() || m.hasVoice() || m.hasVideo() || m.hasDocument() || m.hasAudio()
                || m.hasAnimation() || m.hasVideoNote() || m.hasContact() || m.hasLocation() || m.hasPoll()
                || m.hasDice();
    }

    private static ChatType chatType(String type) {
        if (type == null) {
            return ChatType.PRIVATE;
        }
        return switch (type) {
            case "group" -> ChatType.GROUP;
            case "supergroup" -> ChatType.SUPERGROUP;
            case "channel" -> ChatType.CHANNEL;
            default -> ChatType.PRIVATE;
        };
    }
}
