package coach.telegram;

import coach.chat.Reply;
import coach.store.Database;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every outgoing Bot API call, kept in SQLite until Telegram accepts it, so that nothing is lost in a crash.
 * Lower priority numbers go first.
 */
final class Outbox {

    /** Answers to button presses, the user watching a spinner, and the typing status: none is a message. */
    static final int URGENT = 0;
    /** Replies to what a user just did. */
    static final int REPLY = 1;
    /** Messages nobody is waiting for, such as the daily question. */
    static final int BROADCAST = 2;

    /** Ids per DELETE, well under SQLite's limit of bound parameters; a power of two. */
    private static final int DELETE_CHUNK = 512;
    private final Database db;
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(Reply.class, StoredReply.class);

    /** How a reply is stored in its row: JSON with its kind in {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Reply.Send.class, name = "send"),
            @JsonSubTypes.Type(value = Reply.Photo.class, name = "photo"),
            @JsonSubTypes.Type(value = Reply.Edit.class, name = "edit"),
            @JsonSubTypes.Type(value = Reply.Markup.class, name = "markup"),
            @JsonSubTypes.Type(value = Reply.Toast.class, name = "toast"),
            @JsonSubTypes.Type(value = Reply.Typing.class, name = "typing")})
    private interface StoredReply {
    }

    Outbox(Database db) {
        this.db = db;
    }

    /**
     * A stored call: its row id, target chat, priority, the reply to perform, the attempts made so far, and the time
     * (epoch milliseconds) before which it waits.
     */
    record Item(long id, long chatId, int priority, Reply reply, int attempts, long notBefore) {

        /** Answers to button presses are not messages: Telegram's message limits do not apply to them. */
        boolean isMessage() {
            return priority != URGENT;
        }

        /** The same call, tried once more no earlier than {@code notBeforeMillis}. */
        Item retriedAt(long notBeforeMillis) {
            return new Item(id, chatId, priority, reply, attempts + 1, notBeforeMillis);
        }

        Item with(Reply other) {
            return new Item(id, chatId, priority, other, attempts, notBefore);
        }
    }

    /** Told of every change to what waits, once the change has committed, in commit order. */
    interface Listener {
        void added(Item item);

        void dropped(long chatId);
    }

    /** Until the sender listens, calls are only stored; it reads them all when it starts. */
    private volatile Listener listener = new Listener() {
        @Override
        public void added(Item item) {
        }

        @Override
        public void dropped(long chatId) {
        }
    };

    /**
     * Stores a reply; a message over Telegram's length limit becomes several, the buttons on the last. A picture is
     * stored whole, its PNG in base64.
     */
    void add(Reply reply, int priority, Instant now) {
        if (reply instanceof Reply.Send s && s.html().length() > TextSplitter.LIMIT) {
            List<String> parts = TextSplitter.split(s.html(), TextSplitter.LIMIT);
            db.tx(c -> {
                for (int i = 0; i < parts.size(); i++) {
                    boolean last = i == parts.size() - 1;
                    store(new Reply.Send(s.chatId(), parts.get(i), last ? s.buttons() : List.of(), last ? s.tag() : null),
                            priority, now);
                }
                return null;
            });
            return;
        }
        if (reply instanceof Reply.Edit e && e.html().length() > TextSplitter.LIMIT) {
            reply = new Reply.Edit(e.chatId(), e.messageId(), TextSplitter.split(e.html(), TextSplitter.LIMIT).get(0),
                    e.buttons());
        }
        store(reply, priority, now);
    }

    private void store(Reply reply, int priority, Instant now) {
        db.statement(c -> {
            long id = db.insert("INSERT INTO outbox (chat_id, priority, payload, created_at) VALUES (?, ?, ?, ?)",
                    reply.chatId(), priority, write(reply), now.getEpochSecond());
            Item item = new Item(id, reply.chatId(), priority, reply, 0, 0);
            db.afterCommit(() -> listener.added(item));
            return null;
        });
    }

    /**
     * Every call waiting now, in priority then arrival order, and from now on every change to them told to
     * {@code listener}. Both happen in one transaction, and the listener hears of a change when its transaction
     * commits, still inside the database: each change is either in the calls returned or told, never both.
     */
    List<Item> listen(Listener listener) {
        return db.tx(c -> {
            this.listener = listener;
            return db.list("SELECT id, chat_id, priority, payload, attempts, not_before FROM outbox ORDER BY priority, id",
                    rs -> new Item(rs.getLong(1), rs.getLong(2), rs.getInt(3), read(rs.getString(4)), rs.getInt(5),
                            rs.getLong(6)));
        });
    }

    void done(long id) {
        db.update("DELETE FROM outbox WHERE id = ?", id);
    }

    /** Removes many sent items in one transaction. */
    void done(List<Long> ids) {
        db.tx(c -> {
            for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
                // Padded to a power of two with its last id, so ten statements serve every size and stay prepared.
                Object[] padded = new Object[Integer.highestOneBit(chunk.size() * 2 - 1)];
                for (int i = 0; i < padded.length; i++) {
                    padded[i] = chunk.get(Math.min(i, chunk.size() - 1));
                }
                String marks = String.join(", ", java.util.Collections.nCopies(padded.length, "?"));
                db.update("DELETE FROM outbox WHERE id IN (" + marks + ")", padded);
            }
            return null;
        });
    }

    /** Removes a sent item and queues the replies that follow from it, in one transaction. */
    void done(long id, Supplier<List<Reply>> followUps, Instant now) {
        db.tx(c -> {
            done(id);
            followUps.get().forEach(reply -> add(reply, REPLY, now));
            return null;
        });
    }

    /**
     * Stores the call's next attempt (its attempts and when it is due); the listener hears of it as it commits. A row
     * that is gone, because its chat was dropped meanwhile, stays gone.
     */
    void retry(Item item) {
        update(item, "UPDATE outbox SET not_before = ?, attempts = ? WHERE id = ?", item.notBefore(), item.attempts());
    }

    /** Stores another form of the call, to be sent instead; as {@link #retry}. */
    void replace(Item item) {
        update(item, "UPDATE outbox SET payload = ? WHERE id = ?", write(item.reply()));
    }

    private void update(Item item, String sql, Object... values) {
        Object[] args = java.util.Arrays.copyOf(values, values.length + 1);
        args[values.length] = item.id();
        db.statement(c -> {
            if (db.update(sql, args) > 0) {
                db.afterCommit(() -> listener.added(item));
            }
            return null;
        });
    }

    /** Drops everything still waiting for a chat that can no longer be reached. */
    int dropChat(long chatId) {
        return db.statement(c -> {
            int dropped = db.update("DELETE FROM outbox WHERE chat_id = ?", chatId);
            db.afterCommit(() -> listener.dropped(chatId));
            return dropped;
        });
    }

    int size() {
        return (int) db.number("SELECT COUNT(*) FROM outbox");
    }

    private String write(Reply reply) {
        try {
            return JSON.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a reply", e);
        }
    }

    /** A reply as stored in a row's payload. */
    static Reply read(String payload) {
        try {
            return JSON.readValue(payload, Reply.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored reply", e);
        }
    }
}
