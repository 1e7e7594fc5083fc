-- SPDX-License-Identifier: GPL-3.0-or-later
-- The key directory and key backup (KeyRegistry.cpp).

-- name: key_directory
SELECT user_id, role, encryption_key, signing_key FROM users
 WHERE organisation_id = $1 AND signing_key IS NOT NULL ORDER BY user_id;

-- name: public_keys_of
SELECT encryption_key, signing_key FROM users
 WHERE organisation_id = $1 AND user_id = $2 FOR UPDATE;

-- name: public_keys_set
UPDATE users SET encryption_key = $3, signing_key = $4
 WHERE organisation_id = $1 AND user_id = $2;

-- name: key_backup_set
UPDATE users SET key_backup = $3 WHERE organisation_id = $1 AND user_id = $2;

-- name: key_backup_of
SELECT key_backup FROM users WHERE organisation_id = $1 AND user_id = $2;

-- name: supervisors_of
-- The caller's ($2) current supervisors, for the devices to name and seal shared entries to
-- (docs/protocol.md, "Sharing with supervisors").
SELECT u.user_id, u.name FROM supervisions s
  JOIN users u ON u.organisation_id = s.organisation_id AND u.user_id = s.supervisor_id
 WHERE s.organisation_id = $1 AND s.worker_id = $2 ORDER BY u.name, u.user_id;

-- name: workers_of
-- The workers the caller ($2) supervises, for their devices to name the authors of the
-- entries shared with them (docs/protocol.md, "Review marks, comments and acknowledgements"),
-- with the last contact of any of the worker's devices in ms (docs/protocol.md, "Team").
SELECT u.user_id, u.name,
       (SELECT (extract(epoch FROM max(d.last_seen_at)) * 1000)::bigint FROM devices d
         WHERE d.organisation_id = s.organisation_id AND d.user_id = s.worker_id)
  FROM supervisions s
  JOIN users u ON u.organisation_id = s.organisation_id AND u.user_id = s.worker_id
 WHERE s.organisation_id = $1 AND s.supervisor_id = $2 ORDER BY u.name, u.user_id;
