-- Interview store schema for the embedded H2 database (PostgreSQL compatibility mode). The same tables and columns
-- as the PostgreSQL migration; documents are text instead of jsonb, and there is no knowledge_items view.
CREATE TABLE interviews (
    id          varchar(64)  PRIMARY KEY,
    version     bigint       NOT NULL,
    status      varchar(32)  NOT NULL,
    channel_key varchar(512),
    turn_count  integer      NOT NULL,
    state       clob         NOT NULL,
    created_at  timestamp with time zone NOT NULL,
    updated_at  timestamp with time zone NOT NULL,
    ended_at    timestamp with time zone
);
CREATE INDEX interviews_channel_key_idx ON interviews (channel_key, created_at);
CREATE INDEX interviews_status_updated_idx ON interviews (status, updated_at);
CREATE INDEX interviews_ended_idx ON interviews (ended_at);

CREATE TABLE turns (
    interview_id varchar(64)  NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
    number       integer      NOT NULL,
    role         varchar(16)  NOT NULL,
    kind         varchar(16)  NOT NULL,
    stage        varchar(32)  NOT NULL,
    modality     varchar(16)  NOT NULL,
    text         clob         NOT NULL,
    at           timestamp with time zone NOT NULL,
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

CREATE TABLE reports (
    interview_id varchar(64) PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
    report_json  clob        NOT NULL,
    markdown     clob        NOT NULL,
    archived_at  timestamp with time zone NOT NULL
);

CREATE TABLE processed_messages (
    scope       varchar(128) NOT NULL,
    message_id  varchar(256) NOT NULL,
    expires_at  timestamp with time zone NOT NULL,
    PRIMARY KEY (scope, message_id)
);
CREATE INDEX processed_messages_expires_idx ON processed_messages (expires_at);
