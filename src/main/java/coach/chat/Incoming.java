package coach.chat;

import java.util.Objects;

/**
 * Something a person did that the coach answers: a text message, a non-text message, or a button press.
 * Front ends (Telegram, the terminal) translate their own events into this.
 */
public record Incoming(
        Kind kind,
        long chatId,
        ChatType chatType,
        long userId,
        String firstName,
        String languageCode,
        String text,
        int messageId,
        String callbackId,
        String callbackData) {

    /** What kind of event this is. */
    public enum Kind { TEXT, MEDIA, CALLBACK }

    /** Where it happened. */
    public enum ChatType { PRIVATE, GROUP, SUPERGROUP, CHANNEL }

    public Incoming {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chatType, "chatType");
        firstName = firstName == null ? "" : firstName;
        text = text == null ? "" : text;
    }

    public static Incoming text(long userId, String text) {
        return new Incoming(Kind.TEXT, userId, ChatType.PRIVATE, userId, "", null, text, 0, null, null);
    }

    public static Incoming press(long userId, int messageId, String callbackId, String data) {
        return new Incoming(Kind.CALLBACK, userId, ChatType.PRIVATE, userId, "", null, "", messageId, callbackId, data);
    }

    public boolean isPrivate() {
        return chatType == ChatType.PRIVATE;
    }
}
