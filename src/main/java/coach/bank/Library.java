package coach.bank;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every loaded bank, looked up by topic and by question id. Immutable. */
public final class Library {

    private final Map<String, Bank> banks = new LinkedHashMap<>();
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final Map<String, List<Question>> easiestFirst = new LinkedHashMap<>();

    public Library(Collection<Bank> banks) {
        banks.stream()
                .sorted((a, b) -> a.topic().compareTo(b.topic()))
                .forEach(bank -> {
                    this.banks.put(bank.topic(), bank);
                    bank.questions().forEach(q -> questions.put(q.id(), q));
                    easiestFirst.put(bank.topic(), bank.questions().stream()
                            .sorted(Comparator.comparingInt(Question::difficulty)).toList());
                });
    }

    /** A topic's questions, easiest first, in bank order within each difficulty; empty for an unknown topic. */
    public List<Question> easiestFirst(String topic) {
        return easiestFirst.getOrDefault(topic, List.of());
    }

    public List<Bank> banks() {
        return List.copyOf(banks.values());
    }

    public List<String> topics() {
        return List.copyOf(banks.keySet());
    }

    public Optional<Bank> bank(String topic) {
        return Optional.ofNullable(banks.get(topic));
    }

    public Set<String> questionIds() {
        return Set.copyOf(questions.keySet());
    }

    /** A topic's title in the language, or its id when the topic is not in the banks (any more). */
    public String title(String topic, String language) {
        return bank(topic).map(b -> b.title().in(language)).orElse(topic);
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    public int size() {
        return questions.size();
    }
}
