-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 7: an organisation's offline lease in days (0: none). A device that has not reached the
-- server for longer locks itself until it checks in (docs/security.md, "Offline lease");
-- devices learn it with every pull page and device status.
ALTER TABLE organisations
    ADD COLUMN offline_lease_days integer NOT NULL DEFAULT 0
        CHECK (offline_lease_days BETWEEN 0 AND 3650);
