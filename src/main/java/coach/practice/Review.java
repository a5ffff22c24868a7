package coach.practice;

import java.time.LocalDate;

/** Spaced-repetition state of one question for one user; {@code due} is a date on the user's calendar. */
public record Review(int repetitions, int intervalDays, double ease, LocalDate due) {
}
