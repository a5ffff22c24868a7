-- The sender asks for the earliest moment a waiting call is due after every pass; an index answers at once.
CREATE INDEX outbox_due ON outbox (not_before);
