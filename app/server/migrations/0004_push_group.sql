-- Step 4: the usual pushes of one organisation applied as a group by one prepared statement
-- (SyncService.cpp, "push_usual"; docs/architecture.md, "Group commit"). Called once per
-- batch, push_usual_batch() ran five statements of its own each time, and a group of them
-- was a new statement to parse and plan on every commit; the group statement is planned
-- once, and in a group of three costs about half as much per push (alone, about the same;
-- docs/benchmarks.md, session 11).
-- push_usual_batch() stays for servers of step 3 still running during a rolling upgrade.

-- A new record id of the group was claimed by someone else since the statement's snapshot
-- (another user, or another device of this one): the whole statement is undone, and the
-- service applies its batches one at a time; the one concerned goes the general way.
CREATE FUNCTION push_claimed_concurrently() RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'record claimed concurrently' USING ERRCODE = 'WPGEN';
END
$$;
