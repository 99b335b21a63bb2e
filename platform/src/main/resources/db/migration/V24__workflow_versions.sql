-- Versioned workflow definitions (issue #17), like the forms' versions: one row per published version, numbered
-- 1, 2, 3 ... per workflow, plus at most one draft per workflow, kept as version number 0 (so the primary key allows
-- only one). Publishing supersedes the version in force; a rollback publishes an earlier version's JSON as a new
-- version, so history is never rewritten. The shipped files seed version 1 of their workflow once.
create table kehu_workflow_version (
    workflow_id     varchar(64)   not null,
    version_number  integer       not null,
    status          varchar(16)   not null, -- DRAFT (number 0), PUBLISHED (one per workflow), SUPERSEDED
    definition_json text          not null,
    author          varchar(64)   not null, -- who saved the draft or published the version (user name, or system)
    created_at      timestamp with time zone not null,
    comment_text    varchar(500),
    -- the in-flight records moved by this publish: {"old state": {"to": "new state", "records": n}, ...}
    state_mapping   text,
    constraint kehu_workflow_version_pk primary key (workflow_id, version_number),
    constraint kehu_workflow_version_status_ck check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED'))
);

create index kehu_workflow_version_status_ix on kehu_workflow_version (status, workflow_id);
