package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import coach.chat.Reply;
import coach.store.Database;
import coach.store.TempDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox and the backlog that mirrors it: order (priority, then arrival; one call per chat at a time), the
 * listener hearing only what committed, and the removal of sent calls.
 */
class OutboxTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @RegisterExtension
    final TempDatabase temp = new TempDatabase();

    private Database db;
    private Outbox outbox;
    private final Backlog backlog = new Backlog();
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void open() {
        db = temp.db();
        outbox = new Outbox(db);
    }

    /** Listens the way the sender does: every change goes to the backlog. */
    private void listen() {
        outbox.listen(new Outbox.Listener() {
            @Override
            public void added(Outbox.Item item) {
                heard.add(describe(item.reply()));
                backlog.add(item);
            }

            @Override
            public void dropped(long chatId) {
                heard.add("dropped " + chatId);
                backlog.dropChat(chatId);
            }
        }).forEach(backlog::add);
    }

    /** Listens, then stores a1 and a2 for chat 1 and b1 for chat 2. */
    private void listenWithTwoChats() {
        listen();
        outbox.add(new Reply.Send(1, "a1"), Outbox.REPLY, NOW);
        outbox.add(new Reply.Send(1, "a2"), Outbox.REPLY, NOW);
        outbox.add(new Reply.Send(2, "b1"), Outbox.REPLY, NOW);
    }

    private List<String> firstTexts() {
        return backlog.firsts(100).stream().map(i -> describe(i.reply())).toList();
    }

    private static String describe(Reply reply) {
        if (reply instanceof Reply.Send s) {
            return s.chatId() + ":" + s.html();
        }
        return reply instanceof Reply.Toast t ? t.chatId() + ":toast " + t.text() : reply.toString();
    }

    @Test
    void eachChatOffersOnlyItsFirstCallInPriorityThenArrivalOrder() {
        listen();
        outbox.add(new Reply.Send(1, "a1"), Outbox.REPLY, NOW);
        outbox.add(new Reply.Send(1, "a2"), Outbox.REPLY, NOW);
        outbox.add(new Reply.Send(2, "daily"), Outbox.BROADCAST, NOW);
        outbox.add(new Reply.Toast(3, "cb", "ok"), Outbox.URGENT, NOW);
        outbox.add(new Reply.Send(2, "reply"), Outbox.REPLY, NOW);
        assertEquals(List.of("3:toast ok", "1:a1", "2:reply"), firstTexts());
        assertEquals(5, backlog.size());
    }

    @Test
    void takingAChatsFirstCallOffersItsNext() {
        listenWithTwoChats();
        backlog.firsts(100).forEach(backlog::remove);
        assertEquals(List.of("1:a2"), firstTexts());
    }

    @Test
    void callsStoredBeforeListeningAreReadOnceAndLaterOnesAreHeardOnce() {
        outbox.add(new Reply.Send(1, "before"), Outbox.REPLY, NOW);
        listen();
        outbox.add(new Reply.Send(1, "after"), Outbox.REPLY, NOW);
        assertEquals(List.of("1:after"), heard);
        assertEquals(2, backlog.size());
        assertEquals(List.of("1:before"), firstTexts());
    }

    @Test
    void theListenerHearsOfACallOnlyWhenItsTransactionCommits() {
        listen();
        db.tx(c -> {
            outbox.add(new Reply.Send(1, "kept"), Outbox.REPLY, NOW);
            assertEquals(List.of(), heard, "not before the commit");
            assertThrows(IllegalStateException.class, () -> db.tx(inner -> {
                outbox.add(new Reply.Send(1, "undone"), Outbox.REPLY, NOW);
                throw new IllegalStateException("this update fails");
            }));
            return null;
        });
        assertEquals(List.of("1:kept"), heard);
        assertEquals(1, outbox.size());
    }

    @Test
    void sentCallsLeaveTogether() {
        listenWithTwoChats();
        outbox.done(backlog.firsts(100).stream().map(Outbox.Item::id).toList());
        assertEquals(1, outbox.size());
    }

    @Test
    void manyIdsAreRemovedInChunks() {
        for (int i = 0; i < 1200; i++) {
            outbox.add(new Reply.Send(i, "m" + i), Outbox.BROADCAST, NOW);
        }
        List<Long> ids = db.list("SELECT id FROM outbox", rs -> rs.getLong(1));
        outbox.done(ids.subList(0, 1100));
        assertEquals(100, outbox.size());
    }

    @Test
    void aLongMessageIsStoredAsPartsWithTheButtonsOnTheLast() {
        listen();
        String html = "x".repeat(TextSplitter.LIMIT + 10);
        List<List<Reply.Button>> buttons = List.of(List.of(new Reply.Button("next", "q")));
        outbox.add(new Reply.Send(5, html, buttons), Outbox.REPLY, NOW);
        assertEquals(2, outbox.size());
        Outbox.Item head = backlog.firsts(1).get(0);
        assertEquals(List.of(), ((Reply.Send) head.reply()).buttons());
        backlog.remove(head);
        Reply.Send last = (Reply.Send) backlog.firsts(1).get(0).reply();
        assertEquals(buttons, last.buttons());
    }

    @Test
    void aRetryIsStoredAndComesBackWithItsTime() {
        listen();
        outbox.add(new Reply.Send(1, "a1"), Outbox.REPLY, NOW);
        Outbox.Item item = backlog.firsts(1).get(0);
        backlog.remove(item);
        outbox.retry(item.retriedAt(5_000));
        Outbox.Item back = backlog.firsts(1).get(0);
        assertEquals(5_000, back.notBefore());
        assertEquals(1, back.attempts());
        assertEquals(List.of(item.id(), 5_000L, 1L), db.one("SELECT id, not_before, attempts FROM outbox",
                rs -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).orElseThrow());
        Outbox.Item reread = new Outbox(db).listen(new Outbox.Listener() {
            @Override
            public void added(Outbox.Item i) {
            }

            @Override
            public void dropped(long chatId) {
            }
        }).get(0);
        assertEquals(5_000, reread.notBefore(), "a restart keeps the wait");
    }

    @Test
    void aDroppedChatsCallsAreGoneAndARetryDoesNotBringThemBack() {
        listenWithTwoChats();
        Outbox.Item inFlight = backlog.firsts(1).get(0);
        backlog.remove(inFlight);
        assertEquals(2, outbox.dropChat(1));
        outbox.retry(inFlight.retriedAt(0));
        assertEquals(List.of("2:b1"), firstTexts());
        assertEquals(1, backlog.size());
        assertEquals(1, outbox.size());
    }
}
