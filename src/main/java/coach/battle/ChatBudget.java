package coach.battle;

import coach.chat.GroupChats;
import coach.chat.Reply;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages battles put into each chat in the last minute, against Telegram's twenty a minute for a group.
 * Countdown edits are a luxury and stop first; a new round waits for room; a round's result and the scoreboard
 * always go (the sender still holds them to the limit). In memory: after a restart the sender's own limit guards.
 */
final class ChatBudget {

    /** Countdown edits only while the minute holds fewer than this, leaving room for results and rounds. */
    static final int COUNTDOWN_BELOW = 14;
    /** A new round only while the minute holds fewer than this: its message and its result must still fit. */
    static final int ROUND_BELOW = GroupChats.MESSAGES_PER_MINUTE - 2;
    private static final long MINUTE = 60_000;
    private static final int SWEEP_ABOVE = 256;

    private final Map<Long, ArrayDeque<Long>> sent = new HashMap<>();

    /** Counts the messages among the replies against their chats, and returns the replies. */
    synchronized List<Reply> spend(List<Reply> replies, long now) {
        for (Reply reply : replies) {
            if (!(reply instanceof Reply.Toast)) {
                sent.computeIfAbsent(reply.chatId(), id -> new ArrayDeque<>()).addLast(now);
            }
        }
        if (sent.size() > SWEEP_ABOVE) {
            sent.values().removeIf(times -> times.peekLast() <= now - MINUTE);
        }
        return List.copyOf(replies);
    }

    synchronized boolean roomForCountdown(long chatId, long now) {
        return count(chatId, now) < COUNTDOWN_BELOW;
    }

    synchronized boolean roomForRound(long chatId, long now) {
        return count(chatId, now) < ROUND_BELOW;
    }

    private int count(long chatId, long now) {
        ArrayDeque<Long> times = sent.get(chatId);
        if (times == null) {
            return 0;
        }
        while (!times.isEmpty() && times.peekFirst() <= now - MINUTE) {
            times.pollFirst();
        }
        if (times.isEmpty()) {
            sent.remove(chatId);
            return 0;
        }
        return times.size();
    }
}
