package io.kehu.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.security.Actor;
import io.kehu.platform.storage.PgCopy;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep9;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * The {@code kehu_audit} table: appends the changes of a write (in the caller's transaction, so a refused or failed
 * write leaves no audit row) and reads a record's history back.
 */
@Component
class AuditTrail {

    private static final Table<org.jooq.Record> AUDIT = table(name("kehu_audit"));
    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<String> FORM_ID = field(name("form_id"), SQLDataType.VARCHAR);
    private static final Field<Long> RECORD_ID = field(name("record_id"), SQLDataType.BIGINT);
    private static final Field<String> ACTION = field(name("action"), SQLDataType.VARCHAR);
    private static final Field<String> FIELD_ID = field(name("field_id"), SQLDataType.VARCHAR);
    private static final Field<String> OLD_VALUE = field(name("old_value"), SQLDataType.VARCHAR);
    private static final Field<String> NEW_VALUE = field(name("new_value"), SQLDataType.VARCHAR);
    private static final Field<Long> CHANGED_BY = field(name("changed_by"), SQLDataType.BIGINT);
    private static final Field<String> CHANGED_BY_NAME = field(name("changed_by_name"), SQLDataType.VARCHAR);
    private static final Field<OffsetDateTime> CHANGED_AT = field(name("changed_at"), SQLDataType.OFFSETDATETIME);
    private static final Field<String> ORIGIN = field(name("origin"), SQLDataType.VARCHAR);

    /**
     * One change to append.
     *
     * @param fieldId the field, or {@code null} for delete/restore
     * @param oldValue the typed value before
     * @param newValue the typed value after
     */
    record Change(String fieldId, Object oldValue, Object newValue) {
    }

    private final DSLContext dsl;

    AuditTrail(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Appends {@code changes} of one write in a single statement. */
    void append(String formId, long recordId, AuditAction action, List<Change> changes, Actor actor,
                OffsetDateTime at) {
        if (changes.isEmpty()) {
            return;
        }
        InsertValuesStep9<org.jooq.Record, String, Long, String, String, String, String, Long, String,
                OffsetDateTime> insert = dsl.insertInto(AUDIT, FORM_ID, RECORD_ID, ACTION, FIELD_ID, OLD_VALUE,
                NEW_VALUE, CHANGED_BY, CHANGED_BY_NAME, CHANGED_AT);
        for (Change c : changes) {
            insert = insert.values(formId, recordId, action.code(), c.fieldId(), FieldValues.toText(c.oldValue()),
                    FieldValues.toText(c.newValue()), actor.userId(), actor.username(), at);
        }
        insert.execute();
    }

    /** One change of a bulk write: the record it belongs to and the change. */
    record Row(long recordId, Change change) {
    }

    /**
     * Appends the changes of many writes of one form, action and actor with multi-row statements (a few thousand
     * rows each), for bulk writes.
     */
    void appendAll(String formId, AuditAction action, List<Row> rows, Actor actor, OffsetDateTime at) {
        appendAll(formId, action, rows, actor, at, null);
    }

    /** As above, with the writes' {@code origin} (e.g. {@code import:42}; {@code null} for none). */
    void appendAll(String formId, AuditAction action, List<Row> rows, Actor actor, OffsetDateTime at,
                   String origin) {
        if (rows.isEmpty()) {
            return;
        }
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            appendAllByCopy(formId, action, rows, actor, at, origin);
            return;
        }
        final int perStatement = 4000;
        for (int from = 0; from < rows.size(); from += perStatement) {
            var insert = dsl.insertInto(AUDIT, FORM_ID, RECORD_ID, ACTION, FIELD_ID, OLD_VALUE, NEW_VALUE,
                    CHANGED_BY, CHANGED_BY_NAME, CHANGED_AT, ORIGIN);
            for (Row r : rows.subList(from, Math.min(rows.size(), from + perStatement))) {
                Change c = r.change();
                insert = insert.values(formId, r.recordId(), action.code(), c.fieldId(),
                        FieldValues.toText(c.oldValue()), FieldValues.toText(c.newValue()), actor.userId(),
                        actor.username(), at, origin);
            }
            insert.execute();
        }
    }

