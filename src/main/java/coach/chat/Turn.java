package coach.chat;

import coach.chat.Reply.Button;
import coach.user.User;
import java.util.ArrayList;
import java.util.List;

/** One incoming event being answered: who sent it, in which language, and the replies so far. */
public final class Turn {

    private final Incoming in;
    private final User user;
    private final Prework prework;
    private final Texts texts;
    private final List<Reply> replies = new ArrayList<>();

    Turn(Incoming in, User user, Texts texts, Prework prework) {
        this.in = in;
        this.user = user;
        this.texts = texts;
        this.prework = prework;
    }

    /** The event. */
    public Incoming in() {
        return in;
    }

    /** The sender in a private chat; null in groups and for a sender not yet registered. */
    public User user() {
        return user;
    }

    /** What was worked out for this event before its transaction. */
    public Prework prework() {
        return prework;
    }

    public String language() {
        return user == null ? Texts.languageFor(in.languageCode()) : user.language();
    }

    public String t(String key, Object... args) {
        return texts.get(language(), key, args);
    }

    public String textIn(String language, String key, Object... args) {
        return texts.get(language, key, args);
    }

    public void say(String html) {
        say(html, List.of());
    }

    public void say(String html, List<List<Button>> buttons) {
        replies.add(new Reply.Send(in.chatId(), html, buttons));
    }

    public void sayTo(long chatId, String html) {
        replies.add(new Reply.Send(chatId, html, List.of()));
    }

    public void photo(byte[] png, String caption) {
        replies.add(new Reply.Photo(in.chatId(), png, caption));
    }

    public void edit(String html, List<List<Button>> buttons) {
        replies.add(new Reply.Edit(in.chatId(), in.messageId(), html, buttons));
    }

    public void markup(List<List<Button>> buttons) {
        replies.add(new Reply.Markup(in.chatId(), in.messageId(), buttons));
    }

    /** Shows the typing status in the chat while slow work goes on. */
    public void typing() {
        replies.add(new Reply.Typing(in.chatId()));
    }

    public void toast(String text) {
        replies.add(new Reply.Toast(in.chatId(), in.callbackId(), text));
    }

    public Button button(String key, String data) {
        return new Button(t(key), data);
    }

    /** The answer to a command nobody here knows (or that the sender may not use). */
    public void unknownCommand(String name) {
        say(t("unknown.command", Html.escape(Texts.shorten("/" + name, 64))));
    }

    /** The replies so far; a press that got no toast gets an empty one, so its button stops spinning. */
    public List<Reply> replies() {
        boolean toasted = replies.stream().anyMatch(r -> r instanceof Reply.Toast);
        if (in.kind() == Incoming.Kind.CALLBACK && !toasted) {
            toast("");
        }
        return List.copyOf(replies);
    }
}
