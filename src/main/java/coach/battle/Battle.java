package coach.battle;

import java.util.List;

/**
 * A quiz battle in one chat: its questions, one per round, and where it stands. Times are epoch milliseconds.
 * {@code messageId} is the current round's message once Telegram has accepted it, and null until then.
 */
record Battle(
        long id,
        long chatId,
        String topic,
        String language,
        List<String> questions,
        int round,
        long roundStartedAt,
        long roundEndsAt,
        Integer messageId,
        int shownSeconds,
        long lastEditAt,
        Status status,
        long nextRoundAt) {

    /** A round is open for presses, the battle waits between rounds, or it is over. */
    enum Status { PLAYING, BETWEEN, FINISHED }

    Battle {
        questions = List.copyOf(questions);
    }

    int rounds() {
        return questions.size();
    }

    String question() {
        return questions.get(round - 1);
    }

    boolean lastRound() {
        return round >= questions.size();
    }
}
