package io.kehu.platform.plugins;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.plugins.install.InstalledPlugin;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** The {@code kehu_plugin} and {@code kehu_plugin_audit} tables: installed plugins and who did what to them. */
@Repository
public class PluginStateStore {

    private static final Table<Record> PLUGIN = table(name("kehu_plugin"));
    private static final Field<String> ID = field(name("plugin_id"), String.class);
    private static final Field<String> VERSION = field(name("version"), String.class);
    private static final Field<String> FILE = field(name("file_name"), String.class);
    private static final Field<String> SHA = field(name("sha256"), String.class);
    private static final Field<Boolean> ENABLED = field(name("enabled"), Boolean.class);
    private static final Field<String> FAILURE = field(name("failure"), String.class);
    private static final Field<String> BY = field(name("installed_by"), String.class);
    private static final Field<OffsetDateTime> AT = field(name("installed_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED = field(name("updated_at"), OffsetDateTime.class);

    private static final Table<Record> AUDIT = table(name("kehu_plugin_audit"));

    private final DSLContext dsl;

    PluginStateStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<InstalledPlugin> all() {
        return dsl.select(ID, VERSION, FILE, SHA, ENABLED, FAILURE, BY, AT).from(PLUGIN).orderBy(ID)
                .fetch(r -> new InstalledPlugin(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }

    public Optional<InstalledPlugin> find(String pluginId) {
        return all().stream().filter(p -> p.pluginId().equals(pluginId)).findFirst();
    }

    /** Inserts or replaces the row of {@code plugin}. */
    public void save(InstalledPlugin plugin) {
        OffsetDateTime now = now();
        int updated = dsl.update(PLUGIN).set(VERSION, plugin.version()).set(FILE, plugin.fileName())
                .set(SHA, plugin.sha256()).set(ENABLED, plugin.enabled()).set(FAILURE, plugin.failure())
                .set(BY, plugin.installedBy()).set(AT, plugin.installedAt()).set(UPDATED, now)
                .where(ID.eq(plugin.pluginId())).execute();
        if (updated == 0) {
            dsl.insertInto(PLUGIN).set(ID, plugin.pluginId()).set(VERSION, plugin.version())
                    .set(FILE, plugin.fileName()).set(SHA, plugin.sha256()).set(ENABLED, plugin.enabled())
                    .set(FAILURE, plugin.failure()).set(BY, plugin.installedBy()).set(AT, plugin.installedAt())
                    .set(UPDATED, now).execute();
        }
    }

    void setEnabled(String pluginId, boolean enabled) {
        dsl.update(PLUGIN).set(ENABLED, enabled).set(UPDATED, now()).where(ID.eq(pluginId)).execute();
    }

    public void setFailure(String pluginId, String failure) {
        dsl.update(PLUGIN).set(FAILURE, failure).set(UPDATED, now()).where(ID.eq(pluginId)).execute();
    }

    void delete(String pluginId) {
        dsl.deleteFrom(PLUGIN).where(ID.eq(pluginId)).execute();
    }

    /** Appends to the audit table: {@code action} is e.g. {@code install}, {@code upgrade}, {@code refuse}. */
    public void audit(String pluginId, String action, String version, String detail, String actor) {
        dsl.insertInto(AUDIT)
                .set(field(name("plugin_id"), String.class), pluginId)
                .set(field(name("action"), String.class), action)
                .set(field(name("version"), String.class), version)
                .set(field(name("detail"), String.class), detail)
                .set(field(name("actor"), String.class), actor)
                .set(field(name("at"), OffsetDateTime.class), now())
                .execute();
    }

    /** The audit entries of a plugin, newest first: {@code action} + detail, for tests and support. */
    public List<String> auditActions(String pluginId) {
        return dsl.select(field(name("action"), String.class)).from(AUDIT)
                .where(field(name("plugin_id"), String.class).eq(pluginId))
                .orderBy(field(name("id")).desc()).fetch(r -> r.value1());
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
