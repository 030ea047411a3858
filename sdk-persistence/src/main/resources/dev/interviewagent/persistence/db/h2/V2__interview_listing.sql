-- Listing (InterviewStore.list): the same columns and indexes as the PostgreSQL migration. H2 cannot read JSON
-- documents in SQL, so the store fills language, style, stage and close_reason of existing rows when it starts.
ALTER TABLE interviews ADD COLUMN language varchar(16);
ALTER TABLE interviews ADD COLUMN style varchar;
ALTER TABLE interviews ADD COLUMN channel varchar(512);
ALTER TABLE interviews ADD COLUMN stage varchar(32);
ALTER TABLE interviews ADD COLUMN close_reason varchar(32);

-- The channel is the part of the channel key before its first ':' (InterviewSummary.channelOf).
UPDATE interviews SET channel = SUBSTRING(channel_key, 1, LOCATE(':', channel_key) - 1)
WHERE LOCATE(':', channel_key) > 1;

DROP INDEX interviews_status_updated_idx;
CREATE INDEX interviews_updated_idx ON interviews (updated_at DESC, id DESC);
CREATE INDEX interviews_status_updated_idx ON interviews (status, updated_at DESC, id DESC);
CREATE INDEX interviews_channel_updated_idx ON interviews (channel, updated_at DESC, id DESC);
CREATE INDEX interviews_created_idx ON interviews (created_at);
