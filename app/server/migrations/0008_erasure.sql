-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 8: erasure on the server (docs/protocol.md, "What the server keeps after a
-- tombstone"). When a tombstone is stored, every other version of its record is deleted in
-- the same transaction (push_purge, sql/push_single.sql), found through this index, so a push
-- with a deletion costs the deleted records' versions, not the organisation's log. Versions
-- left by a tombstone stored before this step go at the next compaction (LogCompactor).
CREATE INDEX changes_by_record ON changes (organisation_id, record_id);
