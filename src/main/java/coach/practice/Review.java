package coach.practice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * FSRS memory state of one question for one user: stability (days until recall falls to 90%), difficulty (1 to 10),
 * the day of the latest review and the day it is due again, both on the user's calendar, and how many reviews so far.
 */
public record Review(double stability, double difficulty, LocalDate reviewed, LocalDate due, int reps) {

    /** Days from the review to the day it is due. */
    public int intervalDays() {
        return (int) ChronoUnit.DAYS.between(reviewed, due);
    }
}
