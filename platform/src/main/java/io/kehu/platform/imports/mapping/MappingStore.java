package io.kehu.platform.imports.mapping;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.imports.ImportMapping;
import io.kehu.platform.security.Actor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last mapping used per form ({@code kehu_import_mapping}, V11), as JSON, offered again for the next file: a
 * column takes the field its header (and the how-many-th occurrence of that header) had last time.
 */
@Component
public class MappingStore {

    private static final Table<Record> MAPPING = table(name("kehu_import_mapping"));
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<String> CONTENT = field(name("mapping"), String.class);
    private static final Field<Long> SAVED_BY = field(name("saved_by"), Long.class);
    private static final Field<OffsetDateTime> SAVED_AT = field(name("saved_at"), OffsetDateTime.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    MappingStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void save(String formId, ImportMapping mapping, Actor actor) {
        String json = JSON.writeValueAsString(mapping);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = dsl.update(MAPPING).set(CONTENT, json).set(SAVED_BY, actor.userId()).set(SAVED_AT, now)
                .where(FORM_ID.eq(formId)).execute();
        if (updated == 0) {
            dsl.insertInto(MAPPING, FORM_ID, CONTENT, SAVED_BY, SAVED_AT).values(formId, json, actor.userId(), now)
                    .execute();
        }
    }

    public Optional<ImportMapping> saved(String formId) {
        return dsl.select(CONTENT).from(MAPPING).where(FORM_ID.eq(formId)).fetchOptional(CONTENT)
                .map(json -> JSON.readValue(json, ImportMapping.class));
    }

    /**
     * {@code proposed} with each column that the saved mapping knows (same header, same occurrence) taking its saved
     * field; key fields come from the saved mapping when all of them are still mapped.
     */
    public static ImportMapping reuse(ImportMapping saved, ImportMapping proposed) {
        Map<String, String> byHeader = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (ImportMapping.Column c : saved.columns()) {
            String key = HeaderMatcher.normal(c.header());
            int n = seen.merge(key, 1, Integer::sum);
            byHeader.put(key + "#" + n, c.fieldId() == null ? "" : c.fieldId());
        }
        seen.clear();
        List<ImportMapping.Column> columns = new ArrayList<>();
        for (ImportMapping.Column c : proposed.columns()) {
            String key = HeaderMatcher.normal(c.header());
            int n = seen.merge(key, 1, Integer::sum);
            String field = byHeader.get(key + "#" + n);
            columns.add(field == null ? c : new ImportMapping.Column(c.index(), c.header(),
                    field.isEmpty() ? null : field));
        }
        // a field can fill one column only: a proposed match that the saved mapping also gave elsewhere gives way
        List<ImportMapping.Column> unique = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (ImportMapping.Column c : columns) {
            boolean dup = c.fieldId() != null && !used.add(c.fieldId());
            unique.add(dup ? new ImportMapping.Column(c.index(), c.header(), null) : c);
        }
        ImportMapping result = new ImportMapping(unique, List.of());
        boolean keysMapped = saved.keyFields().stream().allMatch(k -> result.columnOf(k).isPresent());
        return keysMapped ? result.withKeys(saved.keyFields()) : result;
    }
}
