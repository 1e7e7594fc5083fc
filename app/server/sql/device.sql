-- SPDX-License-Identifier: GPL-3.0-or-later
-- Who a device is for, and its name (DeviceProfile.cpp): GET /v1/device, PUT /v1/device/name.

-- name: device_profile
-- The user's name and role and their organisation's name, told to the device.
SELECT u.name, o.name, u.role
  FROM users u JOIN organisations o USING (organisation_id)
 WHERE u.organisation_id = $1 AND u.user_id = $2;

-- name: device_rename
UPDATE devices SET name = $3 WHERE organisation_id = $1 AND device_id = $2;
