-- Teams (issue #17): each account may report to a manager. A manager's team is everyone reporting to them, directly
-- or through another manager; the team inbox and its overdue counts show only those people, and workflow escalations
-- (a missed deadline, a task nobody is eligible for) go to the manager of the person on the record. Deleting an
-- account leaves its reports without a manager rather than failing.
alter table kehu_user add column manager_id bigint;

alter table kehu_user add constraint kehu_user_manager_fk foreign key (manager_id) references kehu_user (id)
    on delete set null;

create index kehu_user_manager_ix on kehu_user (manager_id);
