-- SPDX-License-Identifier: GPL-3.0-or-later
-- The single path of a push (SinglePush.cpp): every batch that the grouped statement does not
-- apply (push_grouped.sql), one transaction of a few statements.

-- name: push_prepare
-- One round trip for the common case: record the batch, read its audiences, claim new record
-- ids (for audiences this user owns) and read which of the rest are known.
-- Kind 0: whether the batch is new; 1: the audiences named (and whether this user owns them);
-- 2: the records named, claimed now (for audiences this user owns) or before.
-- One snapshot: the SELECT half does not see the rows the INSERT half adds.
-- Records claimed before are read by one primary-key probe per id (LATERAL ... LIMIT 1 keeps
-- the planner from flattening it): "record_id = ANY(...)" is planned as a scan of the
-- organisation's whole range whenever the statistics underestimate it (a new table has none),
-- so a push would cost more the longer the log is.
WITH batch AS (
    INSERT INTO batches (organisation_id, device_id, sequence, author_id, digests, signature)
    VALUES ($1, $3, $4, $2, $5, $6) ON CONFLICT DO NOTHING RETURNING 1),
named AS (
    SELECT audience_id, owner_id = $2 AS mine FROM audiences
     WHERE organisation_id = $1 AND audience_id = ANY($7::uuid[])),
claimed AS (
    INSERT INTO records (organisation_id, record_id, author_id, record_type)
    SELECT $1, r, $2, t FROM unnest($8::uuid[], $9::smallint[], $10::uuid[]) AS x(r, t, a)
     WHERE EXISTS (SELECT 1 FROM batch) AND a IN (SELECT audience_id FROM named WHERE mine)
    ON CONFLICT DO NOTHING RETURNING record_id, author_id, record_type, deleted_seq)
SELECT 0 AS kind, NULL::uuid AS id, NULL::uuid AS author, NULL::integer AS type,
       EXISTS (SELECT 1 FROM batch) AS flag
UNION ALL
SELECT 1, audience_id, NULL, NULL, mine FROM named
UNION ALL
SELECT 2, record_id, author_id, record_type, deleted_seq IS NOT NULL FROM claimed
UNION ALL
SELECT 2, x.record_id, x.author_id, x.record_type, x.deleted_seq IS NOT NULL
  FROM unnest($8::uuid[]) AS k(id)
 CROSS JOIN LATERAL (
    SELECT record_id, author_id, record_type, deleted_seq FROM records
     WHERE organisation_id = $1 AND record_id = k.id LIMIT 1) x;

-- name: push_prior
-- A retried batch: what its first application stored.
SELECT digests, response FROM batches
 WHERE organisation_id = $1 AND device_id = $2 AND sequence = $3;

-- name: audience_readers_known
-- Of a new audience's readers ($3): how many are users of this organisation, and how many of
-- those its author ($2) may name: the author and the author's supervisors (`supervisions`,
-- set by `waypoint-server assign-supervisor`), or else the author and workers the author
-- supervises; never a mix of both.
SELECT count(*),
       greatest(
           count(*) FILTER (WHERE u.user_id = $2 OR EXISTS (
               SELECT 1 FROM supervisions s
                WHERE s.organisation_id = $1 AND s.worker_id = $2
                  AND s.supervisor_id = u.user_id)),
           count(*) FILTER (WHERE u.user_id = $2 OR EXISTS (
               SELECT 1 FROM supervisions s
                WHERE s.organisation_id = $1 AND s.supervisor_id = $2
                  AND s.worker_id = u.user_id)))
  FROM users u WHERE u.organisation_id = $1 AND u.user_id = ANY($3::uuid[]);

-- name: audience_create
INSERT INTO audiences (organisation_id, audience_id, owner_id) VALUES ($1, $2, $3)
ON CONFLICT DO NOTHING RETURNING 1;

-- name: audience_readers_add
INSERT INTO audience_readers (organisation_id, audience_id, user_id, sealed_key)
SELECT $1, $2, u, k FROM unnest($3::uuid[], $4::bytea[]) AS x(u, k);

-- name: claim_records
INSERT INTO records (organisation_id, record_id, author_id, record_type)
SELECT $1, r, $2, t FROM unnest($3::uuid[], $4::smallint[]) AS x(r, t)
ON CONFLICT DO NOTHING;

-- name: push_verdicts
-- Per change ($5 audience, $6 record, $7 type; in batch order), once the batch's audiences and
-- records are settled: the reason it is refused by the acceptance rules (push_refusal(),
-- migration step 6; NULL: accepted), and whether its record has a tombstone. A change to such
-- a record is acknowledged and not stored: deletion wins over every field change on every
-- device, so it could change nothing (compaction removes the ones that raced the tombstone).
-- Audiences ($3) and records ($4) named are each probed once, by primary key.
WITH owner AS MATERIALIZED (
    SELECT k.id, o.owner_id FROM unnest($3::uuid[]) AS k(id)
     CROSS JOIN LATERAL (
        SELECT owner_id FROM audiences
         WHERE organisation_id = $1 AND audience_id = k.id LIMIT 1) o),
