package coach.grading;

import coach.bank.Question.Claim;
import coach.bank.Question.Concept;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Catches a wrong number said with the right unit: when a claim's concept is a quantity ("30 天|30 days"), an answer
 * that names the claim's other concepts in one phrase with another number of that unit ("90 天") contradicts it.
 * Only quantities with a unit are compared, so a version number or a count of something else never is.
 */
final class Quantities {

    /** A number and the unit tokens after it, as an alias spells them. */
    record Quantity(String number, List<String> unit) {
    }

    private Quantities() {
    }

    /** The quantities of a concept whose every alias is a number with a unit; empty for any other concept. */
    static List<Quantity> of(Concept concept) {
        List<Quantity> quantities = new ArrayList<>();
        for (String alias : concept.aliases()) {
            Text tokens = Text.of(alias);
            if (tokens.size < 2 || !isNumber(tokens.keys[0])) {
                return List.of();
            }
            List<String> unit = new ArrayList<>();
            for (int i = 1; i < tokens.size; i++) {
                if (isNumber(tokens.keys[i])) {
                    return List.of();
                }
                unit.add(tokens.keys[i]);
            }
            quantities.add(new Quantity(tokens.keys[0], unit));
        }
        return quantities;
    }

    /**
     * The clause quote where every other concept of the claim occurs un-negated in one phrase beside a number with
     * one of the quantity's units but none of its numbers.
     */
    static Optional<Integer> mismatch(Claim claim, Map<Concept, List<Grader.Occurrence>> occurrences, Text text) {
        List<Quantity> expected = List.of();
        Concept quantity = null;
        for (Concept c : claim.concepts()) {
            List<Quantity> q = of(c);
            if (!q.isEmpty()) {
                expected = q;
                quantity = c;
                break;
            }
        }
        if (quantity == null || claim.concepts().size() < 2) {
            return Optional.empty();
        }
        Set<List<String>> units = expected.stream().map(Quantity::unit).collect(Collectors.toSet());
        Set<String> numbers = expected.stream().map(Quantity::number).collect(Collectors.toSet());
        for (int i = 0; i + 1 < text.size; i++) {
            if (!isNumber(text.keys[i]) || numbers.contains(text.keys[i]) || !unitAt(text, i + 1, units)) {
                continue;
            }
            int phrase = text.phrase[i];
            Concept skip = quantity;
            boolean others = claim.concepts().stream().filter(c -> c != skip).allMatch(c ->
                    occurrences.get(c).stream().anyMatch(o -> o.phrase() == phrase && !o.negated()));
            if (others) {
                return Optional.of(text.clause[i]);
            }
        }
        return Optional.empty();
    }

    private static boolean unitAt(Text text, int at, Set<List<String>> units) {
        for (List<String> unit : units) {
            boolean all = at + unit.size() <= text.size;
            for (int k = 0; all && k < unit.size(); k++) {
                all = text.keys[at + k].equals(unit.get(k));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String key) {
        return !key.isEmpty() && key.chars().allMatch(Character::isDigit);
    }
}
