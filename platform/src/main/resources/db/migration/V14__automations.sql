-- Automations (issue #17): rules that act on records without a state change, from form-definitions/automations/.
-- A daily automation's run is claimed by inserting its day: one node runs it, a restart on the same day does not run
-- it again.
create table kehu_automation_day (
    automation_id varchar(64) not null,
    run_date      date        not null,
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    matched       integer,
    failed        integer,
    primary key (automation_id, run_date)
);

-- When an automation last acted on a record, so that "once": "P30D" gives a key customer one contact task a month,
-- not one a day.
create table kehu_automation_fired (
    automation_id varchar(64) not null,
    record_id     bigint      not null,
    fired_at      timestamp with time zone not null,
    primary key (automation_id, record_id)
);
