package coach.practice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The FSRS-5 schedule (Free Spaced Repetition Scheduler, the open-spaced-repetition reference algorithm Anki adopted,
 * MIT licensed) with its published default weights and a desired retention of 90%. The coach schedules whole days,
 * so it uses the long-term model only: a first rating sets stability and difficulty from the weights, every later one
 * updates them from the days elapsed. With 90% retention the interval in days equals the stability, rounded, from 1
 * to {@value #MAX_INTERVAL}.
 *
 * <pre>
 * R(t,S) = (1 + F·t/S)^-0.5, F = 19/81          D0(G) = w4 - e^(w5·(G-1)) + 1
 * S0(G) = w[G-1]                                D'(D,G) = w7·D0(4) + (1-w7)·(D - w6·(G-3)·(10-D)/9)
 * recall: S' = S·(1 + e^w8·(11-D)·S^-w9·(e^(w10·(1-R)) - 1)·(w15 if Hard)·(w16 if Easy))
 * lapse:  S' = w11·D^-w12·((S+1)^w13 - 1)·e^(w14·(1-R))
 * </pre>
 */
public final class Fsrs {

    /** FSRS-5 default weights w0..w18. */
    static final double[] W = {0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
            1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621};
    static final double DECAY = -0.5;
    static final double FACTOR = Math.pow(0.9, 1 / DECAY) - 1;
    static final double RETENTION = 0.9;
    static final int MAX_INTERVAL = 36_500;

    private Fsrs() {
    }

    /** The review after rating a question today; {@code previous} is null the first time. */
    public static Review next(Review previous, Rating rating, LocalDate today) {
        int g = rating.grade();
        double stability;
        double difficulty;
        if (previous == null) {
            stability = W[g - 1];
            difficulty = initialDifficulty(g);
        } else {
            long elapsed = Math.max(0, ChronoUnit.DAYS.between(previous.reviewed(), today));
            double r = retrievability(elapsed, previous.stability());
            stability = g == 1 ? forgetStability(previous.difficulty(), previous.stability(), r)
                    : recallStability(previous.difficulty(), previous.stability(), r, g);
            difficulty = nextDifficulty(previous.difficulty(), g);
        }
        int reps = previous == null ? 1 : previous.reps() + 1;
        return new Review(stability, difficulty, today, today.plusDays(interval(stability)), reps);
    }

    /** Days until the next review for a stability: the day retrievability falls to the desired retention. */
    static int interval(double stability) {
        double days = stability / FACTOR * (Math.pow(RETENTION, 1 / DECAY) - 1);
        return (int) Math.min(MAX_INTERVAL, Math.max(1, Math.round(days)));
    }

    static double retrievability(long elapsedDays, double stability) {
        return Math.pow(1 + FACTOR * elapsedDays / stability, DECAY);
    }

    static double initialDifficulty(int g) {
        return clamp(W[4] - Math.exp(W[5] * (g - 1)) + 1);
    }

    static double nextDifficulty(double d, int g) {
        double damped = d - W[6] * (g - 3) * (10 - d) / 9;
        return clamp(W[7] * initialDifficulty(4) + (1 - W[7]) * damped);
    }

    static double recallStability(double d, double s, double r, int g) {
        double hard = g == 2 ? W[15] : 1;
        double easy = g == 4 ? W[16] : 1;
        return s * (1 + Math.exp(W[8]) * (11 - d) * Math.pow(s, -W[9]) * (Math.exp(W[10] * (1 - r)) - 1) * hard * easy);
    }

    static double forgetStability(double d, double s, double r) {
        return W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1) * Math.exp(W[14] * (1 - r));
    }

    private static double clamp(double d) {
        return Math.min(10, Math.max(1, d));
    }
}
