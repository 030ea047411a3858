-- Interview store schema for PostgreSQL (sdk-persistence). Applied by Flyway; never edit a released migration.

-- Current state of each interview: one row, optimistic locking by version. The document is the InterviewCodec JSON
-- (or, with encryption at rest, a JSON string "enc:v1:<keyId>:<base64>").
CREATE TABLE interviews (
    id          varchar(64)  PRIMARY KEY,
    version     bigint       NOT NULL,
    status      varchar(32)  NOT NULL,
    channel_key varchar(512),
    turn_count  integer      NOT NULL,
    state       jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    ended_at    timestamptz
);
CREATE INDEX interviews_channel_key_idx ON interviews (channel_key, created_at);
CREATE INDEX interviews_status_updated_idx ON interviews (status, updated_at);
CREATE INDEX interviews_ended_idx ON interviews (ended_at) WHERE status <> 'active';

-- Append-only turn log. (interview_id, message_id) is unique: a respondent message is stored once (idempotency).
CREATE TABLE turns (
    interview_id varchar(64)  NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    number       integer      NOT NULL,
    role         varchar(16)  NOT NULL,
    kind         varchar(16)  NOT NULL,
    stage        varchar(32)  NOT NULL,
    modality     varchar(16)  NOT NULL,
    text         text         NOT NULL,
    at           timestamptz  NOT NULL,
    confidence   double precision,
    message_id   varchar(128),
    reply_to     varchar(128),
    move         varchar(64),
    depth        smallint     NOT NULL,
    phrased_by   varchar(128),
    fallback     boolean      NOT NULL,
    PRIMARY KEY (interview_id, number),
    CONSTRAINT turns_message_id_uq UNIQUE (interview_id, message_id)
);

-- Final reports archived by the host (opaque blobs; encrypted like answers when encryption is on).
CREATE TABLE reports (
    interview_id varchar(64) PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    report_json  text        NOT NULL,
    markdown     text        NOT NULL,
    archived_at  timestamptz NOT NULL
);

-- Inbound message ids a channel has processed (de-duplication before an interview is known), with expiry.
CREATE TABLE processed_messages (
    scope       varchar(128) NOT NULL,
    message_id  varchar(256) NOT NULL,
    expires_at  timestamptz  NOT NULL,
    PRIMARY KEY (scope, message_id)
);
CREATE INDEX processed_messages_expires_idx ON processed_messages (expires_at);

-- Knowledge items, one row per item, read from the state document (plaintext states only). A view costs nothing on
-- the write path and cannot drift from the state the engine works with.
CREATE VIEW knowledge_items AS
SELECT i.id                       AS interview_id,
       k.ordinality::integer      AS position,
       k.item ->> 'kind'          AS kind,
       k.item ->> 'stage'         AS stage,
       (k.item ->> 'turn')::integer AS turn,
       k.item ->> 'source'        AS source,
       k.item ->> 'text'          AS text,
       k.item                     AS item
FROM interviews i
CROSS JOIN LATERAL jsonb_array_elements(
        CASE WHEN jsonb_typeof(i.state) = 'object' THEN i.state -> 'knowledge' ELSE '[]'::jsonb END)
        WITH ORDINALITY AS k(item, ordinality);
