package io.kehu.platform.forms.storage;

import static io.kehu.platform.forms.Definitions.field;
import static io.kehu.platform.forms.Definitions.form;
import static io.kehu.platform.forms.Definitions.ownedBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.ColumnShape;
import io.kehu.platform.forms.Definitions;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.SchemaChange;
import io.kehu.platform.forms.SchemaChangeRefusedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The plans schema sync computes, without a database: what it does, and what it refuses and why. */
public class SchemaSyncPlanTest {

    @Test
    void aNewFormCreatesItsTableColumnsSideTablesAndIndexes() {
        FormDefinition customer = form("customer",
                field("name", FieldType.TEXT).maxLength(120).get(),
                field("phone", FieldType.PHONE).unique().get(),
                field("budget", FieldType.MONEY).indexed().get(),
                field("owner", FieldType.USER).get(),
                field("tags", FieldType.MULTISELECT).options("A").get(),
                field("contacts", FieldType.SUBTABLE).form("contact_person").get());

        SchemaChange change = SchemaSync.plan((FormDefinition) null, customer).change();

        assertThat(change.refused()).isFalse();
        assertThat(change.describe()).containsExactly(
                "Create table frm_customer for form customer",
                "Add column frm_customer.name varchar(120) for field name",
                "Add column frm_customer.phone varchar(32) for field phone",
                "Add column frm_customer.budget numeric(19,2) for field budget",
                "Add column frm_customer.budget_currency varchar(3) for field budget",
                "Add column frm_customer.owner bigint for field owner",
                "Create table frm_customer__tags for the values of multiselect field customer.tags",
                "Create index ix_frm_customer__parent_id on frm_customer(parent_id)",
                "Create unique index uk_frm_customer__phone on frm_customer(phone)",
                "Create index ix_frm_customer__budget on frm_customer(budget)",
                "Create index ix_frm_customer__owner on frm_customer(owner)",
                "Create index ix_frm_customer__tags__value on frm_customer__tags(value)");
    }

    @Test
    void anUnchangedDefinitionNeedsNoStep() {
        FormDefinition customer = form("customer", field("name", FieldType.TEXT).unique().get());
        assertThat(SchemaSync.plan(customer, customer).change().steps()).isEmpty();
    }

    @Test
    void aRemovedFieldIsHiddenAndAddingItBackRestoresIt() {
        FormDefinition before = form("customer", field("name", FieldType.TEXT).get(),
                field("note", FieldType.TEXTAREA).get());
        FormDefinition without = form("customer", field("name", FieldType.TEXT).get());

        SchemaSync.FormSync hide = SchemaSync.plan(before, without);
        assertThat(hide.change().describe()).containsExactly(
                "Hide field customer.note (its column and values are kept)");
        assertThat(hide.storedAfter().get("note").hidden()).isTrue();

        SchemaSync.FormSync restore = SchemaSync.plan(new FormStorage(without, hide.storedAfter()), before);
        assertThat(restore.change().describe()).containsExactly(
                "Restore hidden field customer.note with its kept values");
        assertThat(restore.storedAfter().get("note").hidden()).isFalse();
    }

    static List<Arguments> losslessChanges() {
        return List.of(
                Arguments.of(field("f", FieldType.TEXT).maxLength(100), field("f", FieldType.TEXT).maxLength(200),
                        "varchar(100)", "varchar(200)"),
                Arguments.of(field("f", FieldType.TEXT), field("f", FieldType.TEXTAREA), "varchar(255)",
                        "varchar(4000)"),
                Arguments.of(field("f", FieldType.TEXTAREA), field("f", FieldType.TEXTAREA).maxLength(10000),
                        "varchar(4000)", "varchar(10000)"),
                Arguments.of(field("f", FieldType.INTEGER), field("f", FieldType.DECIMAL), "bigint", "numeric(24,2)"),
                Arguments.of(field("f", FieldType.INTEGER), field("f", FieldType.DECIMAL).scale(6), "bigint",
                        "numeric(25,6)"),
                Arguments.of(field("f", FieldType.DECIMAL), field("f", FieldType.DECIMAL).scale(4), "numeric(24,2)",
                        "numeric(26,4)"),
                Arguments.of(field("f", FieldType.SELECT).options("A"), field("f", FieldType.TEXT), "varchar(64)",
                        "varchar(255)"),
                Arguments.of(field("f", FieldType.RATING), field("f", FieldType.INTEGER), "smallint", "bigint"),
                Arguments.of(field("f", FieldType.PERCENT), field("f", FieldType.DECIMAL).scale(4), "numeric(12,4)",
                        "numeric(24,4)"),
                Arguments.of(field("f", FieldType.EMAIL), field("f", FieldType.TEXTAREA), "varchar(254)",
                        "varchar(4000)"));
    }

