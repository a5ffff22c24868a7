package coach.grading;

import coach.bank.Question.Claim;
import coach.bank.Question.Concept;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Catches a wrong number said with the right unit: when a claim's concept is a quantity ("30 天|30 days"), an answer
 * that names the claim's other concepts in one phrase with another number of that unit ("90 天") contradicts it.
 * Only quantities with a unit are compared, so a version number or a count of something else never is.
 */
final class Quantities {

    /**
     * What a claim says of a quantity: the place among the claim's concepts of the one whose every alias is a number
     * with a unit, those numbers, and their units.
     */
    record Expected(int concept, Set<String> numbers, Set<List<String>> units) {
    }

    private Quantities() {
    }

    /** The quantity a claim of two or more concepts states, worked out once per question; empty for any other. */
    static Optional<Expected> of(Claim claim) {
        if (claim.concepts().size() < 2) {
            return Optional.empty();
        }
        for (int c = 0; c < claim.concepts().size(); c++) {
            Set<String> numbers = new HashSet<>();
            Set<List<String>> units = new HashSet<>();
            if (read(claim.concepts().get(c), numbers, units)) {
                return Optional.of(new Expected(c, Set.copyOf(numbers), Set.copyOf(units)));
            }
        }
        return Optional.empty();
    }

    /** Reads each alias as a number and its unit; false when some alias is not one. */
    private static boolean read(Concept concept, Set<String> numbers, Set<List<String>> units) {
        for (String alias : concept.aliases()) {
            Text tokens = Text.of(alias);
            if (tokens.size < 2 || !isNumber(tokens.keys[0])) {
                return false;
            }
            List<String> unit = new ArrayList<>();
            for (int i = 1; i < tokens.size; i++) {
                if (isNumber(tokens.keys[i])) {
                    return false;
                }
                unit.add(tokens.keys[i]);
            }
            numbers.add(tokens.keys[0]);
            units.add(List.copyOf(unit));
        }
        return !concept.aliases().isEmpty();
    }

    /**
     * The clause where every other concept of the claim ({@code perConcept}, in the claim's order) occurs un-negated
     * in one phrase beside a number with one of the quantity's units but none of its numbers.
     */
    static Optional<Integer> mismatch(Expected expected, List<List<Grader.Occurrence>> perConcept, Text text) {
        for (int i = 0; i + 1 < text.size; i++) {
            if (!isNumber(text.keys[i]) || expected.numbers().contains(text.keys[i])
                    || !unitAt(text, i + 1, expected.units())) {
                continue;
            }
            int phrase = text.phrase[i];
            boolean others = true;
            for (int c = 0; c < perConcept.size() && others; c++) {
                others = c == expected.concept()
                        || perConcept.get(c).stream().anyMatch(o -> o.phrase() == phrase && !o.negated());
            }
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