record AS MATERIALIZED (
    SELECT x.* FROM unnest($4::uuid[]) AS k(id)
     CROSS JOIN LATERAL (
        SELECT record_id, author_id, record_type, deleted_seq FROM records
         WHERE organisation_id = $1 AND record_id = k.id LIMIT 1) x)
SELECT c.i, push_refusal(o.owner_id, $2, r.author_id, r.record_type, c.t),
       r.deleted_seq IS NOT NULL
  FROM unnest($5::uuid[], $6::uuid[], $7::smallint[]) WITH ORDINALITY AS c(a, id, t, i)
  LEFT JOIN owner o ON o.id = c.a
  LEFT JOIN record r ON r.record_id = c.id;

-- name: push_changes
-- Numbering, inserting, remembering tombstones and storing the response in one statement: the
-- counter row is locked from here to COMMIT, one round trip later. Envelopes arrive as one
-- binary parameter ($15) split by their lengths ($14). "push_changes" (no deletion) fills
-- {{tombstones}} with nothing, so that it does not touch `records` at all: joined only to the
-- inserted rows, the update is planned as a scan of every record of the organisation on every
-- batch, deletions or not. "push_changes_tombstones" fills it with push_changes.tombstones.
-- A change this device pushed before (an earlier attempt whose answer was lost, sent again in
-- a new batch) hits the unique (device, device_seq) and is skipped: acknowledged, not applied
-- twice. Skipped numbers leave gaps, which pulls ignore.
WITH ctr AS (
    UPDATE organisations SET change_seq = change_seq + $4
     WHERE organisation_id = $1 RETURNING change_seq),
ins AS (
    INSERT INTO changes (organisation_id, seq, record_id, record_type, author_id, device_id,
                         batch_sequence, device_seq, stamp_ms, stamp_counter, stamp_device,
                         deleted, audience_id, envelope)
    SELECT $1, (SELECT change_seq FROM ctr) - $4 + u.i, u.r, u.t, $2, $3, $5, u.q, u.m, u.n,
           u.d, u.x, u.a,
           substring($15::bytea FROM (sum(u.len) OVER (ORDER BY u.i) - u.len + 1)::integer
                     FOR u.len)
      FROM unnest($6::uuid[], $7::smallint[], $8::bigint[], $9::bigint[], $10::bigint[],
                  $11::uuid[], $12::boolean[], $13::uuid[], $14::integer[])
           WITH ORDINALITY AS u(r, t, q, m, n, d, x, a, len, i)
    ON CONFLICT DO NOTHING RETURNING record_id, seq, deleted),
{{tombstones}}
resp AS (
    UPDATE batches SET response = $16
     WHERE organisation_id = $1 AND device_id = $3 AND sequence = $5)
SELECT count(*) FROM ins;

-- name: push_changes.tombstones
-- The first tombstone of each deleted record, naming the records ($17) so that they are
-- probed by key.
tomb AS (
    UPDATE records SET deleted_seq = t.seq, deleted_at = now()
      FROM (SELECT record_id, min(seq) AS seq FROM ins WHERE deleted GROUP BY record_id) t
     WHERE records.organisation_id = $1 AND records.record_id = ANY($17::uuid[])
       AND records.record_id = t.record_id AND records.deleted_seq IS NULL),

-- name: push_purge
-- Erasure: once a record has its tombstone, every other version of it goes, in the push's
-- transaction, so no envelope of a deleted record stays in the database. The tombstone stays:
-- devices learn of the deletion from it. After push_changes_tombstones, which this statement
-- sees (versions pushed in the same batch included). The records ($2) are probed by key and
-- their versions found through changes_by_record (migration step 7).
DELETE FROM changes c USING records r
 WHERE r.organisation_id = $1 AND r.record_id = ANY($2::uuid[]) AND r.deleted_seq IS NOT NULL
   AND c.organisation_id = $1 AND c.record_id = r.record_id AND c.seq <> r.deleted_seq;

-- name: push_response
-- A batch of which nothing is stored: its response only.
UPDATE batches SET response = $4 WHERE organisation_id = $1 AND device_id = $2 AND sequence = $3;

-- name: push_withdrawals
-- Changes that move their record out of an audience ($3 device seqs, $4 the audiences they
-- leave; docs/protocol.md, "Sharing with supervisors"): each reader of the audience left who
-- is not a reader of the change's own audience gets a withdrawal at the change's seq. Only an
-- audience of the pusher ($2), for a change of the pusher's stored by this device ($5).
INSERT INTO withdrawals (organisation_id, user_id, record_id, seq)
SELECT $1, r.user_id, c.record_id, c.seq
  FROM unnest($3::bigint[], $4::uuid[]) AS k(device_seq, left_audience)
  JOIN changes c ON c.organisation_id = $1 AND c.device_id = $5 AND c.device_seq = k.device_seq
                AND c.author_id = $2
  JOIN audiences a ON a.organisation_id = $1 AND a.audience_id = k.left_audience
                  AND a.owner_id = $2
  JOIN audience_readers r ON r.organisation_id = $1 AND r.audience_id = k.left_audience
 WHERE r.user_id <> $2
   AND NOT EXISTS (SELECT 1 FROM audience_readers n
                    WHERE n.organisation_id = $1 AND n.audience_id = c.audience_id
                      AND n.user_id = r.user_id)
ON CONFLICT DO NOTHING;
