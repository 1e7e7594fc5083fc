-- SPDX-License-Identifier: GPL-3.0-or-later
-- Device authentication (Authentication.cpp). Both statements are prepared on every pooled
-- connection.

-- name: auth
-- One statement, no transaction: the device, its user's role and signing key, and whether its
-- last contact is stale. Nothing is cached, so a revocation takes effect on the very next
-- request.
SELECT d.user_id, d.token_hash, d.revoked_at IS NOT NULL, u.role, u.signing_key,
       d.last_seen_at < now() - interval '1 minute'
  FROM devices d JOIN users u USING (organisation_id, user_id)
 WHERE d.organisation_id = $1 AND d.device_id = $2;

-- name: touch
-- Last contact, for the admin's device list and offline leases; at most once a minute, so a
-- busy device costs one statement per request, not two.
UPDATE devices SET last_seen_at = now()
 WHERE organisation_id = $1 AND device_id = $2 AND last_seen_at < now() - interval '1 minute';

-- name: offline_lease
-- The organisation's offline lease in days, for GET /v1/device (docs/security.md).
SELECT offline_lease_days FROM organisations WHERE organisation_id = $1;
