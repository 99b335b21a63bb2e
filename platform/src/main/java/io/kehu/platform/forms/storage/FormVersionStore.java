package io.kehu.platform.forms.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.ColumnShape;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormDraft;
import io.kehu.platform.forms.FormOverview;
import io.kehu.platform.forms.FormVersion;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code kehu_form}, {@code kehu_form_version} and {@code kehu_form_column}. Writes join the
 * caller's transaction; the publisher makes them run after the DDL so that a failed schema change never leaves a
 * version behind.
 */
@Repository
public class FormVersionStore {

    private static final Table<Record> FORM = table(name("kehu_form"));
    private static final Table<Record> VERSION = table(name("kehu_form_version"));
    private static final Table<Record> COLUMN = table(name("kehu_form_column"));
    // Qualified: kehu_form and kehu_form_version are joined on form_id, and H2 finds an unqualified one ambiguous.
    private static final Field<String> FORM_ID = field(name("kehu_form", "form_id"), String.class);
    private static final Field<String> VERSION_FORM_ID = field(name("kehu_form_version", "form_id"), String.class);
    private static final Field<String> COLUMN_FORM_ID = field(name("kehu_form_column", "form_id"), String.class);
    private static final Field<Integer> PUBLISHED_VERSION = field(name("published_version"), Integer.class);
    private static final Field<String> DRAFT_JSON = field(name("draft_json"), String.class);
    private static final Field<String> DRAFT_UPDATED_BY = field(name("draft_updated_by"), String.class);
    private static final Field<OffsetDateTime> DRAFT_UPDATED_AT = field(name("draft_updated_at"), OffsetDateTime.class);
    private static final Field<Integer> VERSION_NUMBER = field(name("version_number"), Integer.class);
    private static final Field<String> DEFINITION_JSON = field(name("definition_json"), String.class);
    private static final Field<String> PUBLISHED_BY = field(name("published_by"), String.class);
    private static final Field<OffsetDateTime> PUBLISHED_AT = field(name("published_at"), OffsetDateTime.class);
    private static final Field<String> NOTE = field(name("note"), String.class);
    private static final Field<String> FIELD_ID = field(name("field_id"), String.class);
    private static final Field<String> FIELD_TYPE = field(name("field_type"), String.class);
    private static final Field<String> COLUMN_TYPE = field(name("column_type"), String.class);
    private static final Field<Boolean> HIDDEN = field(name("hidden"), Boolean.class);
    private static final Field<String> FIELD_JSON = field(name("field_json"), String.class);

    private final DSLContext dsl;

    FormVersionStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean isEmpty() {
        return !dsl.fetchExists(FORM);
    }

    /** What the database holds for a form: its published definition and its stored fields. */
    public FormStorage storage(String formId) {
        FormDefinition published = published(formId).orElse(null);
        Map<String, StoredField> fields = new LinkedHashMap<>();
        dsl.select(FIELD_ID, COLUMN_TYPE, HIDDEN, FIELD_JSON).from(COLUMN)
                .where(COLUMN_FORM_ID.eq(formId)).orderBy(FIELD_ID)
                .forEach(r -> fields.put(r.get(FIELD_ID), new StoredField(DefinitionJson.readField(r.get(FIELD_JSON)),
                        r.get(COLUMN_TYPE) == null ? null : ColumnShape.parse(r.get(COLUMN_TYPE)), r.get(HIDDEN))));
        return new FormStorage(published, fields);
    }

    Optional<FormDefinition> published(String formId) {
        return dsl.select(DEFINITION_JSON).from(VERSION).join(FORM).on(VERSION_FORM_ID.eq(FORM_ID))
                .where(FORM_ID.eq(formId)).and(VERSION_NUMBER.eq(PUBLISHED_VERSION))
                .fetchOptional(r -> DefinitionJson.readForm(r.value1()));
    }

    List<FormDefinition> allPublished() {
        return dsl.select(DEFINITION_JSON).from(VERSION).join(FORM).on(VERSION_FORM_ID.eq(FORM_ID))
                .where(VERSION_NUMBER.eq(PUBLISHED_VERSION))
                .fetch(r -> DefinitionJson.readForm(r.value1()));
    }

    public Optional<FormDefinition> version(String formId, int number) {
        return dsl.select(DEFINITION_JSON).from(VERSION)
                .where(VERSION_FORM_ID.eq(formId)).and(VERSION_NUMBER.eq(number))
                .fetchOptional(r -> DefinitionJson.readForm(r.value1()));
    }

