-- Listing (InterviewStore.list): the facts an operator filters and pages on, as plain columns beside the state
-- document. None of them holds respondent text, so they stay readable when states are encrypted at rest.
ALTER TABLE interviews
    ADD COLUMN language     varchar(16),
    ADD COLUMN style        text,
    ADD COLUMN channel      varchar(512),
    ADD COLUMN stage        varchar(32),
    ADD COLUMN close_reason varchar(32);

-- The channel is the part of the channel key before its first ':' (InterviewSummary.channelOf).
UPDATE interviews SET channel = split_part(channel_key, ':', 1) WHERE position(':' in channel_key) > 1;

-- Plaintext states fill the other columns here; encrypted states (JSON strings) are filled by the store when it
-- starts, since only it holds the key. Until then a row lists from its state document.
UPDATE interviews
SET language     = state ->> 'language',
    style        = state ->> 'style',
    stage        = state ->> 'stage',
    close_reason = state ->> 'closeReason'
WHERE jsonb_typeof(state) = 'object';

-- Listing order: updated_at DESC, then id in byte order (COLLATE "C", whatever the database's collation), so the
-- keyset cursor and the index agree. The status index also serves findActiveIdleSince.
DROP INDEX interviews_status_updated_idx;
CREATE INDEX interviews_updated_idx ON interviews (updated_at DESC, id COLLATE "C" DESC);
CREATE INDEX interviews_status_updated_idx ON interviews (status, updated_at DESC, id COLLATE "C" DESC);
CREATE INDEX interviews_channel_updated_idx ON interviews (channel, updated_at DESC, id COLLATE "C" DESC);
CREATE INDEX interviews_created_idx ON interviews (created_at);
-- Rows the store still has to fill (encrypted states written before this migration): small, and empty once done.
CREATE INDEX interviews_unlisted_idx ON interviews (id) WHERE language IS NULL;
