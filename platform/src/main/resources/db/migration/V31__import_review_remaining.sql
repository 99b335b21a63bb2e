-- Imports (issue #18): the review's choice for all the likely duplicate rows it did not decide one by one
-- (IMPORT, SKIP or MERGE); null: they follow skip_duplicates.
alter table kehu_import_job add column duplicate_remaining varchar(8);
