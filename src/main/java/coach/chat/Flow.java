package coach.chat;

import java.util.List;

/**
 * One feature of the private chat: the commands it answers, the button data it answers, and its handlers. The engine
 * routes each event to one flow; the command menu and /help list the flows' commands in the flows' order.
 */
public interface Flow {

    /**
     * Longest answer accepted: under Telegram's message limit of 4,096 characters by more than clients give up to
     * cut a long text at a word boundary, so that any text that might be the first part of a split one is refused
     * whole (see the engine's handling of split messages).
     */
    int MAX_ANSWER = 3800;

    /** The commands it answers, without the slash. */
    List<String> commands();

    /** The commands the menu and /help show; all of {@link #commands} unless some are for few people. */
    default List<String> menu() {
        return commands();
    }

    /** The starts of the button data it answers. */
    default List<String> buttons() {
        return List.of();
    }

    /**
     * True while the user is in the middle of this flow (a running mock, a report being written): free text goes to
     * it, and so do the commands and buttons in {@link #whileBusy} whoever else owns them.
     */
    default boolean busy(Turn turn) {
        return false;
    }

    /** Commands and button data it takes over while {@link #busy}. */
    default List<String> whileBusy() {
        return List.of();
    }

    /** Answers one of its commands (or one it takes over while busy). */
    void command(Turn turn, Command command);

    /** Answers a press of one of its buttons (or one it takes over while busy); {@code data} is whole. */
    default void press(Turn turn, String data) {
        turn.toast(turn.t("rate.stale"));
    }

    /** Answers free text: while busy, or, for the first flow of the engine, when no flow is busy. */
    default void answer(Turn turn, String text) {
        turn.say(turn.t("no.question"));
    }

    /** The slow work of a command, before its transaction; results go to {@link Turn#prework()}. */
    default void prepare(Turn turn, Command command) {
    }

    /** The slow work of free text this flow will answer, before its transaction. */
    default void prepareAnswer(Turn turn, String text) {
    }
}
