-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 2: change-log compaction (docs/protocol.md, "Compaction").
-- A record's first tombstone: deletion wins over every field change on every device, so once
-- a record has one, its other versions can go from the log and later changes to it are
-- acknowledged without being stored. Kept after the tombstone itself is dropped, so a deleted
-- record can never come back to a device that starts from an empty store.
ALTER TABLE records ADD COLUMN deleted_seq bigint;
ALTER TABLE records ADD COLUMN deleted_at timestamptz;
UPDATE records r SET deleted_seq = t.seq, deleted_at = now()
  FROM (SELECT organisation_id, record_id, min(seq) AS seq FROM changes WHERE deleted
        GROUP BY organisation_id, record_id) t
 WHERE r.organisation_id = t.organisation_id AND r.record_id = t.record_id;

-- The compaction horizon: the newest tombstone dropped from the log. A device whose cursor is
-- older may have missed a deletion and must start again from 0 (410 resync_required).
ALTER TABLE organisations ADD COLUMN compacted_seq bigint NOT NULL DEFAULT 0;

-- Digests (32 random bytes per change, tens of KiB per batch) and envelopes are ciphertext
-- or hashes: they never compress, so TOAST must not try (pglz showed in the push profile).
ALTER TABLE batches ALTER COLUMN digests SET STORAGE EXTERNAL;
ALTER TABLE batches ALTER COLUMN response SET STORAGE EXTERNAL;
ALTER TABLE changes ALTER COLUMN envelope SET STORAGE EXTERNAL;

-- Pull reads a user's audiences one index range each (seq > cursor) instead of scanning every
-- change of the organisation since the cursor: a device's pull costs its own records, not
-- everyone's (docs/protocol.md, "Pull").
CREATE INDEX changes_by_audience ON changes (organisation_id, audience_id, seq);
