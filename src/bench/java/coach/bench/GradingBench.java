package coach.bench;

import coach.bank.Library;
import coach.bank.Question;
import coach.grading.Grader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times {@link Grader#grade} one call at a time over every shipped question with three answers each: the
 * reference answer, its first half, and random text of the same length; after a warm-up that lets the JIT compile it.
 */
public final class GradingBench {

    private static final int WARM_UP_PASSES = 30;
    private static final int MEASURED_PASSES = 20;
    private static final String RANDOM_ALPHABET =
            "abcdefghijklmnopqrstuvwxyz      0123456789的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主";

    private final Grader grader = new Grader();
    private final List<Sample> samples;

    /** Per-answer timing in nanoseconds over {@code answers} gradings. */
    public record Result(long p50Nanos, long p99Nanos, long maxNanos, int answers, int questions) {
    }

    private record Sample(Question question, String answer) {
    }

    public GradingBench(Library library) {
        this.samples = samples(library, new Random(7));
    }

    private static List<Sample> samples(Library library, Random random) {
        List<Sample> out = new ArrayList<>();
        library.banks().forEach(bank -> bank.questions().forEach(q -> {
            String half = q.answer().substring(0, q.answer().length() / 2);
            out.add(new Sample(q, q.answer()));
            out.add(new Sample(q, half));
            out.add(new Sample(q, randomText(random, Math.max(20, half.length()))));
        }));
        return List.copyOf(out);
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(RANDOM_ALPHABET.charAt(random.nextInt(RANDOM_ALPHABET.length())));
        }
        return text.toString();
    }

    public Result run() {
        long checksum = 0;
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (Sample s : samples) {
                checksum += grader.grade(s.question(), s.answer()).score();
            }
        }
        long[] nanos = new long[samples.size() * MEASURED_PASSES];
        int i = 0;
        for (int pass = 0; pass < MEASURED_PASSES; pass++) {
            for (Sample s : samples) {
                long start = System.nanoTime();
                checksum += grader.grade(s.question(), s.answer()).score();
                nanos[i++] = System.nanoTime() - start;
            }
        }
        if (checksum < 0) {
            throw new IllegalStateException("scores are never negative");
        }
        Percentiles p = Percentiles.of(nanos);
        return new Result(p.at(50), p.at(99), p.at(100), p.count(), samples.size() / 3);
    }
}