    @ParameterizedTest
    @MethodSource("losslessChanges")
    void losslessTypeChangesWidenTheColumn(Definitions.Field from, Definitions.Field to, String oldType,
            String newType) {
        SchemaChange change = SchemaSync.plan(form("deal", from.get()), form("deal", to.get())).change();

        assertThat(change.refusals()).isEmpty();
        assertThat(change.describe()).containsExactly("Widen column frm_deal.f from " + oldType + " to " + newType);
    }

    @Test
    void aComputedFieldMayBecomeAPlainFieldOfItsResultType() {
        SchemaChange change = SchemaSync.plan(
                form("deal", field("total", FieldType.COMPUTED).resultType(FieldType.DECIMAL).get()),
                form("deal", field("total", FieldType.DECIMAL).get())).change();
        assertThat(change.refused()).isFalse();
        assertThat(change.steps()).isEmpty();
    }

    static List<Arguments> lossyChanges() {
        return List.of(
                Arguments.of(field("f", FieldType.TEXT), field("f", FieldType.INTEGER),
                        "cannot change text(255) to integer, because stored texts need not be numbers, and those "
                                + "that are not would be lost. Instead, add a new field and copy the values."),
                Arguments.of(field("f", FieldType.TEXT), field("f", FieldType.TEXT).maxLength(100),
                        "cannot change text(255) to text(100), because stored values longer than 100 characters "
                                + "would be cut. Instead, keep maxLength at 255 or more, or add a new field and copy "
                                + "the values."),
                Arguments.of(field("f", FieldType.DECIMAL), field("f", FieldType.INTEGER),
                        "cannot change decimal(scale 2) to integer, because the digits after the decimal point "
                                + "would be lost. Instead, add a new field and copy the values."),
                Arguments.of(field("f", FieldType.DECIMAL).scale(4), field("f", FieldType.DECIMAL).scale(2),
                        "cannot change decimal(scale 4) to decimal(scale 2), because digits after decimal place 2 "
                                + "would be rounded away. Instead, keep scale at 4 or more, or add a new field and "
                                + "copy the values."),
                Arguments.of(field("f", FieldType.REFERENCE).form("customer"),
                        field("f", FieldType.REFERENCE).form("supplier"),
                        "cannot change reference to 'customer' to reference to 'supplier', because its stored "
                                + "values belong to records of form 'customer', not of 'supplier'. Instead, add a new "
                                + "reference field for 'supplier'."),
                Arguments.of(field("f", FieldType.SELECT).options("A"), field("f", FieldType.MULTISELECT).options("A"),
                        "cannot change select to multiselect, because multiselect values live in a side table, so "
                                + "the values in the column would not carry over. Instead, add a new field and copy "
                                + "the values."),
                Arguments.of(field("f", FieldType.MULTISELECT).options("A"), field("f", FieldType.SELECT).options("A"),
                        "cannot change multiselect to select, because a record may hold several values, but one "
                                + "column holds only one. Instead, add a new field and copy the values."),
                Arguments.of(field("f", FieldType.TEXTAREA), field("f", FieldType.TEXT).maxLength(4000),
                        "cannot change textarea(4000) to text(4000), because a text field holds one line, but "
                                + "stored values may span several lines. Instead, add a new field and copy the "
                                + "values."),
                Arguments.of(field("f", FieldType.INTEGER), field("f", FieldType.RATING),
                        "cannot change integer to rating, because a rating holds 1 to 5 only, so other numbers "
                                + "would not fit. Instead, add a new field and copy the values."),
                Arguments.of(field("f", FieldType.MONEY), field("f", FieldType.DECIMAL),
                        "cannot change money to decimal(scale 2), because an amount of money carries a currency "
                                + "that a plain number does not. Instead, add a new field and copy the values."),
                Arguments.of(field("f", FieldType.DATE), field("f", FieldType.DATETIME),
                        "cannot change date to datetime, because a date has no time of day or time zone, so one "
                                + "would have to be invented. Instead, add a new field and copy the values."),
                Arguments.of(field("f", FieldType.USER), field("f", FieldType.REFERENCE).form("customer"),
                        "cannot change user to reference to 'customer', because user ids and record ids are "
                                + "different things. Instead, add a new field and copy the values."),
                Arguments.of(field("f", FieldType.TEXT), field("f", FieldType.SELECT).options("A"),
                        "cannot change text(255) to select, because stored texts need not be one of the options. "
                                + "Instead, add a new field and copy the values."),
                Arguments.of(field("f", FieldType.URL), field("f", FieldType.TEXT),
                        "cannot change url to text(255), because stored values longer than 255 characters would be "
                                + "cut. Instead, keep maxLength at 2048 or more, or add a new field and copy the "
                                + "values."),
                Arguments.of(field("f", FieldType.BOOLEAN), field("f", FieldType.TEXT),
                        "cannot change boolean to text(255), because values of these types are stored differently "
                                + "and cannot be converted without loss. Instead, add a new field and copy the "
                                + "values."),
                Arguments.of(field("f", FieldType.SUBTABLE).form("contact_person"),
                        field("f", FieldType.SUBTABLE).form("address"),
                        "cannot change subtable of 'contact_person' to subtable of 'address', because its stored "
                                + "values belong to records of form 'contact_person', not of 'address'. Instead, add "
                                + "a new subtable field for 'address'."));
    }

