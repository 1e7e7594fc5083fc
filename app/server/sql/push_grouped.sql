-- SPDX-License-Identifier: GPL-3.0-or-later
-- The grouped path of a push (GroupedPush.cpp): batches without a deletion, applied together
-- per organisation by one prepared autocommit statement, so in one transaction.

-- name: push_grouped
-- $1 the organisation; per batch, in group order: $2 author, $3 device, $4 sequence, and the
-- lengths of its digests ($5), signature ($6) and response ($7), packed in $22, $23 and $24;
-- per record named ($8 its batch's index, from 1): $9 id, $10 type; per audience named ($11
-- batch): $12 id; per change ($13 batch): $14..$21 its columns, envelopes in $25.
-- A batch with a change that the acceptance rules refuse (push_refusal(), migration step 6),
-- or a record that was deleted, or that was stored before (a retry), is left out: the service
-- applies it the single way, which answers each change's reason. Records and audiences are
-- probed by primary key one id at a time (LATERAL ... LIMIT 1): "record_id = ANY(...)" is
-- planned as a scan of the organisation's range whenever statistics underestimate it. The
-- counter row is locked last (the unreferenced INSERT runs after the main query), so it is
-- held from the numbering to the commit and no longer. Answers the indexes of the applied
-- batches, e.g. "1,3".
WITH batch AS (
    SELECT b.*, sum(b.dlen) OVER w - b.dlen + 1 AS doff, sum(b.slen) OVER w - b.slen + 1 AS soff,
           sum(b.rlen) OVER w - b.rlen + 1 AS roff
      FROM unnest($2::uuid[], $3::uuid[], $4::bigint[], $5::integer[], $6::integer[],
                  $7::integer[]) WITH ORDINALITY AS b(usr, dev, sq, dlen, slen, rlen, i)
    WINDOW w AS (ORDER BY b.i)),
named AS (
    SELECT n.i, n.id, n.t, b.usr
      FROM unnest($8::integer[], $9::uuid[], $10::smallint[]) AS n(i, id, t)
      JOIN batch b USING (i)),
-- The acceptance rules (push_refusal()) applied to what each probe reads. Per record named:
-- its audience is checked below (so the pusher stands for its owner here), and a new record
-- counts as claimed by its pusher with this type. A record with a tombstone sends its batch
-- the single way too, which acknowledges changes to it without storing them.
seen AS (
    SELECT n.i, x.author_id IS NULL AS fresh,
           push_refusal(n.usr, n.usr, coalesce(x.author_id, n.usr), coalesce(x.record_type, n.t),
                        n.t) IS NOT NULL
           OR x.deleted_seq IS NOT NULL AS refused
      FROM named n
      LEFT JOIN LATERAL (
        SELECT author_id, record_type, deleted_seq FROM records
         WHERE organisation_id = $1 AND record_id = n.id LIMIT 1) x ON true),
acceptable AS (
    SELECT b.* FROM batch b
     WHERE NOT EXISTS (SELECT 1 FROM seen s WHERE s.i = b.i AND s.refused)
       AND NOT EXISTS (
        SELECT 1 FROM unnest($11::integer[], $12::uuid[]) AS a(i, id)
          -- Per audience named: the record rules pass (the pusher as author, no types).
          LEFT JOIN LATERAL (
            SELECT owner_id FROM audiences
             WHERE organisation_id = $1 AND audience_id = a.id LIMIT 1) o ON true
         WHERE a.i = b.i
           AND push_refusal(o.owner_id, b.usr, b.usr, NULL::smallint, NULL::smallint)
               IS NOT NULL)),
stored AS (
    INSERT INTO batches (organisation_id, device_id, sequence, author_id, digests, signature,
                         response)
    SELECT $1, dev, sq, usr, substring($22::bytea FROM doff::integer FOR dlen),
           substring($23::bytea FROM soff::integer FOR slen),
           substring($24::bytea FROM roff::integer FOR rlen)
      FROM acceptable
    ON CONFLICT DO NOTHING RETURNING device_id, sequence),
applied AS (
    SELECT u.i, u.usr, u.dev, u.sq FROM acceptable u
      JOIN stored s ON s.device_id = u.dev AND s.sequence = u.sq),
claimed AS (
    INSERT INTO records (organisation_id, record_id, author_id, record_type)
    SELECT $1, id, usr, t FROM named WHERE i IN (SELECT i FROM applied)
    ON CONFLICT DO NOTHING RETURNING 1),
change AS (
    SELECT c.*, sum(c.len) OVER (ORDER BY c.k) - c.len + 1 AS off
      FROM unnest($13::integer[], $14::uuid[], $15::smallint[], $16::bigint[], $17::bigint[],
                  $18::bigint[], $19::uuid[], $20::uuid[], $21::integer[])
           WITH ORDINALITY AS c(i, r, t, q, m, n, d, a, len, k)),
counter AS (
    UPDATE organisations
       SET change_seq = change_seq + (SELECT count(*) FROM change
                                       WHERE i IN (SELECT i FROM applied))
     WHERE organisation_id = $1 AND EXISTS (SELECT 1 FROM applied) RETURNING change_seq),
inserted AS (
    INSERT INTO changes (organisation_id, seq, record_id, record_type, author_id, device_id,
                         batch_sequence, device_seq, stamp_ms, stamp_counter, stamp_device,
                         deleted, audience_id, envelope)
    SELECT $1,
           (SELECT change_seq FROM counter) - count(*) OVER () + row_number() OVER (ORDER BY c.k),
           c.r, c.t, a.usr, a.dev, a.sq, c.q, c.m, c.n, c.d, false, c.a,
           substring($25::bytea FROM c.off::integer FOR c.len)
      FROM change c JOIN applied a USING (i)
    ON CONFLICT DO NOTHING)
-- A new record id claimed by someone else since the snapshot undoes the whole statement
-- (push_claimed_concurrently() raises an error the service catches).
SELECT CASE WHEN (SELECT count(*) FROM claimed)
                 <> (SELECT count(*) FROM seen s WHERE s.fresh AND s.i IN (SELECT i FROM applied))
            THEN push_claimed_concurrently() END,
       (SELECT string_agg(i::text, ',' ORDER BY i) FROM applied);
