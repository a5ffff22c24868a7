-- When each user's next daily question is due (epoch seconds, UTC); NULL until first computed.
ALTER TABLE users ADD COLUMN next_due_at INTEGER;
CREATE INDEX users_due ON users (next_due_at) WHERE active = 1 AND paused = 0;

-- One daily question per user per local calendar day, recorded with the question it carried.
CREATE TABLE deliveries (
    user_id      INTEGER NOT NULL REFERENCES users (user_id),
    day          TEXT    NOT NULL,
    question_id  TEXT,
    delivered_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, day)
);
