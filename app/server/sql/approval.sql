-- SPDX-License-Identifier: GPL-3.0-or-later
-- Approval by an existing device (DeviceApprovals.cpp).

-- name: approval_request_add
-- The same device asking again keeps its first key; the service compares.
INSERT INTO device_approvals (organisation_id, device_id, user_id, request_key)
VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING;

-- name: approval_request_of
SELECT request_key, sealed_keys, signature, approved_by, denied_at IS NOT NULL
  FROM device_approvals
 WHERE organisation_id = $1 AND device_id = $2;

-- name: new_devices
-- The user's ($2) devices enrolled after the caller ($3), not revoked, oldest first.
SELECT d.device_id, d.name, d.platform,
       (extract(epoch FROM d.created_at) * 1000)::bigint,
       a.request_key, a.approved_by, (extract(epoch FROM a.approved_at) * 1000)::bigint,
       a.denied_by = a.device_id
  FROM devices d LEFT JOIN device_approvals a USING (organisation_id, device_id)
 WHERE d.organisation_id = $1 AND d.user_id = $2 AND d.device_id <> $3
   AND d.revoked_at IS NULL
   AND d.created_at > (SELECT created_at FROM devices
                        WHERE organisation_id = $1 AND device_id = $3)
 ORDER BY d.created_at, d.device_id
 LIMIT 100;

-- name: approval_pending
-- A pending request of another ($4) active device of the user ($3), locked until decided.
-- A withdrawn request (denied by the device itself) is no longer pending.
SELECT a.request_key, a.approved_at IS NOT NULL FROM device_approvals a
  JOIN devices d USING (organisation_id, device_id)
 WHERE a.organisation_id = $1 AND a.device_id = $2 AND d.user_id = $3 AND d.device_id <> $4
   AND d.revoked_at IS NULL AND a.denied_at IS NULL
   FOR UPDATE OF a;

-- name: approval_grant
UPDATE device_approvals
   SET sealed_keys = $3, signature = $4, approved_by = $5, approved_at = now()
 WHERE organisation_id = $1 AND device_id = $2;

-- name: approval_deny
UPDATE device_approvals SET denied_by = $3, denied_at = now()
 WHERE organisation_id = $1 AND device_id = $2;

-- name: approval_revoke
UPDATE devices SET revoked_at = coalesce(revoked_at, now())
 WHERE organisation_id = $1 AND device_id = $2;

-- name: approval_withdraw
-- The device ($2) restored the keys another way: its request, unless decided, is marked as
-- denied by the device itself, so that no other device is asked about it any more.
UPDATE device_approvals SET denied_by = device_id, denied_at = now()
 WHERE organisation_id = $1 AND device_id = $2 AND approved_at IS NULL AND denied_at IS NULL;
