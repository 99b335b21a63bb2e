-- The company's own business calendar (工作日历), edited by administrators in the browser: the whole calendar as the
-- documented JSON (docs/workflows.md), so that next year's holidays can be entered without a new release. No row means
-- the calendar Kehu ships (calendars/cn-mainland.json). row_version guards concurrent edits (optimistic lock).
create table kehu_business_calendar (
    id          varchar(64)  primary key,
    document    text         not null,
    row_version integer      not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(200) not null
);
