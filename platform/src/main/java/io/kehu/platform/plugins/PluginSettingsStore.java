package io.kehu.platform.plugins;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** {@code kehu_plugin_setting}: the values behind every plugin's {@code PluginSettings}. */
@Repository
public class PluginSettingsStore {

    private static final Table<Record> SETTING = table(name("kehu_plugin_setting"));
    private static final Field<String> PLUGIN = field(name("plugin_id"), String.class);
    private static final Field<String> KEY = field(name("setting_key"), String.class);
    private static final Field<String> VALUE = field(name("setting_value"), String.class);

    private final DSLContext dsl;

    PluginSettingsStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String pluginId, String key) {
        return dsl.select(VALUE).from(SETTING).where(PLUGIN.eq(pluginId)).and(KEY.eq(key)).fetchOptional(VALUE);
    }

    public Map<String, String> all(String pluginId) {
        Map<String, String> values = new LinkedHashMap<>();
        dsl.select(KEY, VALUE).from(SETTING).where(PLUGIN.eq(pluginId)).orderBy(KEY)
                .forEach(r -> values.put(r.value1(), r.value2()));
        return values;
    }

    public void put(String pluginId, String key, String value) {
        if (value == null) {
            dsl.deleteFrom(SETTING).where(PLUGIN.eq(pluginId)).and(KEY.eq(key)).execute();
            return;
        }
        if (dsl.update(SETTING).set(VALUE, value).where(PLUGIN.eq(pluginId)).and(KEY.eq(key)).execute() == 0) {
            dsl.insertInto(SETTING).set(PLUGIN, pluginId).set(KEY, key).set(VALUE, value).execute();
        }
    }
}
