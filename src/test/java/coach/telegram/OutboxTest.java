package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.chat.Reply;
import coach.store.Database;
import coach.store.TempDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox's order (priority, then arrival; one call per chat at a time) and its removal of sent calls. */
class OutboxTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @RegisterExtension
    final TempDatabase temp = new TempDatabase();

    private Database db;
    private Outbox outbox;

    @BeforeEach
    void open() {
        db = temp.db();
        outbox = new Outbox(db);
    }

    private List<String> readyTexts() {
        return outbox.ready(Long.MAX_VALUE, 100).stream().map(i -> describe(i.reply())).toList();
    }

    private static String describe(Reply reply) {
        if (reply instanceof Reply.Send s) {
            return s.chatId() + ":" + s.html();
        }
        return reply instanceof Reply.Toast t ? t.chatId() + ":toast " + t.text() : reply.toString();
    }

    @Test
    void eachChatOffersOnlyItsFirstCallInPriorityThenArrivalOrder() {
        outbox.add(new Reply.Send(1, "a1"), Outbox.REPLY, NOW);
        outbox.add(new Reply.Send(1, "a2"), Outbox.REPLY, NOW);
        outbox.add(new Reply.Send(2, "daily"), Outbox.BROADCAST, NOW);
        outbox.add(new Reply.Toast(3, "cb", "ok"), Outbox.URGENT, NOW);
        outbox.add(new Reply.Send(2, "reply"), Outbox.REPLY, NOW);
        assertEquals(List.of("3:toast ok", "1:a1", "2:reply"), readyTexts());
    }

    @Test
    void sentCallsLeaveTogetherAndTheNextOfEachChatMovesUp() {
        outbox.add(new Reply.Send(1, "a1"), Outbox.REPLY, NOW);
        outbox.add(new Reply.Send(1, "a2"), Outbox.REPLY, NOW);
        outbox.add(new Reply.Send(2, "b1"), Outbox.REPLY, NOW);
        List<Long> first = outbox.ready(Long.MAX_VALUE, 100).stream().map(Outbox.Item::id).toList();
        outbox.done(first);
        assertEquals(List.of("1:a2"), readyTexts());
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
        String html = "x".repeat(TextSplitter.LIMIT + 10);
        List<List<Reply.Button>> buttons = List.of(List.of(new Reply.Button("next", "q")));
        outbox.add(new Reply.Send(5, html, buttons), Outbox.REPLY, NOW);
        assertEquals(2, outbox.size());
        Outbox.Item head = outbox.ready(Long.MAX_VALUE, 100).get(0);
        assertEquals(List.of(), ((Reply.Send) head.reply()).buttons());
        outbox.done(List.of(head.id()));
        Reply.Send last = (Reply.Send) outbox.ready(Long.MAX_VALUE, 100).get(0).reply();
        assertEquals(buttons, last.buttons());
    }

    @Test
    void aRetryWaitsUntilItsTime() {
        outbox.add(new Reply.Send(1, "a1"), Outbox.REPLY, NOW);
        long id = outbox.ready(Long.MAX_VALUE, 1).get(0).id();
        outbox.retryAt(id, 5_000);
        assertEquals(List.of(), outbox.ready(4_999, 100));
        assertEquals(1, outbox.ready(5_000, 100).get(0).attempts());
    }
}
