package coach.settings;

import coach.bank.Bank;
import coach.bank.Library;
import coach.chat.Command;
import coach.chat.Flow;
import coach.chat.Reply.Button;
import coach.chat.Turn;
import coach.user.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The topic picker: one button per topic, marked when subscribed; a press toggles it in place. */
public final class TopicsFlow implements Flow {

    private static final int PER_ROW = 2;

    private final Supplier<Library> library;
    private final UserStore users;

    public TopicsFlow(Supplier<Library> library, UserStore users) {
        this.library = library;
        this.users = users;
    }

    @Override
    public List<String> commands() {
        return List.of("topics");
    }

    @Override
    public List<String> buttons() {
        return List.of("t:");
    }

    @Override
    public void command(Turn turn, Command command) {
        show(turn);
    }

    @Override
    public void press(Turn turn, String data) {
        toggle(turn, data.substring(2));
    }

    void show(Turn turn) {
        turn.say(title(turn), keyboard(turn));
    }

    void toggle(Turn turn, String topic) {
        Optional<Bank> bank = library.get().bank(topic);
        if (bank.isEmpty()) {
            turn.toast(turn.t("topics.unknown"));
            return;
        }
        long userId = turn.user().userId();
        String title = bank.get().title().in(turn.language());
        if (users.subscriptions(userId).contains(topic)) {
            users.unsubscribe(userId, topic);
            turn.toast(turn.t("topics.unsubscribed", title));
        } else {
            users.subscribe(userId, List.of(topic));
            turn.toast(turn.t("topics.subscribed", title));
        }
        turn.edit(title(turn), keyboard(turn));
    }

    /** The picker's text, with each topic's id for /mock and /battle. */
    private String title(Turn turn) {
        return turn.t("topics.title", String.join(", ", library.get().topics()));
    }

    private List<List<Button>> keyboard(Turn turn) {
        Set<String> subscribed = users.subscriptions(turn.user().userId());
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (Bank bank : library.get().banks()) {
            String mark = subscribed.contains(bank.topic()) ? "✅ " : "▫️ ";
            row.add(new Button(mark + bank.title().in(turn.language()), "t:" + bank.topic()));
            if (row.size() == PER_ROW) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        rows.add(List.of(turn.button("button.next", "q")));
        return rows;
    }
}
