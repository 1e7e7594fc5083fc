-- SPDX-License-Identifier: GPL-3.0-or-later
-- Approval by an existing device (docs/protocol.md, "Approval by an existing device"): a new
-- device's request key, and once one of the user's other devices approved it, the user's
-- secret keys sealed to that key and signed by the user. The server cannot open the box.
CREATE TABLE device_approvals (
    organisation_id uuid NOT NULL,
    device_id uuid NOT NULL,         -- the new device
    user_id uuid NOT NULL,
    request_key bytea NOT NULL,      -- X25519 public key, made for this request alone
    requested_at timestamptz NOT NULL DEFAULT now(),
    sealed_keys bytea,               -- crypto_box_seal to request_key; null until approved
    signature bytea,                 -- the user's Ed25519 signature over the approval
    approved_by uuid,                -- the device that approved it
    approved_at timestamptz,
    denied_by uuid,                  -- the device that denied it (the new device is revoked)
    denied_at timestamptz,
    PRIMARY KEY (organisation_id, device_id),
    FOREIGN KEY (organisation_id, device_id) REFERENCES devices,
    FOREIGN KEY (organisation_id, user_id) REFERENCES users
);
