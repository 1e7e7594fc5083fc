-- SPDX-License-Identifier: GPL-3.0-or-later
-- Step 6: the acceptance rules of a pushed change, written once for both ways of a push. The
-- grouped statement (sql/push_grouped.sql) leaves out every batch with a refused change, and
-- the single way (push_verdicts, sql/push_single.sql) answers each change's reason.
-- In order: the change's audience must be the pusher's (an unknown audience has no owner),
-- the record's author must be the pusher (the first push of a record id claims it), and the
-- record's type must not change. NULL: accepted.
-- One SQL expression, IMMUTABLE: PostgreSQL inlines it into the statements that call it, so
-- it costs what the expression costs and their plans stay index probes.
CREATE FUNCTION push_refusal(audience_owner uuid, pusher uuid, record_author uuid,
                             record_type smallint, change_type smallint)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN audience_owner IS DISTINCT FROM pusher THEN 'unknown_audience'
        WHEN record_author IS DISTINCT FROM pusher THEN 'not_author'
        WHEN record_type IS DISTINCT FROM change_type THEN 'type_mismatch'
    END
$$;