    /** The entries written with {@code origin}, oldest first, streamed through a cursor. */
    void withOrigin(String origin, java.util.function.Consumer<AuditEntry> each) {
        try (var cursor = dsl.select(ID, FORM_ID, RECORD_ID, ACTION, FIELD_ID, OLD_VALUE, NEW_VALUE, CHANGED_BY,
                        CHANGED_BY_NAME, CHANGED_AT)
                .from(AUDIT).where(ORIGIN.eq(origin)).orderBy(ID).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> each.accept(new AuditEntry(r.get(ID), r.get(FORM_ID), r.get(RECORD_ID),
                    AuditAction.fromCode(r.get(ACTION)), r.get(FIELD_ID), r.get(OLD_VALUE), r.get(NEW_VALUE),
                    r.get(CHANGED_BY), r.get(CHANGED_BY_NAME), RecordTable.utc(r.get(CHANGED_AT)))));
        }
    }

    /**
     * PostgreSQL: one {@code COPY} of all rows (see {@link PgCopy}): no statement to render and no arrays to encode
     * for a chunk's thousands of audit rows.
     */
    private void appendAllByCopy(String formId, AuditAction action, List<Row> rows, Actor actor,
                                     OffsetDateTime at, String origin) {
        PgCopy copy = new PgCopy(rows.size(), 120);
        String atText = at.toString();
        for (Row r : rows) {
            Change c = r.change();
            copy.add(formId).add(r.recordId()).add(action.code()).add(c.fieldId())
                    .add(FieldValues.toText(c.oldValue())).add(FieldValues.toText(c.newValue()))
                    .add(actor.userId()).add(actor.username()).add(atText).add(origin).endRow();
        }
        copy.into(dsl, AUDIT, List.of(FORM_ID, RECORD_ID, ACTION, FIELD_ID, OLD_VALUE, NEW_VALUE, CHANGED_BY,
                CHANGED_BY_NAME, CHANGED_AT, ORIGIN));
    }

    /** The history of a record, oldest first. */
    List<AuditEntry> history(String formId, long recordId) {
        return dsl.select(ID, FORM_ID, RECORD_ID, ACTION, FIELD_ID, OLD_VALUE, NEW_VALUE, CHANGED_BY, CHANGED_BY_NAME,
                        CHANGED_AT)
                .from(AUDIT)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)))
                .orderBy(ID)
                .fetch(r -> new AuditEntry(r.get(ID), r.get(FORM_ID), r.get(RECORD_ID),
                        AuditAction.fromCode(r.get(ACTION)), r.get(FIELD_ID), r.get(OLD_VALUE), r.get(NEW_VALUE),
                        r.get(CHANGED_BY), r.get(CHANGED_BY_NAME), RecordTable.utc(r.get(CHANGED_AT))));
    }

    /**
     * One page of a record's history, newest first, with only the entries {@code readable} lets through (a condition
     * on the field id, so that pages stay full and the index on (form, record, id) does the ordering).
     */
    List<AuditEntry> page(String formId, long recordId, org.jooq.Condition readable, int offset, int limit) {
        return dsl.select(ID, FORM_ID, RECORD_ID, ACTION, FIELD_ID, OLD_VALUE, NEW_VALUE, CHANGED_BY, CHANGED_BY_NAME,
                        CHANGED_AT)
                .from(AUDIT)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId))).and(readable)
                .orderBy(ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AuditEntry(r.get(ID), r.get(FORM_ID), r.get(RECORD_ID),
                        AuditAction.fromCode(r.get(ACTION)), r.get(FIELD_ID), r.get(OLD_VALUE), r.get(NEW_VALUE),
                        r.get(CHANGED_BY), r.get(CHANGED_BY_NAME), RecordTable.utc(r.get(CHANGED_AT))));
    }

    /** The newest {@code limit} entries of every form, newest first (the primary key orders them). */
    List<AuditEntry> recent(int limit) {
        return dsl.select(ID, FORM_ID, RECORD_ID, ACTION, FIELD_ID, OLD_VALUE, NEW_VALUE, CHANGED_BY, CHANGED_BY_NAME,
                        CHANGED_AT)
                .from(AUDIT)
                .orderBy(ID.desc())
                .limit(limit)
                .fetch(r -> new AuditEntry(r.get(ID), r.get(FORM_ID), r.get(RECORD_ID),
                        AuditAction.fromCode(r.get(ACTION)), r.get(FIELD_ID), r.get(OLD_VALUE), r.get(NEW_VALUE),
                        r.get(CHANGED_BY), r.get(CHANGED_BY_NAME), RecordTable.utc(r.get(CHANGED_AT))));
    }

    /** Entries about record-level actions or one of {@code fieldIds}. */
    static org.jooq.Condition aboutRecordOr(java.util.Collection<String> fieldIds) {
        return FIELD_ID.isNull().or(FIELD_ID.in(fieldIds));
    }

    /** The newest entry of a record: who saved it last. */
    Optional<AuditEntry> latest(String formId, long recordId) {
        return dsl.select(ID, FORM_ID, RECORD_ID, ACTION, FIELD_ID, OLD_VALUE, NEW_VALUE, CHANGED_BY, CHANGED_BY_NAME,
                        CHANGED_AT)
                .from(AUDIT)
                .where(FORM_ID.eq(formId).and(RECORD_ID.eq(recordId)))
                .orderBy(ID.desc())
                .limit(1)
                .fetchOptional(r -> new AuditEntry(r.get(ID), r.get(FORM_ID), r.get(RECORD_ID),
                        AuditAction.fromCode(r.get(ACTION)), r.get(FIELD_ID), r.get(OLD_VALUE), r.get(NEW_VALUE),
                        r.get(CHANGED_BY), r.get(CHANGED_BY_NAME), RecordTable.utc(r.get(CHANGED_AT))));
    }
}
