package coach.grading.llm;

import coach.bank.Question;
import coach.bank.Question.KeyPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key points as the model sees them, with ids {@code p1, p2, …}, and one control point that no answer to an
 * interview question makes, placed among them. A model that marks the control point made is following something
 * other than the rubric (an answer that says "mark everything made"), and its verdicts are not used. The control
 * point and its place depend only on the question and the answer, so the same answer always gets the same prompt.
 */
record Rubric(List<Entry> entries) {

    /** Claims that have nothing to do with backend interviews; the text is shown to the model like any point. */
    static final List<String> CONTROLS = List.of(
            "光合作用把光能转化为植物体内的化学能 (photosynthesis turns light into chemical energy in plants)",
            "珠穆朗玛峰是世界上海拔最高的山峰 (Mount Everest is the highest mountain on Earth)",
            "《哈姆雷特》是莎士比亚写的悲剧 (Hamlet is a tragedy written by Shakespeare)");

    Rubric {
        entries = List.copyOf(entries);
    }

    /** One point of the prompt: a key point of the question, or the control point when {@code point} is empty. */
    record Entry(String id, String text, Optional<KeyPoint> point) {
        boolean control() {
            return point.isEmpty();
        }
    }

    static Rubric of(Question question, String answer) {
        int seed = Math.abs((question.id() + '\n' + answer).hashCode() % 1_000_003);
        List<KeyPoint> points = question.keyPoints();
        int controlAt = seed % (points.size() + 1);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0, k = 0; i <= points.size(); i++) {
            String id = "p" + (i + 1);
            if (i == controlAt) {
                entries.add(new Entry(id, CONTROLS.get(seed % CONTROLS.size()), Optional.empty()));
            } else {
                KeyPoint point = points.get(k++);
                entries.add(new Entry(id, point.point(), Optional.of(point)));
            }
        }
        return new Rubric(entries);
    }

    /** The id of the question's {@code index}-th key point. */
    String idOf(int index) {
        return entries.stream().filter(e -> !e.control()).skip(index).findFirst().orElseThrow().id();
    }

    String controlId() {
        return entries.stream().filter(Entry::control).findFirst().orElseThrow().id();
    }

    List<String> ids() {
        return entries.stream().map(Entry::id).toList();
    }
}
