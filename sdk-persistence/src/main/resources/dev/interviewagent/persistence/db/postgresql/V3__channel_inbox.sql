-- Channel inbox (ChannelInbox, JdbcChannelInbox): inbound messages a channel stored before acknowledging them to
-- their source, deleted once handled. The processed_messages row with the same (scope, message_id), written in the
-- same transaction, is the de-duplication record and outlives this row for the de-duplication window.
CREATE TABLE channel_inbox (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope       varchar(128) NOT NULL,
    message_id  varchar(256) NOT NULL,
    payload     text NOT NULL,
    received_at timestamptz NOT NULL,
    CONSTRAINT channel_inbox_message_uq UNIQUE (scope, message_id)
);
CREATE INDEX channel_inbox_scope_seq_idx ON channel_inbox (scope, seq);
