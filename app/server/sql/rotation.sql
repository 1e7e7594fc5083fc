-- SPDX-License-Identifier: GPL-3.0-or-later
-- Key rotation after a revocation (KeyRotations.cpp, KeyRegistry.cpp).

-- name: key_state_of
SELECT key_version, rotation_due_at IS NOT NULL, encryption_key, signing_key FROM users
 WHERE organisation_id = $1 AND user_id = $2;

-- name: key_state_lock
SELECT key_version, signing_key FROM users
 WHERE organisation_id = $1 AND user_id = $2 FOR UPDATE;

-- name: device_key_of
SELECT box_key FROM device_keys WHERE organisation_id = $1 AND device_id = $2;

-- name: device_key_set
INSERT INTO device_keys (organisation_id, device_id, box_key, signature, key_version)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (organisation_id, device_id)
DO UPDATE SET signature = excluded.signature, key_version = excluded.key_version;

-- name: rotation_devices
-- The user's ($2) devices that are not revoked and have a box key.
SELECT d.device_id, k.box_key, k.signature, k.key_version
  FROM devices d JOIN device_keys k USING (organisation_id, device_id)
 WHERE d.organisation_id = $1 AND d.user_id = $2 AND d.revoked_at IS NULL
 ORDER BY d.created_at, d.device_id
 LIMIT 100;

-- name: rotation_bundle_of
SELECT b.bundle, r.rotated_by FROM key_bundles b
  JOIN key_rotations r ON r.organisation_id = b.organisation_id AND r.user_id = $3
                      AND r.key_version = b.key_version
 WHERE b.organisation_id = $1 AND b.device_id = $2 AND b.key_version = $4;

-- name: rotation_apply
-- The compare-and-set: only the first rotation from a version ($5) takes.
UPDATE users SET key_version = key_version + 1, encryption_key = $3, signing_key = $4,
                 key_backup = $6, rotation_due_at = NULL
 WHERE organisation_id = $1 AND user_id = $2 AND key_version = $5;

-- name: rotation_record
INSERT INTO key_rotations (organisation_id, user_id, key_version, encryption_key, signing_key,
                           continuity, rotated_by)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: bundle_add
INSERT INTO key_bundles (organisation_id, device_id, key_version, bundle) VALUES ($1, $2, $3, $4);

-- name: key_chains
-- Every rotation of the organisation's users, oldest first per user.
SELECT user_id, key_version, encryption_key, signing_key, continuity FROM key_rotations
 WHERE organisation_id = $1 ORDER BY user_id, key_version;

