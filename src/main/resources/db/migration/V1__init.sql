-- Users of the private-chat coach. In a private chat the chat id equals the user id.
CREATE TABLE users (
    user_id        INTEGER PRIMARY KEY,
    chat_id        INTEGER NOT NULL,
    first_name     TEXT    NOT NULL DEFAULT '',
    language       TEXT    NOT NULL,
    zone           TEXT    NOT NULL,
    daily_time     TEXT    NOT NULL,
    paused         INTEGER NOT NULL DEFAULT 0,
    active         INTEGER NOT NULL DEFAULT 1,
    awaiting       TEXT,
    created_at     INTEGER NOT NULL
);

CREATE TABLE subscriptions (
    user_id INTEGER NOT NULL REFERENCES users (user_id),
    topic   TEXT    NOT NULL,
    PRIMARY KEY (user_id, topic)
);

-- Every question put to a user, with what became of it.
CREATE TABLE asked (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (user_id),
    question_id TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    asked_at    INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('open', 'answered', 'skipped', 'closed')),
    answer      TEXT,
    score       INTEGER,
    answered_at INTEGER,
    rating      INTEGER
);
CREATE INDEX asked_by_user ON asked (user_id, status);
CREATE INDEX asked_by_user_question ON asked (user_id, question_id);

-- Spaced repetition state per user and question; due_day is the user's local date.
CREATE TABLE reviews (
    user_id      INTEGER NOT NULL REFERENCES users (user_id),
    question_id  TEXT    NOT NULL,
    repetitions  INTEGER NOT NULL,
    interval_days INTEGER NOT NULL,
    ease         REAL    NOT NULL,
    due_day      TEXT    NOT NULL,
    PRIMARY KEY (user_id, question_id)
);
CREATE INDEX reviews_due ON reviews (user_id, due_day);

-- Local calendar days on which a user answered at least one question.
CREATE TABLE answer_days (
    user_id INTEGER NOT NULL REFERENCES users (user_id),
    day     TEXT    NOT NULL,
    PRIMARY KEY (user_id, day)
);

CREATE TABLE reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL,
    question_id TEXT,
    text        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    status      TEXT    NOT NULL DEFAULT 'open'
);

-- Long polling: the next offset to ask for, and the update ids already handled.
CREATE TABLE poll_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    next_offset INTEGER NOT NULL
);
INSERT INTO poll_state (id, next_offset) VALUES (1, 0);

CREATE TABLE handled_updates (
    update_id  INTEGER PRIMARY KEY,
    handled_at INTEGER NOT NULL
);

-- Every outgoing Bot API call waits here until Telegram has accepted it.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL,
    priority   INTEGER NOT NULL,
    payload    TEXT    NOT NULL,
    not_before INTEGER NOT NULL DEFAULT 0,
    attempts   INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX outbox_next ON outbox (priority, id);
