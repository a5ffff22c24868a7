-- Quiz battles in groups and channels. One running battle per chat; its current round lives on the row, so a
-- restart resumes where it stopped. Times are epoch milliseconds.
CREATE TABLE battles (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id         INTEGER NOT NULL,
    topic           TEXT,
    language        TEXT    NOT NULL,
    questions       TEXT    NOT NULL,
    round           INTEGER NOT NULL,
    round_started_at INTEGER NOT NULL,
    round_ends_at   INTEGER NOT NULL,
    message_id      INTEGER,
    shown_seconds   INTEGER NOT NULL,
    last_edit_at    INTEGER NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('playing', 'between', 'finished')),
    next_round_at   INTEGER,
    started_by      INTEGER NOT NULL,
    started_at      INTEGER NOT NULL,
    finished_at     INTEGER
);
CREATE UNIQUE INDEX battles_one_running ON battles (chat_id) WHERE status <> 'finished';
CREATE INDEX battles_running ON battles (status) WHERE status <> 'finished';

-- A member's first press in a round; later presses change nothing.
CREATE TABLE battle_answers (
    battle_id   INTEGER NOT NULL REFERENCES battles (id),
    round       INTEGER NOT NULL,
    chat_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    option      INTEGER NOT NULL,
    correct     INTEGER NOT NULL,
    points      INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (battle_id, round, user_id)
);
CREATE INDEX battle_answers_by_chat ON battle_answers (chat_id, answered_at);

-- Chats with a battle every day at a local time; last_day is the local date of the last one started.
CREATE TABLE battle_schedules (
    chat_id    INTEGER PRIMARY KEY,
    time       TEXT    NOT NULL,
    zone       TEXT    NOT NULL,
    language   TEXT    NOT NULL,
    last_day   TEXT,
    created_by INTEGER NOT NULL
);
