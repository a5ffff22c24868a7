package coach.telegram;

import coach.chat.Incoming;
import coach.chat.Reply;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Performs a coach {@link Reply} as the matching Bot API call. */
final class ApiCalls {

    private static final String HTML = "HTML";
    /** The file name a picture travels under; Telegram shows photos without it. */
    static final String PHOTO_NAME = "stats.png";
    private static final LinkPreviewOptions NO_PREVIEW = LinkPreviewOptions.builder().isDisabled(true).build();

    private final TelegramClient client;

    ApiCalls(TelegramClient client) {
        this.client = client;
    }

    /** Performs the reply; returns the id of the message it created, or 0 when it created none. */
    int perform(Reply reply) throws TelegramApiException {
        if (reply instanceof Reply.Send s) {
            Message sent = client.execute(SendMessage.builder()
                    .chatId(s.chatId()).text(s.html()).parseMode(HTML).linkPreviewOptions(NO_PREVIEW)
                    .replyMarkup(keyboard(s.buttons())).build());
            return sent == null || sent.getMessageId() == null ? 0 : sent.getMessageId();
        } else if (reply instanceof Reply.Photo p) {
            client.execute(SendPhoto.builder()
                    .chatId(p.chatId()).photo(new InputFile(new ByteArrayInputStream(p.png()), PHOTO_NAME))
                    .caption(p.caption().isEmpty() ? null : p.caption()).parseMode(HTML).build());
        } else if (reply instanceof Reply.Edit e) {
            client.execute(EditMessageText.builder()
                    .chatId(e.chatId()).messageId(e.messageId()).text(e.html()).parseMode(HTML)
                    .linkPreviewOptions(NO_PREVIEW).replyMarkup(keyboard(e.buttons())).build());
        } else if (reply instanceof Reply.Markup m) {
            client.execute(EditMessageReplyMarkup.builder()
                    .chatId(m.chatId()).messageId(m.messageId()).replyMarkup(keyboard(m.buttons())).build());
        } else if (reply instanceof Reply.Toast t) {
            client.execute(AnswerCallbackQuery.builder()
                    .callbackQueryId(t.callbackId()).text(t.text().isEmpty() ? null : t.text()).build());
        } else if (reply instanceof Reply.Typing t) {
            client.execute(SendChatAction.builder().chatId(t.chatId()).action(ActionType.TYPING.toString()).build());
        }
        return 0;
    }

    /** The member's standing in a group, from getChatMember. */
    Incoming.Role role(long chatId, long userId) throws TelegramApiException {
        ChatMember member = client.execute(new GetChatMember(String.valueOf(chatId), userId));
        String status = member == null ? "" : member.getStatus();
        return "creator".equals(status) || "administrator".equals(status) ? Incoming.Role.ADMIN : Incoming.Role.MEMBER;
    }

    private static InlineKeyboardMarkup keyboard(List<List<Reply.Button>> rows) {
        if (rows.isEmpty()) {
            return null;
        }
        return new InlineKeyboardMarkup(rows.stream()
                .map(row -> new InlineKeyboardRow(row.stream()
                        .map(b -> InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build())
                        .toList()))
                .toList());
    }
}
