-- Whether the user gets the weekly summary on their Sunday evening; on unless they send /weekly off.
ALTER TABLE users ADD COLUMN weekly INTEGER NOT NULL DEFAULT 1;

-- Whether the day's one unsolicited message carried the weekly summary.
ALTER TABLE deliveries ADD COLUMN summary INTEGER NOT NULL DEFAULT 0;
