-- Grouped metric snapshots (issue #20): a closed period of a grouped figure (complaints by severity, a table per
-- handler) is stored as one row per group beside the ungrouped figure, so group_key joins the key. '' is the
-- ungrouped figure (every row before this migration); '#' marks that a period's groups were stored (its n is their
-- number, so a period with no records at all is stored too); a group's row has its values as a JSON array ('["high"]',
-- '[12, true]').
alter table kehu_metric_snapshot add column group_key varchar(1000) default '' not null;
alter table kehu_metric_snapshot drop constraint kehu_metric_snapshot_uq;
alter table kehu_metric_snapshot add constraint kehu_metric_snapshot_uq
    unique (metric_id, metric_version, period_start, period_end, time_zone, group_key);
