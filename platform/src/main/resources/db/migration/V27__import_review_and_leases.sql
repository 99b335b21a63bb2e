-- Imports (issue #18): the review's decision for each likely duplicate row, and leases, so that a job left unfinished
-- is resumed by one node only.

-- JSON object: file row number -> IMPORT (create anyway), SKIP or MERGE (write the row onto the record it duplicates).
-- Rows without a decision follow skip_duplicates.
alter table kehu_import_job add column duplicate_decisions varchar;

-- The node running the job and until when its claim holds; it renews the lease between chunks. A QUEUED or RUNNING
-- job whose lease has run out (or was never taken) may be claimed by any node (SELECT ... FOR UPDATE SKIP LOCKED).
alter table kehu_import_job add column lease_owner varchar(120);
alter table kehu_import_job add column lease_until timestamp with time zone;
