-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 3: a batch without a new audience, a deletion or a refusal applied inside PostgreSQL
-- by one function called as one autocommit statement, so that the organisation's counter row
-- (locked from the numbering to COMMIT) is not held across a round trip to the service.
-- Anything else answers 'general' having changed nothing, and the service applies the batch
-- its other way. Step 4 applies such batches as a group instead; step 5 drops this function.
-- The caller has verified the batch signature and encoded `response` (every change applied).
CREATE FUNCTION push_usual_batch(
    p_org uuid, p_user uuid, p_device uuid, p_sequence bigint, p_digests bytea,
    p_signature bytea, p_response bytea, p_audiences uuid[],
    p_record_ids uuid[], p_record_types smallint[],
    c_records uuid[], c_types smallint[], c_device_seqs bigint[], c_ms bigint[],
    c_counters bigint[], c_stamp_devices uuid[], c_audiences uuid[], c_lengths integer[],
    c_envelopes bytea)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    n integer := cardinality(c_records);
    stored integer;
    new_records integer;
    claimed integer;
    refused boolean;
    last_seq bigint;
BEGIN
    -- Every audience the batch names is the pusher's. One primary-key probe per id: a count
    -- over "audience_id = ANY(...)" was planned as a scan of the organisation's audiences.
    IF EXISTS (SELECT 1 FROM unnest(p_audiences) AS k(id)
               LEFT JOIN LATERAL (SELECT owner_id FROM audiences
                                  WHERE organisation_id = p_org AND audience_id = k.id
                                  LIMIT 1) a ON true
               WHERE a.owner_id IS DISTINCT FROM p_user) THEN
        RETURN 'general';
    END IF;
    -- Records seen before are the pusher's, of the same type, without a tombstone; count the
    -- new ones. One primary-key probe per id (see push_prepare in sql/push_single.sql for
    -- why LATERAL).
    SELECT count(*) FILTER (WHERE r.author_id IS NULL),
           coalesce(bool_or(r.author_id <> p_user OR r.record_type <> k.t
                            OR r.deleted_seq IS NOT NULL), false)
      INTO new_records, refused
      FROM unnest(p_record_ids, p_record_types) AS k(id, t)
      LEFT JOIN LATERAL (SELECT author_id, record_type, deleted_seq FROM records
                         WHERE organisation_id = p_org AND record_id = k.id LIMIT 1) r ON true;
    IF refused THEN
        RETURN 'general';
    END IF;
    INSERT INTO batches (organisation_id, device_id, sequence, author_id, digests, signature,
                         response)
    VALUES (p_org, p_device, p_sequence, p_user, p_digests, p_signature, p_response)
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS stored = ROW_COUNT;
    IF stored = 0 THEN
        RETURN 'general'; -- a retried batch: answered with what its first push answered
    END IF;
    INSERT INTO records (organisation_id, record_id, author_id, record_type)
    SELECT p_org, id, p_user, t FROM unnest(p_record_ids, p_record_types) AS k(id, t)
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS claimed = ROW_COUNT;
    -- A new id was claimed by someone else since the check (another user, or another device
    -- of this one): undo everything, the batch row included, and let the general way decide.
    -- 'WPGEN' is caught by the service.
    IF claimed <> new_records THEN
        RAISE EXCEPTION 'record claimed concurrently' USING ERRCODE = 'WPGEN';
    END IF;
    -- From here to the commit the counter row is locked: numbering and inserting only.
    UPDATE organisations SET change_seq = change_seq + n WHERE organisation_id = p_org
    RETURNING change_seq INTO last_seq;
    -- A change this device pushed before in another batch hits (device, device_seq) and is
    -- skipped: acknowledged, not applied twice; its number stays a gap, which pulls ignore.
    INSERT INTO changes (organisation_id, seq, record_id, record_type, author_id, device_id,
                         batch_sequence, device_seq, stamp_ms, stamp_counter, stamp_device,
                         deleted, audience_id, envelope)
    SELECT p_org, last_seq - n + u.i, u.r, u.t, p_user, p_device, p_sequence, u.q, u.m, u.c,
           u.d, false, u.a,
           substring(c_envelopes FROM (sum(u.len) OVER (ORDER BY u.i) - u.len + 1)::integer
                     FOR u.len)
    FROM unnest(c_records, c_types, c_device_seqs, c_ms, c_counters, c_stamp_devices,
                c_audiences, c_lengths) WITH ORDINALITY AS u(r, t, q, m, c, d, a, len, i)
    ON CONFLICT DO NOTHING;
    RETURN 'applied';
END
$$;
