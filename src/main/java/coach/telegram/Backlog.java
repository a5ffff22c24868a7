package coach.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The outbox's waiting calls held in memory, so that choosing what to send next never waits for the database: each
 * chat's calls in priority then arrival order, and the chats in the order of their first call. A chat's later calls
 * wait behind its first, even when the first waits for a retry, so a chat's messages keep their order. Not
 * thread-safe; the sender guards it.
 */
final class Backlog {

    private static final Comparator<Outbox.Item> ORDER =
            Comparator.comparingInt(Outbox.Item::priority).thenComparingLong(Outbox.Item::id);

    private final Map<Long, TreeSet<Outbox.Item>> chats = new HashMap<>();
    private final TreeSet<Outbox.Item> firsts = new TreeSet<>(ORDER);
    private int size;

    void add(Outbox.Item item) {
        TreeSet<Outbox.Item> calls = chats.computeIfAbsent(item.chatId(), k -> new TreeSet<>(ORDER));
        Outbox.Item first = calls.isEmpty() ? null : calls.first();
        if (!calls.add(item)) {
            return;
        }
        size++;
        if (first == null || ORDER.compare(item, first) < 0) {
            if (first != null) {
                firsts.remove(first);
            }
            firsts.add(item);
        }
    }

    /** Takes a call out, as it goes in flight; its chat's next call becomes the chat's first. */
    void remove(Outbox.Item item) {
        TreeSet<Outbox.Item> calls = chats.get(item.chatId());
        if (calls == null || !calls.remove(item)) {
            return;
        }
        size--;
        if (firsts.remove(item) && !calls.isEmpty()) {
            firsts.add(calls.first());
        }
        if (calls.isEmpty()) {
            chats.remove(item.chatId());
        }
    }

    /** Forgets every call of a chat; returns how many there were. */
    int dropChat(long chatId) {
        TreeSet<Outbox.Item> calls = chats.remove(chatId);
        if (calls == null) {
            return 0;
        }
        firsts.remove(calls.first());
        size -= calls.size();
        return calls.size();
    }

    /** Up to {@code limit} chats' first calls, in priority then arrival order: the candidates to send next. */
    List<Outbox.Item> firsts(int limit) {
        List<Outbox.Item> out = new ArrayList<>(Math.min(limit, firsts.size()));
        for (Outbox.Item item : firsts) {
            if (out.size() == limit) {
                break;
            }
            out.add(item);
        }
        return out;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
