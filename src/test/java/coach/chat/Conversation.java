package coach.chat;

import java.util.List;
import java.util.function.Supplier;

/** One person in a private chat with the engine, speaking English, for tests. */
public final class Conversation {

    private final Supplier<Engine> engine;
    private final long userId;
    private final String name;

    public Conversation(Supplier<Engine> engine, long userId, String name) {
        this.engine = engine;
        this.userId = userId;
        this.name = name;
    }

    public List<Reply> say(String text) {
        return engine.get().handle(new Incoming(Incoming.Kind.TEXT, userId, Incoming.ChatType.PRIVATE, userId, name,
                "en", text, 1, null, null));
    }

    public List<Reply> press(String data) {
        return engine.get().handle(new Incoming(Incoming.Kind.CALLBACK, userId, Incoming.ChatType.PRIVATE, userId, name,
                "en", "", 5, "cb", data));
    }

    /** What the person reads, HTML included; toasts in parentheses. */
    public static String text(List<Reply> replies) {
        return replies.stream().map(r -> r instanceof Reply.Send s ? s.html() : r instanceof Reply.Edit e ? e.html()
                : r instanceof Reply.Toast t ? "(" + t.text() + ")" : "").reduce("", (a, b) -> a + "\n" + b);
    }

    public static List<String> buttons(List<Reply> replies) {
        return replies.stream().filter(r -> r instanceof Reply.Send).map(r -> (Reply.Send) r)
                .flatMap(s -> s.buttons().stream().flatMap(List::stream)).map(Reply.Button::data).toList();
    }
}
