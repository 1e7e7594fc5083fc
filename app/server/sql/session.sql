-- SPDX-License-Identifier: GPL-3.0-or-later
-- Settings of every pooled connection (Statements::sessionSetup()).

-- name: session
-- Every request statement is built from key probes and index ranges inside one organisation.
-- Planned from a small organisation's statistics (or a new table's: none), PostgreSQL chooses
-- sequential scans of whole tables instead, which cost more with every row the organisation
-- adds. Off here, a scan is still used where no index can serve.
-- Generic plans: the statements are written to be index probes whatever the values, and
-- custom plans, which look cheaper to the planner, would be planned again on every call.
SET enable_seqscan = off;
SET plan_cache_mode = force_generic_plan;
