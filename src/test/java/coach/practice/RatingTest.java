package coach.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ratings from their callback codes and from scores. */
class RatingTest {

    @Test
    void scoreRatesKnewFromEightyAndPartlyFromForty() {
        assertEquals(Rating.KNEW, Rating.fromScore(100));
        assertEquals(Rating.KNEW, Rating.fromScore(80));
        assertEquals(Rating.PARTLY, Rating.fromScore(79));
        assertEquals(Rating.PARTLY, Rating.fromScore(40));
        assertEquals(Rating.DIDNT, Rating.fromScore(39));
        assertEquals(Rating.DIDNT, Rating.fromScore(0));
    }

    @Test
    void codesRoundTrip() {
        for (Rating rating : Rating.values()) {
            assertEquals(rating, Rating.of(rating.code()).orElseThrow());
        }
        assertEquals(java.util.Optional.empty(), Rating.of("3"));
    }
}
