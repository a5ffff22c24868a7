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
        String callbackData,
        Role role) {

    /** What kind of event this is. */
    public enum Kind { TEXT, MEDIA, CALLBACK }

    /** Where it happened. */
    public enum ChatType { PRIVATE, GROUP, SUPERGROUP, CHANNEL }

    /** The sender's standing in a group or channel, when the front end has found it out. */
    public enum Role { ADMIN, MEMBER, UNKNOWN }

    public Incoming {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chatType, "chatType");
        firstName = firstName == null ? "" : firstName;
        text = text == null ? "" : text;
        role = role == null ? Role.UNKNOWN : role;
    }

    /** An event whose sender's standing in the chat is not known (always so in private chats). */
    public Incoming(Kind kind, long chatId, ChatType chatType, long userId, String firstName, String languageCode,
                    String text, int messageId, String callbackId, String callbackData) {
        this(kind, chatId, chatType, userId, firstName, languageCode, text, messageId, callbackId, callbackData,
                Role.UNKNOWN);
    }

    /** The same event with the sender's standing found out. */
    public Incoming withRole(Role found) {
        return new Incoming(kind, chatId, chatType, userId, firstName, languageCode, text, messageId, callbackId,
                callbackData, found);
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
