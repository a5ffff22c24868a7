package coach.chat;

import java.util.List;

/**
 * What the coach does in groups and channels. The engine hands every event from a group or a channel here, in
 * the same transaction and with the same safety net as private chats.
 */
public interface GroupChats {

    /** Telegram's limit on the messages a bot may put into one group in a minute. */
    int MESSAGES_PER_MINUTE = 20;

    /** The group and channel command menu, in order. */
    List<String> menu();

    /** Answers one event from a group or a channel. */
    List<Reply> handle(Incoming in);

    /** True when answering this event needs the sender's standing in the chat, which only the front end can find. */
    boolean needsRole(Incoming in);

    /** Telegram accepted a tagged message and gave it this id; returns any follow-up replies. */
    List<Reply> delivered(String tag, long chatId, int messageId);

    /** The chat can no longer be reached (the coach was removed or blocked). */
    void unreachable(long chatId);

}
