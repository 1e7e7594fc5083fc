-- SPDX-License-Identifier: GPL-3.0-or-later
-- Withdrawals (docs/protocol.md, "Sharing with supervisors"): an author moved a record out of
-- an audience (an unshared diary entry), so its readers who are not readers of the record's
-- new audience stop receiving any version of it older than `seq` (the change that moved it),
-- and their devices are told to delete their copy.
CREATE TABLE withdrawals (
    organisation_id uuid NOT NULL,
    user_id uuid NOT NULL,       -- the reader it is withdrawn from
    record_id uuid NOT NULL,
    seq bigint NOT NULL,         -- the change that moved the record
    PRIMARY KEY (organisation_id, user_id, record_id, seq),
    FOREIGN KEY (organisation_id, user_id) REFERENCES users
);
-- A pull lists a reader's withdrawals since its cursor.
CREATE INDEX withdrawals_by_seq ON withdrawals (organisation_id, user_id, seq);
