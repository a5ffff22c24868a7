package coach.battle;

import coach.bank.Question;
import coach.chat.Html;
import coach.chat.Reply.Button;
import coach.chat.Texts;
import java.util.ArrayList;
import java.util.List;

/** The messages of a battle: a round with its countdown and buttons, a round's result, and the scoreboards. */
final class BattleView {

    private static final String LETTERS = "ABCD";

    private final Texts texts;

    BattleView(Texts texts) {
        this.texts = texts;
    }

    String round(Battle battle, Question question, String topicTitle, int secondsLeft) {
        StringBuilder out = new StringBuilder(header(battle.language(), topicTitle, battle.round(), battle.rounds()))
                .append("\n\n").append(Html.escape(question.question())).append('\n');
        List<String> options = question.quiz().options();
        for (int i = 0; i < options.size(); i++) {
            out.append('\n').append(Html.bold(letter(i) + ".")).append(' ').append(Html.escape(options.get(i)));
        }
        return out.append("\n\n").append(texts.get(battle.language(), "battle.countdown", secondsLeft)).toString();
    }

    /** One row of buttons, a letter an option; the data names the battle, round and option. */
    List<List<Button>> buttons(Battle battle, Question question) {
        List<Button> row = new ArrayList<>();
        for (int i = 0; i < question.quiz().options().size(); i++) {
            row.add(new Button(letter(i), Presses.data(battle.id(), battle.round(), i)));
        }
        return List.of(row);
    }

    String result(Battle battle, int round, Question question, String topicTitle, BattleStore.Tally tally) {
        StringBuilder out = new StringBuilder(header(battle.language(), topicTitle, round, battle.rounds()))
                .append("\n\n").append(Html.escape(question.question())).append('\n');
        List<String> options = question.quiz().options();
        for (int i = 0; i < options.size(); i++) {
            boolean right = i == question.quiz().correct();
            out.append('\n').append(right ? "✅ " : "▫️ ").append(Html.bold(letter(i) + ".")).append(' ')
                    .append(Html.escape(options.get(i))).append(" · ").append(texts.get(battle.language(), "battle.chosen", tally.of(i)));
        }
        String explanation = question.quiz().explanation();
        if (explanation != null && !explanation.isBlank()) {
            out.append("\n\n💡 ").append(Html.escape(explanation));
        }
        if (!question.links().isEmpty()) {
            Question.Link link = question.links().get(0);
            out.append("\n📖 ").append(Html.link(link.title(), link.url()));
        }
        return out.toString();
    }

    String scoreboard(Battle battle, List<BattleStore.Standing> standings, boolean stopped) {
        String language = battle.language();
        StringBuilder out = new StringBuilder(texts.get(language, stopped ? "battle.over.stopped" : "battle.over"));
        if (standings.isEmpty()) {
            return out.append('\n').append(texts.get(language, "battle.nobody")).toString();
        }
        for (int i = 0; i < standings.size(); i++) {
            BattleStore.Standing s = standings.get(i);
            out.append('\n').append(texts.get(language, "battle.standing", medal(i), Html.escape(s.name()), s.points(),
                    s.correct()));
        }
        return out.append('\n').append(texts.get(language, "battle.winner", Html.escape(standings.get(0).name())))
                .toString();
    }

    String leaderboard(String language, List<BattleStore.Standing> week, List<BattleStore.Standing> allTime) {
        if (allTime.isEmpty()) {
            return texts.get(language, "top.empty");
        }
        StringBuilder out = new StringBuilder(texts.get(language, "top.title"));
        out.append("\n\n").append(texts.get(language, "top.week"));
        appendStandings(out, language, week);
        out.append("\n\n").append(texts.get(language, "top.all"));
        appendStandings(out, language, allTime);
        return out.toString();
    }

    private void appendStandings(StringBuilder out, String language, List<BattleStore.Standing> standings) {
        if (standings.isEmpty()) {
            out.append('\n').append(texts.get(language, "top.none"));
        }
        for (int i = 0; i < standings.size(); i++) {
            BattleStore.Standing s = standings.get(i);
            out.append('\n').append(texts.get(language, "top.line", medal(i), Html.escape(s.name()), s.points()));
        }
    }

    private String header(String language, String topicTitle, int round, int rounds) {
        return texts.get(language, "battle.header", Html.escape(topicTitle), round, rounds);
    }

    private static String medal(int place) {
        return switch (place) {
            case 0 -> "🥇";
            case 1 -> "🥈";
            case 2 -> "🥉";
            default -> (place + 1) + ".";
        };
    }

    static String letter(int option) {
        return String.valueOf(LETTERS.charAt(option));
    }
}
