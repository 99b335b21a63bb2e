package io.kehu.platform.forms.storage;

import static io.kehu.platform.forms.Definitions.field;
import static io.kehu.platform.forms.Definitions.form;
import static io.kehu.platform.forms.Definitions.ownedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.ColumnShape;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.DefinitionWriter;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.FormSeeder;
import io.kehu.platform.forms.FormVersion;
import io.kehu.platform.forms.SchemaChange;
import io.kehu.platform.forms.SchemaChangeRefusedException;
import io.kehu.platform.forms.reading.DefinitionLimits;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Publishing definitions against a real database: tables and columns appear with the right types, changes keep
 * every value, refused changes change nothing, and versions, rollback, preview and the catalog behave. Each supported
 * database runs this contract through a subclass; every test uses its own forms, so they share one database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class SchemaSyncContract {

    @Autowired
    DSLContext dsl;
    @Autowired
    FormPublisher publisher;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormSeeder seeder;
    @Autowired
    OwnerIndexes ownerIndexes;

    /** Whether DDL takes part in transactions (PostgreSQL) or commits by itself (H2). */
    abstract boolean transactionalDdl();

    @Test
    @Order(1)
    void seedingPublishesTheFilesOnlyIntoAnEmptyDatabase() {
        FormDefinition seeded = form("seeded_lead", field("name", FieldType.TEXT).get());

        assertThat(seeder.seedIfEmpty(List.of(seeded))).isTrue();
        assertThat(seeder.seedIfEmpty(List.of(form("seeded_other", field("name", FieldType.TEXT).get())))).isFalse();

        assertThat(catalog.published("seeded_lead")).contains(seeded);
        assertThat(catalog.published("seeded_other")).isEmpty();
        assertThat(publisher.versions("seeded_lead")).singleElement()
                .satisfies(v -> assertThat(v.publishedBy()).isEqualTo(FormSeeder.SEEDED_BY));
    }

    @Test
    void aPublishedFormIsARealTableWithTypedColumns() {
        publisher.publish(form("user_note",
                field("order_no", FieldType.TEXT).maxLength(40).unique().get(),
                field("body", FieldType.TEXTAREA).get(),
                field("qty", FieldType.INTEGER).get(),
                field("rate", FieldType.DECIMAL).scale(3).get(),
                field("amount", FieldType.MONEY).get(),
                field("share", FieldType.PERCENT).get(),
                field("due", FieldType.DATE).get(),
                field("done_at", FieldType.DATETIME).get(),
                field("done", FieldType.BOOLEAN).get(),
                field("level", FieldType.SELECT).options("A", "B").get(),
                field("score", FieldType.RATING).get(),
                field("owner", FieldType.USER).get(),
                field("total", FieldType.COMPUTED).resultType(FieldType.DECIMAL).get(),
                field("tags", FieldType.MULTISELECT).options("A", "B").get()), "admin", "first");

        assertThat(columns("frm_user_note")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("id", "bigint"), Map.entry("row_version", "integer"), Map.entry("parent_id", "bigint"),
                Map.entry("created_at", "timestamp with time zone"), Map.entry("created_by", "bigint"),
                Map.entry("updated_at", "timestamp with time zone"), Map.entry("updated_by", "bigint"),
                Map.entry("deleted_at", "timestamp with time zone"), Map.entry("deleted_by", "bigint"),
                Map.entry("order_no", "varchar(40)"), Map.entry("body", "varchar(4000)"),
                Map.entry("qty", "bigint"), Map.entry("rate", "numeric(24,3)"), Map.entry("amount", "numeric(19,2)"),
                Map.entry("amount_currency", "varchar(3)"), Map.entry("share", "numeric(12,4)"),
                Map.entry("due", "date"), Map.entry("done_at", "timestamp with time zone"),
                Map.entry("done", "boolean"), Map.entry("level", "varchar(64)"), Map.entry("score", "smallint"),
                Map.entry("owner", "bigint"), Map.entry("total", "numeric(24,2)")));
        assertThat(columns("frm_user_note__tags")).containsExactlyInAnyOrderEntriesOf(
                Map.of("record_id", "bigint", "value", "varchar(64)"));
        assertThat(indexes("frm_user_note")).contains("uk_frm_user_note__order_no", "ix_frm_user_note__owner",
                "ix_frm_user_note__parent_id");
        assertThat(indexes("frm_user_note__tags")).contains("ix_frm_user_note__tags__value");

        long id = insert("frm_user_note", Map.of("order_no", "A-1", "qty", 3L));
        assertThat(((Number) row("frm_user_note", id).get("row_version")).intValue()).isZero();
    }

    @Test
    void aFormWithAnOwnerFieldGetsAnIndexOnOwnerAndNewestFirstThatFollowsTheOwnerField() {
        FormDefinition byOwner = ownedBy("owner", form("owned_lead", field("name", FieldType.TEXT).get(),
                field("owner", FieldType.USER).get(), field("manager", FieldType.USER).get()));
        publisher.publish(byOwner, "admin", null);

        assertThat(indexColumns("frm_owned_lead", "ox_frm_owned_lead__owner")).containsExactly("owner", "id desc");

        publisher.publish(ownedBy("manager", byOwner), "admin", "the manager owns leads now");
        assertThat(indexes("frm_owned_lead")).contains("ox_frm_owned_lead__manager")
                .doesNotContain("ox_frm_owned_lead__owner");
        assertThat(indexColumns("frm_owned_lead", "ox_frm_owned_lead__manager"))
                .containsExactly("manager", "id desc");

        publisher.publish(ownedBy(null, byOwner), "admin", "no owners any more");
        assertThat(indexes("frm_owned_lead")).noneMatch(index -> index.startsWith("ox_"));
    }

    @Test
    void aTablePublishedWithoutItsOwnerIndexGetsItAtStartUpSync() {
        publisher.publish(ownedBy("owner", form("owned_older", field("name", FieldType.TEXT).get(),
                field("owner", FieldType.USER).get())), "admin", null);
        // As a table published before owner indexes existed: the definition is unchanged, the index is missing.
        dsl.dropIndex(name("ox_frm_owned_older__owner")).on(name("frm_owned_older")).execute();
        assertThat(indexes("frm_owned_older")).doesNotContain("ox_frm_owned_older__owner");

        ownerIndexes.ensure();
        assertThat(indexColumns("frm_owned_older", "ox_frm_owned_older__owner")).containsExactly("owner", "id desc");
        ownerIndexes.ensure(); // idempotent: the index is there, nothing fails
        assertThat(indexes("frm_owned_older")).containsOnlyOnce("ox_frm_owned_older__owner");
    }

    @Test
    void aUniqueFieldRefusesASecondEqualValue() {
        publisher.publish(form("unique_lead", field("phone", FieldType.PHONE).unique().get()), "admin", null);
        insert("frm_unique_lead", Map.of("phone", "13800000000"));

        assertThatThrownBy(() -> insert("frm_unique_lead", Map.of("phone", "13800000000")))
                .isInstanceOf(DataAccessException.class);
        insert("frm_unique_lead", Map.of("phone", "13900000000"));

        publisher.publish(form("unique_lead", field("phone", FieldType.PHONE).get()), "admin", "not unique any more");
        assertThat(indexes("frm_unique_lead")).doesNotContain("uk_frm_unique_lead__phone");
        insert("frm_unique_lead", Map.of("phone", "13800000000"));
    }

    @Test
    void aMultiselectSideTableHoldsEachValueOncePerRecord() {
        publisher.publish(form("tagged", field("tags", FieldType.MULTISELECT).options("A", "B").get()), "admin", null);
        long id = insert("frm_tagged", Map.of());
        insert("frm_tagged__tags", Map.of("record_id", id, "value", "A"));
        insert("frm_tagged__tags", Map.of("record_id", id, "value", "B"));

        assertThatThrownBy(() -> insert("frm_tagged__tags", Map.of("record_id", id, "value", "A")))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void addingAFieldAddsAColumnAndKeepsTheRows() {
        publisher.publish(form("grow", field("name", FieldType.TEXT).get()), "admin", null);
        long id = insert("frm_grow", Map.of("name", "Li Lei"));

        publisher.publish(form("grow", field("name", FieldType.TEXT).get(), field("city", FieldType.TEXT).get()),
                "admin", "add city");

        assertThat(columns("frm_grow")).containsEntry("city", "varchar(255)");
        Record row = row("frm_grow", id);
        assertThat(row.get("name")).isEqualTo("Li Lei");
        assertThat(row.get("city")).isNull();
    }

    @Test
    void removingAFieldHidesItAndAddingItBackRestoresItsValues() {
        FormDefinition full = form("shrink", field("name", FieldType.TEXT).get(),
                field("note", FieldType.TEXTAREA).get());
        publisher.publish(full, "admin", null);
        long id = insert("frm_shrink", Map.of("name", "Han Meimei", "note", "VIP since 2019"));

        FormDefinition without = form("shrink", field("name", FieldType.TEXT).get());
        publisher.publish(without, "admin", "drop note");
        assertThat(columns("frm_shrink")).containsKey("note");
        assertThat(row("frm_shrink", id).get("note")).isEqualTo("VIP since 2019");
        assertThat(dsl.fetchValue("select hidden from kehu_form_column where form_id = 'shrink' and field_id = 'note'"))
                .isEqualTo(true);
        assertThat(catalog.published("shrink")).contains(without);

        publisher.publish(full, "admin", "note is back");
        assertThat(row("frm_shrink", id).get("note")).isEqualTo("VIP since 2019");
        assertThat(dsl.fetchValue("select hidden from kehu_form_column where form_id = 'shrink' and field_id = 'note'"))
                .isEqualTo(false);
    }

    @Test
    void losslessChangesWidenColumnsAndKeepEveryValue() {
        publisher.publish(form("widen",
                field("code", FieldType.TEXT).maxLength(10).unique().get(),
                field("qty", FieldType.INTEGER).get(),
                field("rate", FieldType.DECIMAL).get(),
                field("level", FieldType.SELECT).options("KEY").get(),
                field("stars", FieldType.RATING).get()), "admin", null);
        long id = insert("frm_widen", Map.of("code", "ABCDEFGHIJ", "qty", 9_000_000_000_000_000_000L,
                "rate", new BigDecimal("12345678901234567890.12"), "level", "KEY", "stars", (short) 5));

        publisher.publish(form("widen",
                field("code", FieldType.TEXTAREA).maxLength(50).unique().get(),
                field("qty", FieldType.DECIMAL).get(),
                field("rate", FieldType.DECIMAL).scale(4).get(),
                field("level", FieldType.TEXT).get(),
                field("stars", FieldType.INTEGER).get()), "admin", "widen");

        assertThat(columns("frm_widen")).containsEntry("code", "varchar(50)").containsEntry("qty", "numeric(24,2)")
                .containsEntry("rate", "numeric(26,4)").containsEntry("level", "varchar(255)")
                .containsEntry("stars", "bigint");
        Record row = row("frm_widen", id);
        assertThat(row.get("code")).isEqualTo("ABCDEFGHIJ");
        assertThat((BigDecimal) row.get("qty")).isEqualByComparingTo("9000000000000000000");
        assertThat((BigDecimal) row.get("rate")).isEqualByComparingTo("12345678901234567890.12");
        assertThat(row.get("level")).isEqualTo("KEY");
        assertThat(((Number) row.get("stars")).longValue()).isEqualTo(5L);
        assertThatThrownBy(() -> insert("frm_widen", Map.of("code", "ABCDEFGHIJ")))
                .as("the unique index survives widening").isInstanceOf(DataAccessException.class);
    }

    @Test
    void aRefusedChangeChangesNothing() {
        FormDefinition v1 = form("refuse", field("code", FieldType.TEXT).get(), field("qty", FieldType.DECIMAL).get());
        publisher.publish(v1, "admin", null);
        long id = insert("frm_refuse", Map.of("code", "X-1"));

        assertThatThrownBy(() -> publisher.publish(form("refuse", field("code", FieldType.INTEGER).get(),
                field("qty", FieldType.INTEGER).get(), field("extra", FieldType.TEXT).get()), "admin", null))
                .isInstanceOf(SchemaChangeRefusedException.class)
                .hasMessage("Form 'refuse', field 'code': cannot change text(255) to integer, because stored texts "
                        + "need not be numbers, and those that are not would be lost. Instead, add a new field and "
                        + "copy the values.\nForm 'refuse', field 'qty': cannot change decimal(scale 2) to integer, "
                        + "because the digits after the decimal point would be lost. Instead, add a new field and copy "
                        + "the values.");

        assertThat(columns("frm_refuse")).doesNotContainKey("extra").containsEntry("code", "varchar(255)");
        assertThat(row("frm_refuse", id).get("code")).isEqualTo("X-1");
        assertThat(publisher.versions("refuse")).hasSize(1);
        assertThat(catalog.published("refuse")).contains(v1);
    }

    @Test
    void makingAFieldWithDuplicatesUniqueIsRefused() {
        publisher.publish(form("dupes", field("email", FieldType.EMAIL).get()), "admin", null);
        insert("frm_dupes", Map.of("email", "a@example.com"));
        insert("frm_dupes", Map.of("email", "a@example.com"));

        assertThatThrownBy(() -> publisher.publish(form("dupes", field("email", FieldType.EMAIL).unique().get()),
                "admin", null)).isInstanceOf(SchemaChangeRefusedException.class)
                .hasMessage("Form 'dupes', field 'email': cannot become unique, because some values occur more than "
                        + "once (e.g. a@example.com). Instead, make those values unique first, then publish again.");
        assertThat(publisher.versions("dupes")).hasSize(1);
    }

    @Test
    void formsThatPointAtEachOtherArePublishedTogether() {
        FormDefinition customer = form("pa_customer", field("name", FieldType.TEXT).get(),
                field("contacts", FieldType.SUBTABLE).form("pa_contact").get());
        FormDefinition contact = form("pa_contact", field("name", FieldType.TEXT).get());
        FormDefinition order = form("pa_order", field("buyer", FieldType.REFERENCE).form("pa_customer").get());

        assertThatThrownBy(() -> publisher.publish(order, "admin", null))
                .isInstanceOf(SchemaChangeRefusedException.class)
                .hasMessageContaining("points at form 'pa_customer', which is neither published nor part of this");
        assertThat(tableExists("frm_pa_order")).isFalse();

        List<FormVersion> versions = publisher.publishAll(List.of(order, customer, contact), "admin", "together");

        assertThat(versions).extracting(FormVersion::formId, FormVersion::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pa_order", 1),
                        org.assertj.core.groups.Tuple.tuple("pa_customer", 1),
                        org.assertj.core.groups.Tuple.tuple("pa_contact", 1));
        assertThat(columns("frm_pa_customer")).doesNotContainKey("contacts");
        assertThat(columns("frm_pa_order")).containsEntry("buyer", "bigint");
        assertThat(indexes("frm_pa_order")).contains("ix_frm_pa_order__buyer");
        long parent = insert("frm_pa_customer", Map.of("name", "Acme"));
        insert("frm_pa_contact", Map.of("name", "Zhang San", "parent_id", parent));
        insert("frm_pa_order", Map.of("buyer", parent));
    }

    @Test
    void versionsAreNumberedAndRollbackPublishesAnOldDefinitionAgain() {
        FormDefinition v1 = form("history", field("name", FieldType.TEXT).get());
        FormDefinition v2 = form("history", field("name", FieldType.TEXT).get(), field("phone", FieldType.PHONE).get());
        publisher.publish(v1, "admin", "first");
        publisher.publish(v2, "manager", "add phone");

        FormVersion rolledBack = publisher.rollback("history", 1, "admin");

        assertThat(rolledBack.number()).isEqualTo(3);
        assertThat(publisher.versions("history")).extracting(FormVersion::number, FormVersion::publishedBy,
                FormVersion::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "admin", "first"),
                org.assertj.core.groups.Tuple.tuple(2, "manager", "add phone"),
                org.assertj.core.groups.Tuple.tuple(3, "admin", "Rollback to version 1"));
        assertThat(publisher.versions("history")).allSatisfy(v -> assertThat(v.publishedAt()).isNotNull());
        assertThat(publisher.version("history", 2)).contains(v2);
        assertThat(catalog.published("history")).contains(v1);
        assertThat(columns("frm_history")).containsKey("phone");
        assertThatThrownBy(() -> publisher.rollback("history", 9, "admin"))
                .hasMessage("Form 'history' has no version 9.");
    }

    @Test
    void previewShowsThePlanAndChangesNothing() {
        FormDefinition lead = form("preview_lead", field("name", FieldType.TEXT).get());

        SchemaChange change = publisher.previewPublish(lead);

        assertThat(change.describe()).contains("Create table frm_preview_lead for form preview_lead",
                "Add column frm_preview_lead.name varchar(255) for field name");
        assertThat(tableExists("frm_preview_lead")).isFalse();
        assertThat(publisher.versions("preview_lead")).isEmpty();
        assertThat(catalog.published("preview_lead")).isEmpty();
    }

    @Test
    void aFailureMidwayLeavesNoVersionAndPublishingAgainCompletesIt() {
        // A view already holds the second form's table name, so its ALTER TABLE fails after the first form's DDL.
        dsl.execute("create view " + dsl.render(name("frm_midway_b")) + " as select 1 as x");
        FormDefinition a = form("midway_a", field("name", FieldType.TEXT).get());
        FormDefinition b = form("midway_b", field("name", FieldType.TEXT).get());

        assertThatThrownBy(() -> publisher.publishAll(List.of(a, b), "admin", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Schema sync failed at step");

        assertThat(publisher.versions("midway_a")).isEmpty();
        assertThat(publisher.versions("midway_b")).isEmpty();
        assertThat(dsl.fetchCount(table(name("kehu_form")), field(name("form_id")).in("midway_a", "midway_b")))
                .isZero();
        assertThat(catalog.published("midway_a")).isEmpty();
        // PostgreSQL rolls the DDL back; H2 committed it statement by statement and keeps the unused table.
        assertThat(tableExists("frm_midway_a")).isEqualTo(!transactionalDdl());

        dsl.execute("drop view " + dsl.render(name("frm_midway_b")));
        assertThat(publisher.publishAll(List.of(a, b), "admin", null)).extracting(FormVersion::number)
                .containsExactly(1, 1);
        assertThat(columns("frm_midway_a")).containsKey("name");
        assertThat(columns("frm_midway_b")).containsKey("name");
    }

    @Test
    void theCatalogSeesEachNewVersionInNavigationOrder() {
        FormDefinition v1 = form("cat_lead", field("name", FieldType.TEXT).get());
        publisher.publish(v1, "admin", null);
        assertThat(catalog.published("cat_lead")).contains(v1);

        FormDefinition v2 = form("cat_lead", field("name", FieldType.TEXT).get(), field("city", FieldType.TEXT).get());
        publisher.publish(v2, "admin", null);
        assertThat(catalog.published("cat_lead")).contains(v2);
        assertThat(catalog.allPublished()).contains(v2).doesNotContain(v1)
                .isSortedAccordingTo(java.util.Comparator.comparing(FormDefinition::id));
    }

    @Test
    void aFormStoredInFormat1StillLoadsAndTakesANewVersion() {
        // A database written before the storage format had a version: its rows hold serialised model records.
        String v1 = DefinitionJsonTest.resource("contact_person.definition_json")
                .replaceFirst("^\\{\"id\":\"contact_person\"", "{\"id\":\"legacy_contact\"")
                // The catalog contract expects every form of these tests in group crm.
                .replace("\"navigationOrder\":0", "\"navigationGroup\":\"crm\",\"navigationOrder\":0");
        FormDefinition legacy = DefinitionJson.readForm(v1);
        publisher.publish(legacy, "admin", null);
        dsl.update(table(name("kehu_form_version"))).set(field(name("definition_json")), v1)
                .where(field(name("form_id")).eq("legacy_contact")).execute();
        for (String row : DefinitionJsonTest.resource("contact_person.field_json.jsonl").lines().toList()) {
            String fieldId = DefinitionJson.readField(row).id();
            dsl.update(table(name("kehu_form_column"))).set(field(name("field_json")), row)
                    .where(field(name("form_id")).eq("legacy_contact"), field(name("field_id")).eq(fieldId))
                    .execute();
        }

        assertThat(publisher.version("legacy_contact", 1)).contains(legacy);
        assertThat(legacy.fields()).extracting(FieldDefinition::id).contains("name", "email", "phone");
        assertThat(legacy.navigationGroup()).isEqualTo("crm");
        FormDefinition next = new FormDefinition(legacy.id(), legacy.label(), legacy.icon(), legacy.navigationGroup(),
                legacy.navigationOrder(), legacy.titleField(), legacy.ownerField(),
                java.util.stream.Stream.concat(legacy.fields().stream(), java.util.stream.Stream.of(
                        field("hobby", FieldType.TEXT).get())).toList(),
                legacy.layout(), legacy.rules(), legacy.access());
        publisher.publish(next, "admin", "adds hobby");

        assertThat(publisher.version("legacy_contact", 2)).contains(next);
        assertThat(dsl.select(field(name("definition_json"), String.class)).from(table(name("kehu_form_version")))
                .where(field(name("form_id")).eq("legacy_contact"), field(name("version_number")).eq(2))
                .fetchOne().value1()).startsWith("{\"format\":2,");
        assertThat(columns("frm_legacy_contact")).containsKeys("name", "email", "wechat", "hobby");
    }

    @Test
    void aFormAtTheFieldLimitPublishes() {
        // 300 money fields are the widest table a definition can ask for: 600 field columns plus the system columns,
        // well inside PostgreSQL's 1,600. The definition passes the reader's limits, so the publisher must manage it.
        FieldDefinition[] fields = java.util.stream.IntStream.range(0, DefinitionLimits.MAX_FIELDS)
                .mapToObj(i -> field("amount_" + i, FieldType.MONEY).get()).toArray(FieldDefinition[]::new);
        FormDefinition widest = form("widest", fields);
        new DefinitionReader().read("widest.json", new DefinitionWriter().write(widest));

        publisher.publish(widest, "admin", null);

        assertThat(columns("frm_widest")).hasSizeGreaterThan(2 * DefinitionLimits.MAX_FIELDS)
                .containsKeys("amount_299", "amount_299_currency");
    }

    @Test
    void draftsAreKeptApartFromPublishedVersions() {
        FormDefinition draft = form("drafted", field("name", FieldType.TEXT).get());
        publisher.saveDraft(draft, "manager");

        assertThat(publisher.draft("drafted")).contains(draft);
        assertThat(catalog.published("drafted")).isEmpty();
        assertThat(tableExists("frm_drafted")).isFalse();

        publisher.publish(draft, "manager", null);
        assertThat(publisher.draft("drafted")).as("publishing the draft as it is clears it").isEmpty();
    }

    private long insert(String table, Map<String, Object> values) {
        Map<org.jooq.Field<?>, Object> row = new LinkedHashMap<>();
        values.forEach((column, value) -> row.put(field(name(column)), value));
        if (table.contains("__")) {
            dsl.insertInto(table(name(table))).set(row).execute();
            return 0;
        }
        var insert = row.isEmpty() ? dsl.insertInto(table(name(table))).defaultValues()
                : dsl.insertInto(table(name(table))).set(row);
        return insert.returningResult(field(name("id"), Long.class)).fetchOne().value1();
    }

    private Record row(String table, long id) {
        return dsl.selectFrom(table(name(table))).where(field(name("id")).eq(id)).fetchOne();
    }

    private boolean tableExists(String table) {
        return !columns(table).isEmpty();
    }

    /** Column name → SQL type as read from information_schema, spelled like {@link ColumnShape#text()}. */
    private Map<String, String> columns(String table) {
        Map<String, String> columns = new LinkedHashMap<>();
        dsl.fetch("select column_name, data_type, character_maximum_length, numeric_precision, numeric_scale "
                        + "from information_schema.columns where table_schema = 'public' and table_name = ?", table)
                .forEach(r -> columns.put(r.get(0, String.class), typeOf(r)));
        return columns;
    }

    private static String typeOf(Record r) {
        String type = r.get(1, String.class).toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "character varying" -> "varchar(" + r.get(2, Long.class) + ")";
            case "numeric" -> "numeric(" + r.get(3, Integer.class) + "," + r.get(4, Integer.class) + ")";
            default -> type;
        };
    }

    /** The columns of one index in order, each followed by " desc" when it is sorted descending. */
    private List<String> indexColumns(String table, String index) {
        return dsl.meta().getTables(table).stream().filter(t -> t.getName().equals(table))
                .flatMap(t -> t.getIndexes().stream()).filter(i -> i.getName().equals(index))
                .flatMap(i -> i.getFields().stream())
                .map(f -> f.getName() + (f.getOrder() == org.jooq.SortOrder.DESC ? " desc" : "")).toList();
    }

    private List<String> indexes(String table) {
        return dsl.meta().getTables(table).stream().filter(t -> t.getName().equals(table))
                .flatMap(t -> t.getIndexes().stream()).map(org.jooq.Named::getName).toList();
    }
}
