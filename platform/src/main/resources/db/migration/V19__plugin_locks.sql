-- Named locks of plugins (PluginLocks): one row per lock name, locked with SELECT ... FOR UPDATE inside the
-- transaction whose check it guards (e.g. "no two visits of one person overlap"), so writers on any node wait
-- for each other. The row itself carries no state; it exists so that there is something to lock.
create table kehu_plugin_lock (
    plugin_id  varchar(64)  not null,
    lock_key   varchar(200) not null,
    primary key (plugin_id, lock_key)
);
