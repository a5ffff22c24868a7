package coach.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A burst of private updates from many users, each doing what a learner does: {@code /question}, an answer, then
 * a press of "next question". Each user's three updates are far apart in the burst, as when many people practise
 * at once, and each costs the coach three messages into the chat, within Telegram's per-chat burst.
 */
final class UpdateMix {

    static final int UPDATES_PER_USER = 3;

    private final List<String> answers;

    /** {@code answers} are the texts users send, taken in turn. */
    UpdateMix(List<String> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("no answers");
        }
        this.answers = List.copyOf(answers);
    }

    /** The updates of users {@code firstUser} to {@code firstUser + users - 1}, in the order they are pushed. */
    List<ObjectNode> build(FakeBotApi api, long firstUser, int users) {
        List<ObjectNode> updates = new ArrayList<>(users * UPDATES_PER_USER);
        for (int u = 0; u < users; u++) {
            updates.add(api.text(firstUser + u, "/question"));
        }
        for (int u = 0; u < users; u++) {
            updates.add(api.text(firstUser + u, answers.get(u % answers.size())));
        }
        for (int u = 0; u < users; u++) {
            updates.add(api.press(firstUser + u, 1, "q"));
        }
        return updates;
    }
}
