-- SPDX-License-Identifier: GPL-3.0-or-later
-- Key rotation after a revocation (docs/protocol.md, "Key rotation after a revocation"): a
-- user's key version and whether a rotation is due, each device's own box key signed by its
-- user, the chain of rotations signed by the previous keys, and the new keys sealed to each
-- remaining device. The server cannot open a bundle.
ALTER TABLE users
    ADD COLUMN key_version integer NOT NULL DEFAULT 1,
    ADD COLUMN rotation_due_at timestamptz;   -- set when one of the user's devices is revoked

CREATE TABLE device_keys (
    organisation_id uuid NOT NULL,
    device_id uuid NOT NULL,
    box_key bytea NOT NULL,          -- X25519 public key of the device
    signature bytea NOT NULL,        -- the user's Ed25519 signature over it
    key_version integer NOT NULL,    -- the user key version that signed it
    PRIMARY KEY (organisation_id, device_id),
    FOREIGN KEY (organisation_id, device_id) REFERENCES devices
);

CREATE TABLE key_rotations (
    organisation_id uuid NOT NULL,
    user_id uuid NOT NULL,
    key_version integer NOT NULL,    -- the version this rotation made
    encryption_key bytea NOT NULL,
    signing_key bytea NOT NULL,
    continuity bytea NOT NULL,       -- signed by the previous version's signing key
    rotated_by uuid NOT NULL,        -- the device that rotated
    rotated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, user_id, key_version),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users
);

CREATE TABLE key_bundles (
    organisation_id uuid NOT NULL,
    device_id uuid NOT NULL,
    key_version integer NOT NULL,
    bundle bytea NOT NULL,           -- sealed to the device's box key, signed by the new key
    PRIMARY KEY (organisation_id, device_id, key_version),
    FOREIGN KEY (organisation_id, device_id) REFERENCES devices
);
