package io.kehu.platform.plugins;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** {@code kehu_plugin_file}: the files behind every plugin's {@code PluginFiles}, each row its plugin's own. */
@Repository
public class PluginFileStore {

    private static final Table<Record> FILE = table(name("kehu_plugin_file"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> PLUGIN = field(name("plugin_id"), String.class);
    private static final Field<String> OWNER = field(name("owner_key"), String.class);
    private static final Field<String> NAME = field(name("file_name"), String.class);
    private static final Field<String> TYPE = field(name("content_type"), String.class);
    private static final Field<Long> SIZE = field(name("size_bytes"), Long.class);
    private static final Field<String> SHA = field(name("sha256"), String.class);
    private static final Field<OffsetDateTime> CREATED = field(name("created_at"), OffsetDateTime.class);
    private static final Field<String> BY = field(name("created_by"), String.class);
    private static final Field<byte[]> CONTENT = field(name("content"), byte[].class);

    /** A stored file without its content. */
    public record Row(long id, String ownerKey, String fileName, String contentType, long size, String sha256,
            Instant createdAt, String createdBy) {
    }

    private final DSLContext dsl;

    PluginFileStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Row insert(String pluginId, String ownerKey, String fileName, String contentType, byte[] content,
            String sha256, Instant at, String by) {
        long id = dsl.insertInto(FILE).set(PLUGIN, pluginId).set(OWNER, ownerKey).set(NAME, fileName)
                .set(TYPE, contentType).set(SIZE, (long) content.length).set(SHA, sha256)
                .set(CREATED, at.atOffset(ZoneOffset.UTC)).set(BY, by).set(CONTENT, content)
                .returningResult(ID).fetchOne(ID);
        return new Row(id, ownerKey, fileName, contentType, content.length, sha256, at, by);
    }

    public List<Row> list(String pluginId, String ownerKey) {
        return dsl.select(ID, OWNER, NAME, TYPE, SIZE, SHA, CREATED, BY).from(FILE).where(PLUGIN.eq(pluginId))
                .and(OWNER.eq(ownerKey)).orderBy(ID).fetch(PluginFileStore::row);
    }

    public Optional<Row> find(String pluginId, long id) {
        return dsl.select(ID, OWNER, NAME, TYPE, SIZE, SHA, CREATED, BY).from(FILE).where(PLUGIN.eq(pluginId))
                .and(ID.eq(id)).fetchOptional(PluginFileStore::row);
    }

    public Optional<byte[]> content(String pluginId, long id) {
        return dsl.select(CONTENT).from(FILE).where(PLUGIN.eq(pluginId)).and(ID.eq(id)).fetchOptional(CONTENT);
    }

    public boolean delete(String pluginId, long id) {
        return dsl.deleteFrom(FILE).where(PLUGIN.eq(pluginId)).and(ID.eq(id)).execute() > 0;
    }

    private static Row row(org.jooq.Record8<Long, String, String, String, Long, String, OffsetDateTime, String> r) {
        return new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                r.value7().toInstant(), r.value8());
    }
}
