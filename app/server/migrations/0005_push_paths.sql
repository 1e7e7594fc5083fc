-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 5: the two ways of a push, named by what they are. Every batch without a deletion goes
-- the grouped way (sql/push_grouped.sql), everything else the single way
-- (sql/push_single.sql): push_usual_batch() of step 3 is called by neither.
DROP FUNCTION IF EXISTS push_usual_batch(uuid, uuid, uuid, bigint, bytea, bytea, bytea, uuid[],
                                         uuid[], smallint[], uuid[], smallint[], bigint[],
                                         bigint[], bigint[], uuid[], uuid[], integer[], bytea);

-- A new record id of a group was claimed by someone else since the grouped statement's
-- snapshot (another user, or another device of this one): the whole statement is undone
-- ('WPCLM'), and the service applies the group's batches one at a time, the one concerned the
-- single way.
CREATE OR REPLACE FUNCTION push_claimed_concurrently() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'record claimed concurrently' USING ERRCODE = 'WPCLM';
END
$$;