    public List<FormVersion> versions(String formId) {
        return dsl.select(VERSION_NUMBER, PUBLISHED_BY, PUBLISHED_AT, NOTE).from(VERSION)
                .where(VERSION_FORM_ID.eq(formId)).orderBy(VERSION_NUMBER)
                .fetch(r -> new FormVersion(formId, r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Records a publish: the next version row, the form's current version, and the stored fields afterwards. A
     * draft equal to the published definition is cleared, since it holds no unpublished change any more.
     */
    public FormVersion recordPublish(SchemaSync.FormSync sync, String publishedBy, String note, OffsetDateTime now) {
        FormDefinition definition = sync.definition();
        String formId = definition.id();
        ensureForm(formId);
        int number = dsl.select(max(VERSION_NUMBER)).from(VERSION).where(VERSION_FORM_ID.eq(formId))
                .fetchOptional(r -> r.value1() == null ? 0 : r.value1()).orElse(0) + 1;
        dsl.insertInto(VERSION)
                .set(VERSION_FORM_ID, formId)
                .set(VERSION_NUMBER, number)
                .set(DEFINITION_JSON, DefinitionJson.write(definition))
                .set(PUBLISHED_BY, publishedBy)
                .set(PUBLISHED_AT, now)
                .set(NOTE, note)
                .execute();
        dsl.update(FORM).set(PUBLISHED_VERSION, number).where(FORM_ID.eq(formId)).execute();
        if (draft(formId).filter(definition::equals).isPresent()) {
            dsl.update(FORM).setNull(DRAFT_JSON).setNull(DRAFT_UPDATED_BY).setNull(DRAFT_UPDATED_AT)
                    .where(FORM_ID.eq(formId)).execute();
        }
        dsl.deleteFrom(COLUMN).where(COLUMN_FORM_ID.eq(formId)).execute();
        for (StoredField stored : sync.storedAfter().values()) {
            dsl.insertInto(COLUMN)
                    .set(COLUMN_FORM_ID, formId)
                    .set(FIELD_ID, stored.definition().id())
                    .set(FIELD_TYPE, stored.definition().storedType().jsonName())
                    .set(COLUMN_TYPE, stored.shape() == null ? null : stored.shape().text())
                    .set(HIDDEN, stored.hidden())
                    .set(FIELD_JSON, DefinitionJson.write(stored.definition()))
                    .execute();
        }
        return new FormVersion(formId, number, publishedBy, now, note);
    }

    public void saveDraft(FormDefinition definition, String by, OffsetDateTime now) {
        ensureForm(definition.id());
        dsl.update(FORM)
                .set(DRAFT_JSON, DefinitionJson.write(definition))
                .set(DRAFT_UPDATED_BY, by)
                .set(DRAFT_UPDATED_AT, now)
                .where(FORM_ID.eq(definition.id()))
                .execute();
    }

    public Optional<FormDraft> draftInfo(String formId) {
        return dsl.select(DRAFT_JSON, DRAFT_UPDATED_BY, DRAFT_UPDATED_AT).from(FORM).where(FORM_ID.eq(formId))
                .and(DRAFT_JSON.isNotNull())
                .fetchOptional(r -> new FormDraft(DefinitionJson.readForm(r.value1()), r.value2(), r.value3()));
    }

    /** Every form with its published version (and who published it) and its draft, by form id. */
    public List<FormOverview> overview() {
        Field<String> publishedBy = field(name("kehu_form_version", "published_by"), String.class);
        Field<OffsetDateTime> publishedAt = field(name("kehu_form_version", "published_at"), OffsetDateTime.class);
        return dsl.select(FORM_ID, PUBLISHED_VERSION, publishedBy, publishedAt, DRAFT_UPDATED_BY, DRAFT_UPDATED_AT)
                .from(FORM).leftJoin(VERSION).on(VERSION_FORM_ID.eq(FORM_ID))
                .and(field(name("kehu_form_version", "version_number"), Integer.class).eq(PUBLISHED_VERSION))
                .orderBy(FORM_ID)
                .fetch(r -> new FormOverview(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6()));
    }

    /** Forgets a form's draft (the designer's "discard draft"); the published version is untouched. */
    public void discardDraft(String formId) {
        dsl.update(FORM).setNull(DRAFT_JSON).setNull(DRAFT_UPDATED_BY).setNull(DRAFT_UPDATED_AT)
                .where(FORM_ID.eq(formId)).execute();
    }

    public Optional<FormDefinition> draft(String formId) {
        return dsl.select(DRAFT_JSON).from(FORM).where(FORM_ID.eq(formId)).and(DRAFT_JSON.isNotNull())
                .fetchOptional(r -> DefinitionJson.readForm(r.value1()));
    }

    private void ensureForm(String formId) {
        if (!dsl.fetchExists(FORM, FORM_ID.eq(formId))) {
            dsl.insertInto(FORM).set(FORM_ID, formId).execute();
        }
    }
}
