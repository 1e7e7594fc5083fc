-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 4: the batches without a deletion of one organisation applied as a group by one
-- prepared statement, planned once for any group size (sql/push_grouped.sql;
-- docs/architecture.md, "Server").

-- A new record id of the group was claimed by someone else since the statement's snapshot
-- (another user, or another device of this one): the whole statement is undone, and the
-- service applies its batches one at a time. Step 5 gives it another SQL state.
CREATE FUNCTION push_claimed_concurrently() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'record claimed concurrently' USING ERRCODE = 'WPGEN';
END
$$;
