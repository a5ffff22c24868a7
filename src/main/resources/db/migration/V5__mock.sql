-- Mock interviews: a fixed list of questions asked one after another, then a report card.
-- At most one mock runs per user; its state lives here so a restart resumes it.
CREATE TABLE mocks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (user_id),
    topic       TEXT,
    status      TEXT    NOT NULL CHECK (status IN ('running', 'finished', 'stopped')),
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER
);
CREATE UNIQUE INDEX mocks_running ON mocks (user_id) WHERE status = 'running';
CREATE INDEX mocks_by_user ON mocks (user_id);

-- The questions of a mock in order. An answered or skipped item points at its row in asked, so mock answers
-- count in the practice history; 'dropped' marks a question withdrawn from the banks or left open by a stop.
CREATE TABLE mock_items (
    mock_id     INTEGER NOT NULL REFERENCES mocks (id),
    position    INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('pending', 'open', 'answered', 'skipped', 'dropped')),
    asked_at    INTEGER,
    asked_id    INTEGER REFERENCES asked (id),
    score       INTEGER,
    PRIMARY KEY (mock_id, position)
);

-- Key points a mock answer missed, for the report card's "missed most often".
CREATE TABLE mock_missed (
    mock_id  INTEGER NOT NULL REFERENCES mocks (id),
    position INTEGER NOT NULL,
    point    TEXT    NOT NULL
);
CREATE INDEX mock_missed_by_mock ON mock_missed (mock_id);

-- Admin statistics count answers in a time window.
CREATE INDEX asked_answered_at ON asked (answered_at);