    @ParameterizedTest
    @MethodSource("lossyChanges")
    void lossyTypeChangesAreRefusedWithTheReasonAndWhatToDoInstead(Definitions.Field from, Definitions.Field to,
            String message) {
        SchemaSync.FormSync sync = SchemaSync.plan(form("deal", from.get()), form("deal", to.get()));

        assertThat(sync.change().refusals()).containsExactly("Form 'deal', field 'f': " + message);
    }

    @Test
    void reAddingAHiddenFieldWithAnIncompatibleTypeSuggestsRestoringIt() {
        FieldDefinition oldNote = field("note", FieldType.TEXT).get();
        StoredField hidden = new StoredField(oldNote, ColumnShape.parse("varchar(255)"), true);
        FormStorage current = new FormStorage(form("deal", field("name", FieldType.TEXT).get()),
                Map.of("name", StoredField.live(field("name", FieldType.TEXT).get()), "note", hidden));

        SchemaChange change = SchemaSync.plan(current, form("deal", field("name", FieldType.TEXT).get(),
                field("note", FieldType.DATE).get())).change();

        assertThat(change.refusals()).containsExactly("Form 'deal', field 'note' (removed earlier; its column still "
                + "holds the old values): cannot change text(255) to date, because values of these types are stored "
                + "differently and cannot be converted without loss. Instead, give the new field another id, or add "
                + "it back as text(255) to restore its old values.");
    }

    @Test
    void aRefusedPlanHasNoStepsForTheRefusedFieldAndCannotBeApplied() {
        SchemaChange change = SchemaSync.plan(form("deal", field("f", FieldType.TEXT).get()),
                form("deal", field("f", FieldType.INTEGER).get(), field("g", FieldType.TEXT).get())).change();
        assertThat(change.refused()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaSync.apply(null, change))
                .isInstanceOf(SchemaChangeRefusedException.class)
                .hasMessageStartingWith("Form 'deal', field 'f': cannot change text(255) to integer");
    }

