-- SPDX-License-Identifier: GPL-3.0-or-later
-- Pull pages (PullPages.cpp, SyncRoundTrip.cpp). One text, two prepared statements:
-- "pull" (GET /v1/pull) fills {{authentication}} and {{credentials}} with nothing, {{reader}}
-- and {{budget}} with their pull.* fragment; "sync_pull" (POST /v1/sync) fills each with its
-- sync_pull.* fragment.

-- name: pull
-- Kind 0: the page's changes; 1: their batch manifests; 2: the caller's sealed keys for their
-- audiences; 3: the counter, the compaction horizon, the organisation's offline lease in days,
-- and 1 when the page reaches the last of its candidates (0: the byte budget left some out,
-- or there are none); 5: the reader's withdrawals since the cursor (docs/protocol.md, "Sharing
-- with supervisors"). A change of a record withdrawn from the reader after it is never a
-- candidate. Not sorted here (that
-- would copy every envelope once more): PullPages::pageReply() orders the changes by seq.
-- $1 organisation, $3 since, $4 limit; $2 the user for "pull", the device for "sync_pull";
-- {{budget}} the page's byte budget.
-- One statement, so one snapshot: the counter, the page, its manifests and audience keys.
-- The candidates read each of the reader's audiences as one index range (LATERAL ... LIMIT).
-- The page keeps them, oldest first, while the bytes they bring (envelope, the encoding
-- around it, and the manifest of each run of one batch) stay within the budget, and at least
-- one: octet_length() reads a stored value's size without reading the value, so a change
-- left out costs nothing more. MATERIALIZED, because three branches read the page.
WITH {{authentication}}
ctr AS (SELECT change_seq, compacted_seq, offline_lease_days
          FROM organisations WHERE organisation_id = $1),
candidates AS (
    SELECT x.* FROM audience_readers r
     CROSS JOIN LATERAL (
        SELECT c.seq, c.record_id, c.stamp_device, c.audience_id, c.device_id, c.record_type,
               c.stamp_ms, c.stamp_counter, c.batch_sequence, c.deleted, c.envelope
          FROM changes c
         WHERE c.organisation_id = $1 AND c.audience_id = r.audience_id AND c.seq > $3
           AND c.seq <= (SELECT change_seq FROM ctr)
           AND NOT EXISTS (SELECT 1 FROM withdrawals d
                            WHERE d.organisation_id = $1 AND d.user_id = r.user_id
                              AND d.record_id = c.record_id AND d.seq > c.seq)
         ORDER BY c.seq LIMIT $4) x
     WHERE r.organisation_id = $1 AND r.user_id = {{reader}}
     ORDER BY x.seq LIMIT $4),
weighed AS (
    SELECT c.*, 128 + coalesce(octet_length(c.envelope), 0)
             + CASE WHEN c.device_id = lag(c.device_id) OVER w
                     AND c.batch_sequence = lag(c.batch_sequence) OVER w THEN 0
                    ELSE 256 + coalesce((SELECT octet_length(b.digests) * 17 / 16 FROM batches b
                                          WHERE b.organisation_id = $1
                                            AND b.device_id = c.device_id
                                            AND b.sequence = c.batch_sequence), 0) END AS bytes
      FROM candidates c
    WINDOW w AS (ORDER BY c.seq)),
page AS MATERIALIZED (
    SELECT * FROM (
        SELECT g.*, sum(g.bytes) OVER w AS spent, row_number() OVER w AS n,
               lead(g.seq) OVER w AS following
          FROM weighed g
        WINDOW w AS (ORDER BY g.seq)) y
     WHERE n = 1 OR spent <= {{budget}})
SELECT 0 AS kind, seq, record_id, stamp_device, audience_id, device_id,
       record_type::bigint AS n1, stamp_ms, stamp_counter, batch_sequence, deleted,
       envelope AS x, NULL::bytea AS y, NULL::text AS z
  FROM page
UNION ALL
SELECT 1, NULL, b.device_id, b.author_id, NULL, NULL, NULL, NULL, NULL, b.sequence, NULL,
       b.digests, b.signature, NULL
  FROM (SELECT DISTINCT device_id, batch_sequence FROM page) k
  JOIN batches b ON b.organisation_id = $1 AND b.device_id = k.device_id
                AND b.sequence = k.batch_sequence
UNION ALL
SELECT 2, NULL, a.audience_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, a.sealed_key,
       NULL, NULL
  FROM (SELECT DISTINCT audience_id FROM page) k
  JOIN audience_readers a ON a.organisation_id = $1 AND a.audience_id = k.audience_id
                         AND a.user_id = {{reader}}
UNION ALL
SELECT 5, d.seq, d.record_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM withdrawals d
 WHERE d.organisation_id = $1 AND d.user_id = {{reader}} AND d.seq > $3
   AND d.seq <= (SELECT change_seq FROM ctr)
UNION ALL
SELECT 3, change_seq, NULL, NULL, NULL, NULL,
       (SELECT count(*) FROM page WHERE following IS NULL), offline_lease_days::bigint, NULL,
       compacted_seq, NULL, NULL, NULL, NULL
  FROM ctr
{{credentials}};

-- name: pull.reader
$2

-- name: pull.budget
$5::bigint

-- name: sync_pull.authentication
-- The device ($2) and the hash of the token it presented ($5): the page is read only for a
-- device whose token matches and that is not revoked. The service still compares the hash
-- itself, in constant time, before anything read here is answered.
dev AS (SELECT d.user_id, d.token_hash, d.revoked_at IS NOT NULL AS revoked, u.role,
               u.signing_key, d.last_seen_at < now() - interval '1 minute' AS stale
          FROM devices d JOIN users u USING (organisation_id, user_id)
         WHERE d.organisation_id = $1 AND d.device_id = $2),
reader AS (SELECT user_id FROM dev WHERE token_hash = $5 AND NOT revoked),

-- name: sync_pull.reader
(SELECT user_id FROM reader)

-- name: sync_pull.budget
$6::bigint

-- name: sync_pull.credentials
-- Kind 4: the device's credentials, as the "auth" statement reads them.
UNION ALL
SELECT 4, NULL, user_id, NULL, NULL, NULL, CASE WHEN stale THEN 1 ELSE 0 END, NULL, NULL, NULL,
       revoked, token_hash, signing_key, role
  FROM dev
