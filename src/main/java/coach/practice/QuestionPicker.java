package coach.practice;

import coach.bank.Bank;
import coach.bank.Library;
import coach.bank.Question;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses the next question: a due review first, then a question not seen yet from the subscribed topics (for a new
 * user, among the easiest of them), and once those are exhausted the one asked longest ago.
 */
public final class QuestionPicker {

    /** A user who has seen fewer questions than this gets the easiest unseen ones first. */
    static final int EASY_START = 3;

    private final PracticeStore store;
    private final RandomGenerator random;

    public QuestionPicker(PracticeStore store, RandomGenerator random) {
        this.store = store;
        this.random = random;
    }

    public Optional<Question> next(Library library, long userId, Collection<String> topics, LocalDate today) {
        for (String id : store.dueReviews(userId, today)) {
            Optional<Question> q = library.question(id).filter(x -> topics.contains(x.topic()));
            if (q.isPresent()) {
                return q;
            }
        }
        Set<String> seen = store.seen(userId);
        Optional<Question> fresh = seen.size() < EASY_START ? easiestUnseen(library, topics, seen)
                : anyUnseen(library, topics, seen);
        if (fresh.isPresent()) {
            return fresh;
        }
        return store.leastRecentlyAsked(userId).stream()
                .map(library::question)
                .flatMap(Optional::stream)
                .filter(q -> topics.contains(q.topic()))
                .findFirst();
    }

    /**
     * Up to {@code n} different questions for a mock interview: unseen ones first in random order, then the ones
     * asked longest ago.
     */
    public List<Question> several(Library library, long userId, Collection<String> topics, int n) {
        Set<String> seen = store.seen(userId);
        List<Question> fresh = new ArrayList<>();
        for (String topic : topics) {
            questions(library, topic).stream().filter(q -> !seen.contains(q.id())).forEach(fresh::add);
        }
        shuffle(fresh);
        List<Question> picked = new ArrayList<>(fresh.subList(0, Math.min(n, fresh.size())));
        int rest = n - picked.size();
        store.leastRecentlyAsked(userId).stream()
                .map(library::question)
                .flatMap(Optional::stream)
                .filter(q -> topics.contains(q.topic()))
                .limit(rest)
                .forEach(picked::add);
        return picked;
    }

    /**
     * A question of the topics not seen yet, each equally likely, drawn by its place in topic then bank order. Counts,
     * then walks to the one drawn: nothing is copied, though a new user's topics hold hundreds.
     */
    private Optional<Question> anyUnseen(Library library, Collection<String> topics, Set<String> seen) {
        int count = 0;
        for (String topic : topics) {
            count += questions(library, topic).size();
        }
        for (String id : seen) {
            count -= library.question(id).filter(q -> topics.contains(q.topic())).isPresent() ? 1 : 0;
        }
        if (count <= 0) {
            return Optional.empty();
        }
        int drawn = random.nextInt(count);
        for (String topic : topics) {
            for (Question q : questions(library, topic)) {
                if (!seen.contains(q.id()) && drawn-- == 0) {
                    return Optional.of(q);
                }
            }
        }
        throw new IllegalStateException("the questions changed while one was drawn");
    }

    /** The same among the easiest unseen questions, looking only as far as their difficulty in each topic. */
    private Optional<Question> easiestUnseen(Library library, Collection<String> topics, Set<String> seen) {
        int lowest = Integer.MAX_VALUE;
        for (String topic : topics) {
            for (Question q : library.easiestFirst(topic)) {
                if (q.difficulty() >= lowest) {
                    break;
                }
                if (!seen.contains(q.id())) {
                    lowest = q.difficulty();
                    break;
                }
            }
        }
        int count = 0;
        for (String topic : topics) {
            count += atLevel(library.easiestFirst(topic), lowest, seen, -1);
        }
        if (count == 0) {
            return Optional.empty();
        }
        int drawn = random.nextInt(count);
        for (String topic : topics) {
            List<Question> level = library.easiestFirst(topic);
            int here = atLevel(level, lowest, seen, drawn);
            if (here < 0) {
                return Optional.of(level.get(-here - 1));
            }
            drawn -= here;
        }
        throw new IllegalStateException("the questions changed while one was drawn");
    }

    /**
     * The unseen questions of difficulty {@code level} in a topic's easiest-first list: how many there are, or, when
     * the {@code index}-th of them is among them, {@code -(its place in the list) - 1}.
     */
    private static int atLevel(List<Question> easiestFirst, int level, Set<String> seen, int index) {
        int count = 0;
        for (int i = 0; i < easiestFirst.size() && easiestFirst.get(i).difficulty() <= level; i++) {
            Question q = easiestFirst.get(i);
            if (q.difficulty() == level && !seen.contains(q.id())) {
                if (count == index) {
                    return -i - 1;
                }
                count++;
            }
        }
        return count;
    }

    private static List<Question> questions(Library library, String topic) {
        return library.bank(topic).map(Bank::questions).orElse(List.of());
    }

    private void shuffle(List<Question> questions) {
        for (int i = questions.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            questions.set(j, questions.set(i, questions.get(j)));
        }
    }
}