    @Test
    void invalidIdentifiersNeverReachSqlEvenWhenGivenDirectly() {
        assertThat(SchemaSync.plan((FormDefinition) null, form("Order")).change().refusals()).containsExactly(
                "Form 'Order': its id cannot name a table, because it must start with a lower-case letter and "
                        + "contain only a-z, 0-9 and _.");
        assertThat(SchemaSync.plan((FormDefinition) null, form("x\"; drop table kehu_user; --")).change().refused())
                .isTrue();
        assertThat(SchemaSync.plan((FormDefinition) null, form("deal__tags")).change().refusals()).containsExactly(
                "Form 'deal__tags': its id cannot name a table, because it must not contain a double underscore "
                        + "(reserved for side tables such as frm_form__field).");
        SchemaChange fields = SchemaSync.plan((FormDefinition) null, form("deal",
                field("select", FieldType.TEXT).get(), field("a b", FieldType.TEXT).get(),
                field("name", FieldType.TEXT).get(), field("name", FieldType.INTEGER).get())).change();
        assertThat(fields.refusals()).containsExactly(
                "Form 'deal', field 'select': its id cannot name a column, because it is a reserved word.",
                "Form 'deal', field 'a b': its id cannot name a column, because it must start with a lower-case "
                        + "letter and contain only a-z, 0-9 and _.",
                "Form 'deal', field 'name': the id is used by two fields.");
        assertThat(fields.steps()).isEmpty();
    }

    @Test
    void structuralProblemsAreRefused() {
        SchemaChange change = SchemaSync.plan((FormDefinition) null, form("deal",
                field("price", FieldType.MONEY).get(), field("price_currency", FieldType.TEXT).get(),
                field("total", FieldType.COMPUTED).get(), field("buyer", FieldType.REFERENCE).get())).change();
        assertThat(change.refusals()).containsExactly(
                "Form 'deal', field 'total': a computed field needs a plain resultType (such as decimal or text) to "
                        + "be stored.",
                "Form 'deal', field 'buyer': a reference field needs the id of the form it points at, but 'null' "
                        + "is empty.",
                "Form 'deal', field 'price_currency': its column is taken by the currency of money field 'price'. "
                        + "Instead, give it another id.");
    }

    @Test
    void fieldsPointingAtUnknownFormsAreRefused() {
        FormDefinition order = form("sales_order", field("buyer", FieldType.REFERENCE).form("customer").get());
        assertThat(SchemaSync.missingTargets(List.of(order), Set.of("sales_order"))).containsExactly(
                "Form 'sales_order', field 'buyer': points at form 'customer', which is neither published nor part "
                        + "of this publish. Instead, publish 'customer' first or together with 'sales_order'.");
        assertThat(SchemaSync.missingTargets(List.of(order), Set.of("sales_order", "customer"))).isEmpty();
    }

    @Test
    void derivedNamesStayWithinPostgresLimitAndStayDistinct() {
        String form = "a".repeat(FormTables.MAX_IDENTIFIER_LENGTH);
        String first = FormTables.uniqueIndex(form, "b".repeat(27) + "1");
        String second = FormTables.uniqueIndex(form, "b".repeat(27) + "2");
        assertThat(first).hasSizeLessThanOrEqualTo(FormTables.MAX_NAME_LENGTH).isNotEqualTo(second);
        assertThat(second).hasSize(FormTables.MAX_NAME_LENGTH);
        assertThat(FormTables.uniqueIndex(form, "b".repeat(27) + "1")).isEqualTo(first);
        assertThat(FormTables.index("frm_customer", "owner")).isEqualTo("ix_frm_customer__owner");
    }

    @Test
    void turningUniqueOffDropsTheUniqueIndexAndKeepsAPlainOneForReferences() {
        SchemaChange change = SchemaSync.plan(
                form("deal", field("buyer", FieldType.REFERENCE).form("customer").unique().get()),
                form("deal", field("buyer", FieldType.REFERENCE).form("customer").get())).change();
        assertThat(change.describe()).containsExactly(
                "Drop index uk_frm_deal__buyer on frm_deal",
                "Create index ix_frm_deal__buyer on frm_deal(buyer)");
    }

