-- SPDX-License-Identifier: GPL-3.0-or-later
-- Waypoint server schema, step 1. Every table carries organisation_id and leads its primary
-- key with it, so each can be distributed by organisation on Citus (docs/architecture.md).
-- The server stores ciphertext only: envelopes and sealed keys are opaque bytea.

CREATE TABLE organisations (
    organisation_id uuid PRIMARY KEY,
    name text NOT NULL,
    -- The per-organisation change counter: a push increments it in its own transaction,
    -- which serialises sequence assignment per organisation (the sequence trap, protocol.md).
    change_seq bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    organisation_id uuid NOT NULL REFERENCES organisations,
    user_id uuid NOT NULL,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('worker', 'supervisor', 'admin')),
    encryption_key bytea,
    signing_key bytea,
    key_backup bytea,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, user_id)
);

CREATE TABLE supervisions (
    organisation_id uuid NOT NULL,
    worker_id uuid NOT NULL,
    supervisor_id uuid NOT NULL,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, worker_id, supervisor_id),
    FOREIGN KEY (organisation_id, worker_id) REFERENCES users,
    FOREIGN KEY (organisation_id, supervisor_id) REFERENCES users
);

CREATE TABLE enrolment_codes (
    organisation_id uuid NOT NULL,
    code_hash bytea NOT NULL,
    user_id uuid NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, code_hash),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users
);
-- Enrolment looks a code up before the organisation is known (a rare, fan-out query on Citus).
CREATE INDEX enrolment_codes_by_hash ON enrolment_codes (code_hash);

CREATE TABLE devices (
    organisation_id uuid NOT NULL,
    device_id uuid NOT NULL,
    user_id uuid NOT NULL,
    name text NOT NULL,
    platform text NOT NULL,
    token_hash bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    PRIMARY KEY (organisation_id, device_id),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users
);

CREATE TABLE batches (
    organisation_id uuid NOT NULL,
    device_id uuid NOT NULL,
    sequence bigint NOT NULL,
    author_id uuid NOT NULL,
    digests bytea NOT NULL,      -- 32 bytes per change, in batch order
    signature bytea NOT NULL,    -- Ed25519 over the manifest
    response bytea,              -- the PushResponse, returned again for a retried batch
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, device_id, sequence)
);

CREATE TABLE audiences (
    organisation_id uuid NOT NULL,
    audience_id uuid NOT NULL,
    owner_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, audience_id)
);

CREATE TABLE audience_readers (
    organisation_id uuid NOT NULL,
    audience_id uuid NOT NULL,
    user_id uuid NOT NULL,
    sealed_key bytea NOT NULL,
    PRIMARY KEY (organisation_id, audience_id, user_id),
    FOREIGN KEY (organisation_id, audience_id) REFERENCES audiences,
    FOREIGN KEY (organisation_id, user_id) REFERENCES users
);
CREATE INDEX audience_readers_by_user ON audience_readers (organisation_id, user_id);

-- Who authored a record: the first push of a record id claims it for its user.
CREATE TABLE records (
    organisation_id uuid NOT NULL,
    record_id uuid NOT NULL,
    author_id uuid NOT NULL,
    record_type smallint NOT NULL,
    PRIMARY KEY (organisation_id, record_id)
);

-- The change log pulled by devices, ordered per organisation by seq.
CREATE TABLE changes (
    organisation_id uuid NOT NULL,
    seq bigint NOT NULL,
    record_id uuid NOT NULL,
    record_type smallint NOT NULL,
    author_id uuid NOT NULL,
    device_id uuid NOT NULL,
    batch_sequence bigint NOT NULL,
    device_seq bigint NOT NULL,  -- the device's outbox sequence: retries are recognised by it
    stamp_ms bigint NOT NULL,
    stamp_counter bigint NOT NULL,
    stamp_device uuid NOT NULL,
    deleted boolean NOT NULL,
    audience_id uuid NOT NULL,
    envelope bytea NOT NULL,
    PRIMARY KEY (organisation_id, seq),
    UNIQUE (organisation_id, device_id, device_seq)
);
