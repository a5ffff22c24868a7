-- FSRS replaces SM-2. A review keeps FSRS's memory state (stability in days, difficulty 1..10), the day of the
-- latest review and the day it is due, and the state before the latest review, so that a rating pressed after an
-- answer replaces the rating its score gave instead of counting as a second review.
-- SM-2 reviews carry over: the interval becomes the stability (at 90% retention FSRS's interval is the stability),
-- the ease becomes the difficulty (2.5, SM-2's start, is 4; 1.3, its floor, is 10), the last review is the due day
-- less the interval, and the due day stays.
CREATE TABLE fsrs_reviews (
    user_id             INTEGER NOT NULL REFERENCES users (user_id),
    question_id         TEXT    NOT NULL,
    stability           REAL    NOT NULL,
    difficulty          REAL    NOT NULL,
    reviewed_day        TEXT    NOT NULL,
    due_day             TEXT    NOT NULL,
    reps                INTEGER NOT NULL,
    before_stability    REAL,
    before_difficulty   REAL,
    before_reviewed_day TEXT,
    before_due_day      TEXT,
    before_reps         INTEGER,
    PRIMARY KEY (user_id, question_id)
);

INSERT INTO fsrs_reviews (user_id, question_id, stability, difficulty, reviewed_day, due_day, reps)
SELECT user_id, question_id,
       MAX(interval_days, 1),
       MIN(10.0, MAX(1.0, 10.0 - (ease - 1.3) * 5.0)),
       date(due_day, '-' || MAX(interval_days, 1) || ' days'),
       due_day,
       MAX(repetitions, 1)
FROM reviews;

DROP TABLE reviews;
ALTER TABLE fsrs_reviews RENAME TO reviews;
CREATE INDEX reviews_due ON reviews (user_id, due_day);
