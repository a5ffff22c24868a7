-- The sender reads only the first waiting call of each chat, so one chat's backlog never hides the others.
CREATE INDEX outbox_by_chat ON outbox (chat_id, priority, id);