    @Test
    void aFormWithAnOwnerFieldGetsAnOwnerIndexOnceAndKeepsIt() {
        FormDefinition customer = ownedBy("owner", form("customer", field("name", FieldType.TEXT).get(),
                field("owner", FieldType.USER).get()));

        assertThat(SchemaSync.plan((FormDefinition) null, customer).change().describe()).containsSubsequence(
                "Create index ix_frm_customer__owner on frm_customer(owner)",
                "Create index ox_frm_customer__owner on frm_customer(owner, id desc) for owners' lists");
        assertThat(SchemaSync.plan(customer, customer).change().steps()).isEmpty();
        assertThat(SchemaSync.plan((FormDefinition) null, form("note", field("owner", FieldType.USER).get()))
                .change().describe()).noneMatch(step -> step.contains("ox_"));
    }

    @Test
    void changingTheOwnerFieldMovesTheOwnerIndexAndDroppingItDropsTheIndex() {
        FormDefinition byOwner = ownedBy("owner", form("customer", field("owner", FieldType.USER).get(),
                field("manager", FieldType.USER).get()));
        FormDefinition byManager = ownedBy("manager", byOwner);

        assertThat(SchemaSync.plan(byOwner, byManager).change().describe()).containsExactly(
                "Drop index ox_frm_customer__owner on frm_customer",
                "Create index ox_frm_customer__manager on frm_customer(manager, id desc) for owners' lists");
        assertThat(SchemaSync.plan(byOwner, ownedBy(null, byOwner)).change().describe()).containsExactly(
                "Drop index ox_frm_customer__owner on frm_customer");
    }

    @Test
    void anIndexedDateFieldOfAnOwnedFormGetsAnOwnerLedIndexThatFollowsTheField() {
        FormDefinition plain = ownedBy("owner", form("customer", field("owner", FieldType.USER).get(),
                field("signed_on", FieldType.DATE).get(), field("last_seen", FieldType.DATETIME).indexed().get(),
                field("score", FieldType.INTEGER).indexed().get()));
        FormDefinition indexed = ownedBy("owner", form("customer", field("owner", FieldType.USER).get(),
                field("signed_on", FieldType.DATE).indexed().get(), field("last_seen", FieldType.DATETIME).indexed()
                        .get(), field("score", FieldType.INTEGER).indexed().get()));

        // Dates only: an owner's list sorted by a number is rarer, and every index costs on every write.
        assertThat(SchemaSync.plan((FormDefinition) null, plain).change().describe())
                .contains("Create index ox_frm_customer__owner__last_seen on frm_customer(owner, last_seen)"
                        + " for owners' lists")
                .noneMatch(step -> step.contains("ox_frm_customer__owner__score"))
                .noneMatch(step -> step.contains("ox_frm_customer__owner__signed_on"));
        assertThat(SchemaSync.plan(plain, indexed).change().describe()).containsExactly(
                "Create index ix_frm_customer__signed_on on frm_customer(signed_on)",
                "Create index ox_frm_customer__owner__signed_on on frm_customer(owner, signed_on) for owners' lists");
        assertThat(SchemaSync.plan(indexed, plain).change().describe()).containsExactly(
                "Drop index ix_frm_customer__signed_on on frm_customer",
                "Drop index ox_frm_customer__owner__signed_on on frm_customer");
        assertThat(SchemaSync.plan(indexed, ownedBy(null, indexed)).change().describe()).containsExactly(
                "Drop index ox_frm_customer__owner on frm_customer",
                "Drop index ox_frm_customer__owner__signed_on on frm_customer",
                "Drop index ox_frm_customer__owner__last_seen on frm_customer");
    }

    @Test
    void theOwnerIndexNameCannotMeetAFieldIndexName() {
        assertThat(FormTables.ownerIndex("customer", "owner")).isEqualTo("ox_frm_customer__owner")
                .isNotEqualTo(FormTables.index("frm_customer", "owner_id"));
        assertThat(FormTables.ownerIndex("a".repeat(28), "b".repeat(28)))
                .hasSizeLessThanOrEqualTo(FormTables.MAX_NAME_LENGTH);
    }
}
