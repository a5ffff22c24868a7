-- Answers waiting for the model, stored in the transaction of the update that brought them, so that none is lost in
-- a crash: the grading worker applies each result and deletes its row in one transaction. flow names who applies
-- it: 'practice' (asked_id is the open question answered) or 'mock' (mock_id and position are the item answered).
CREATE TABLE pending_gradings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (user_id),
    chat_id     INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    flow        TEXT    NOT NULL CHECK (flow IN ('practice', 'mock')),
    asked_id    INTEGER,
    mock_id     INTEGER,
    position    INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX pending_gradings_by_user ON pending_gradings (user_id);

-- Model gradings counted per user and local day (the user's own calendar), for grading.llm.perUserPerDay.
CREATE TABLE model_budget (
    user_id INTEGER NOT NULL,
    day     TEXT    NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (user_id, day)
);
