package io.kehu.platform.dedupe.merge;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.security.Actor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The merges ({@code kehu_merge}, V16): what each changed and moved, for its undo. */
@Component
class MergeLog {

    /**
     * A related record moved to the survivor: its form, id, reference field and the row version the move left. For a
     * subtable row (e.g. a contact person), which cannot change parent, the row is copied under the survivor and the
     * original deleted: {@code id}/{@code rowVersion} are the copy's, {@code fieldId} the subtable field,
     * {@code copyOf} the original row and {@code originalVersion} its version after the delete (what a restore
     * expects); both {@code null} for a moved record.
     */
    record Moved(String formId, long id, String fieldId, int rowVersion, Long copyOf, Integer originalVersion) {

        Moved(String formId, long id, String fieldId, int rowVersion) {
            this(formId, id, fieldId, rowVersion, null, null);
        }

        boolean subtableRow() {
            return copyOf != null;
        }
    }

    /** One merge as logged. Before-values are field → text as the write path reads it (null: was empty). */
    record Entry(long id, String formId, long survivorId, long mergedId, Long userId, String userName,
                 Map<String, String> survivorBefore, Map<String, String> mergedBefore, List<Moved> moved,
                 int survivorVersion, int mergedVersion, boolean undone) {
    }

    private static final Table<Record> MERGE = table(name("kehu_merge"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> SURVIVOR = field(name("survivor_id"), Long.class);
    private static final Field<Long> MERGED = field(name("merged_id"), Long.class);
    private static final Field<Long> USER_ID = field(name("user_id"), Long.class);
    private static final Field<String> USER_NAME = field(name("user_name"), String.class);
    private static final Field<String> SURVIVOR_BEFORE = field(name("survivor_before"), String.class);
    private static final Field<String> MERGED_BEFORE = field(name("merged_before"), String.class);
    private static final Field<String> MOVED = field(name("moved"), String.class);
    private static final Field<Integer> SURVIVOR_VERSION = field(name("survivor_version"), Integer.class);
    private static final Field<Integer> MERGED_VERSION = field(name("merged_version"), Integer.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UNDONE_AT = field(name("undone_at"), OffsetDateTime.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };
    private static final TypeReference<List<Moved>> MOVES = new TypeReference<>() {
    };

    private final DSLContext dsl;

    MergeLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Starts the log of a merge (inside its transaction): its id is the audit origin {@code merge:<id>}. */
    long start(String formId, long survivorId, long mergedId, Actor actor) {
        return dsl.insertInto(MERGE).set(FORM_ID, formId).set(SURVIVOR, survivorId).set(MERGED, mergedId)
                .set(USER_ID, actor.userId()).set(USER_NAME, actor.username()).set(SURVIVOR_BEFORE, "{}")
                .set(MERGED_BEFORE, "{}").set(MOVED, "[]").set(SURVIVOR_VERSION, 0).set(MERGED_VERSION, 0)
                .set(CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC)).returningResult(ID).fetchOne(ID);
    }

    void finish(long id, Map<String, String> survivorBefore, Map<String, String> mergedBefore, List<Moved> moved,
                int survivorVersion, int mergedVersion) {
        dsl.update(MERGE).set(SURVIVOR_BEFORE, JSON.writeValueAsString(survivorBefore))
                .set(MERGED_BEFORE, JSON.writeValueAsString(mergedBefore)).set(MOVED, JSON.writeValueAsString(moved))
                .set(SURVIVOR_VERSION, survivorVersion).set(MERGED_VERSION, mergedVersion).where(ID.eq(id))
                .execute();
    }

    Optional<Entry> get(long id) {
        return dsl.selectFrom(MERGE).where(ID.eq(id)).fetchOptional().map(r -> new Entry(r.get(ID), r.get(FORM_ID),
                r.get(SURVIVOR), r.get(MERGED), r.get(USER_ID), r.get(USER_NAME),
                JSON.readValue(r.get(SURVIVOR_BEFORE), VALUES), JSON.readValue(r.get(MERGED_BEFORE), VALUES),
                JSON.readValue(r.get(MOVED), MOVES), r.get(SURVIVOR_VERSION), r.get(MERGED_VERSION),
                r.get(UNDONE_AT) != null));
    }

    void undone(long id) {
        dsl.update(MERGE).set(UNDONE_AT, OffsetDateTime.now(ZoneOffset.UTC)).where(ID.eq(id)).execute();
    }
}
