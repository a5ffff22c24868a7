package coach.chat;

import coach.chat.Reply.Button;
import coach.user.User;
import java.util.ArrayList;
import java.util.List;

/** One incoming event being answered: who sent it, in which language, and the replies so far. */
final class Turn {

    final Incoming in;
    final User user;
    /** What was worked out for this event before its transaction. */
    final Prework prework;
    private final Texts texts;
    private final List<Reply> replies = new ArrayList<>();

    Turn(Incoming in, User user, Texts texts, Prework prework) {
        this.in = in;
        this.user = user;
        this.texts = texts;
        this.prework = prework;
    }

    String language() {
        return user == null ? Texts.languageFor(in.languageCode()) : user.language();
    }

    String t(String key, Object... args) {
        return texts.get(language(), key, args);
    }

    String textIn(String language, String key, Object... args) {
        return texts.get(language, key, args);
    }

    void say(String html) {
        say(html, List.of());
    }

    void say(String html, List<List<Button>> buttons) {
        replies.add(new Reply.Send(in.chatId(), html, buttons));
    }

    void sayTo(long chatId, String html) {
        replies.add(new Reply.Send(chatId, html, List.of()));
    }

    void photo(byte[] png, String caption) {
        replies.add(new Reply.Photo(in.chatId(), png, caption));
    }

    void edit(String html, List<List<Button>> buttons) {
        replies.add(new Reply.Edit(in.chatId(), in.messageId(), html, buttons));
    }

    void markup(List<List<Button>> buttons) {
        replies.add(new Reply.Markup(in.chatId(), in.messageId(), buttons));
    }

    void toast(String text) {
        replies.add(new Reply.Toast(in.chatId(), in.callbackId(), text));
    }

    Button button(String key, String data) {
        return new Button(t(key), data);
    }

    List<Reply> replies() {
        boolean toasted = replies.stream().anyMatch(r -> r instanceof Reply.Toast);
        if (in.kind() == Incoming.Kind.CALLBACK && !toasted) {
            toast("");
        }
        return List.copyOf(replies);
    }
}
