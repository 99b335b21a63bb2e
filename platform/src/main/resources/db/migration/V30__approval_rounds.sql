-- Approval by several people (或签/会签, issue #17). Each approver's task belongs to a round: the tasks created when a
-- record entered a state an approval transition leaves. round_id is the id of the round's first task (null for every
-- other task), seat the approver's place in the transition's approvers (whose rule a hand-off must satisfy). An
-- approval is its task DONE by its assignee; the round's other tasks are CANCELLED once it is decided or the record
-- leaves the state.
alter table kehu_task add column round_id bigint;
alter table kehu_task add column seat integer;
create index kehu_task_round_ix on kehu_task (round_id);
