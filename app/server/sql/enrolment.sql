-- SPDX-License-Identifier: GPL-3.0-or-later
-- The server side of POST /v1/enrol (Enrolment.cpp), one transaction.

-- name: enrolment_code
-- The code's user, if the code is known, unused and unexpired; locked until the device is in.
-- With the user's and organisation's names, told to the device.
SELECT e.organisation_id, e.user_id, u.role, u.signing_key IS NOT NULL, u.name, o.name
  FROM enrolment_codes e JOIN users u USING (organisation_id, user_id)
  JOIN organisations o USING (organisation_id)
 WHERE e.code_hash = $1 AND e.used_at IS NULL AND e.expires_at > now()
   FOR UPDATE OF e;

-- name: enrolment_code_used
UPDATE enrolment_codes SET used_at = now() WHERE organisation_id = $1 AND code_hash = $2;

-- name: enrolment_device
INSERT INTO devices (organisation_id, device_id, user_id, name, platform, token_hash)
VALUES ($1, $2, $3, $4, $5, $6);
