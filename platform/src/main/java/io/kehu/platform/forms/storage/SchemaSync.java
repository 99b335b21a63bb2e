package io.kehu.platform.forms.storage;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.ColumnShape;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.SchemaChange;
import io.kehu.platform.forms.SchemaChangeRefusedException;
import io.kehu.platform.forms.SchemaStep;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;

/**
 * Turns definitions into tables and columns, additively and without loss. {@link #plan} compares what a form
 * already has ({@link FormStorage}) with its new definition and yields the steps or the refusals; {@link #apply}
 * runs an allowed plan with jOOQ DDL, every name quoted.
 *
 * <ul>
 *   <li>A new field adds a nullable column; a removed field is only marked hidden, its column and values stay, and
 *       adding it back with a compatible type restores them.</li>
 *   <li>A type change is allowed only when every stored value fits unchanged ({@link TypeChangeRules}).</li>
 *   <li>Unique fields get a plain unique index over all rows: H2 has no partial indexes, so the value of a
 *       soft-deleted record stays taken until it is purged or changed.</li>
 *   <li>Indexed fields and reference and user columns get an index; multiselect values live in a side table with
 *       an index on the value; subtable fields add nothing (child rows point back through {@code parent_id}).</li>
 *   <li>A form with an owner field gets an index on (owner column, id desc) for STAFF users' newest-first lists; it
 *       moves with the owner field ({@link FormTables#ownerIndex}).</li>
 * </ul>
 */
public final class SchemaSync {

    private SchemaSync() {
    }

    /** The plan for a form published from {@code previous} (or never) to {@code next}, nothing hidden. */
    public static FormSync plan(FormDefinition previous, FormDefinition next) {
        return plan(FormStorage.of(previous), next);
    }

    /** The plan that brings {@code current} to {@code next}, with the fields remembered afterwards. */
    public static FormSync plan(FormStorage current, FormDefinition next) {
        List<String> refusals = structuralProblems(current, next);
        if (!refusals.isEmpty()) {
            return new FormSync(next, new SchemaChange(List.of(), refusals), current.fields());
        }
        String form = next.id();
        String table = FormTables.table(form);
        List<SchemaStep> steps = new ArrayList<>();
        Map<String, StoredField> after = new LinkedHashMap<>();
        if (!current.exists()) {
            steps.add(new SchemaStep.CreateTable(form, table));
            steps.add(new SchemaStep.CreateIndex(form, null, table, FormTables.PARENT_ID,
                    FormTables.index(table, FormTables.PARENT_ID), false, false));
        }
        for (FieldDefinition field : next.fields()) {
            StoredField stored = current.fields().get(field.id());
            if (stored == null) {
                steps.addAll(newField(form, field));
                after.put(field.id(), StoredField.live(field));
                continue;
            }
            TypeChangeRules.Verdict verdict = TypeChangeRules.check(form, stored, field);
            if (verdict.refused()) {
                refusals.add(verdict.refusal());
                continue;
            }
            if (stored.hidden()) {
                steps.add(new SchemaStep.RestoreField(form, field.id()));
            }
            if (verdict.shape() != null && !verdict.shape().equals(stored.shape())) {
                steps.add(new SchemaStep.WidenColumn(form, field.id(), table, field.id(), stored.shape(),
                        verdict.shape()));
            }
            steps.addAll(indexChanges(form, stored.definition(), field));
            after.put(field.id(), new StoredField(field, verdict.shape(), false));
        }
        steps.addAll(ownerIndexChanges(current.published(), next));
        for (StoredField stored : current.fields().values()) {
            String id = stored.definition().id();
            if (next.field(id).isEmpty()) {
                if (!stored.hidden()) {
                    steps.add(new SchemaStep.HideField(form, id));
                }
                after.put(id, new StoredField(stored.definition(), stored.shape(), true));
            }
        }
        return new FormSync(next, new SchemaChange(steps, refusals), after);
    }

    /**
     * Refusals for fields that point at forms which will not exist: {@code known} are the ids published already or
     * being published in the same plan.
     */
    public static List<String> missingTargets(Collection<FormDefinition> definitions, Set<String> known) {
        List<String> problems = new ArrayList<>();
        for (FormDefinition definition : definitions) {
            for (FieldDefinition field : definition.fields()) {
                if (field.type().targetsForm() && field.form() != null && !known.contains(field.form())) {
                    problems.add("Form '" + definition.id() + "', field '" + field.id() + "': points at form '"
                            + field.form() + "', which is neither published nor part of this publish. Instead, "
                            + "publish '" + field.form() + "' first or together with '" + definition.id() + "'.");
                }
            }
        }
        return problems;
    }

    /**
     * Runs an allowed plan. Each step is idempotent; on PostgreSQL the caller's transaction makes the whole plan
     * atomic, on H2 every DDL statement commits by itself, so a failing step leaves the earlier ones in place.
     */
    public static void apply(DSLContext dsl, SchemaChange change) {
        if (change.refused()) {
            throw new SchemaChangeRefusedException(change.refusals());
        }
        List<SchemaStep> steps = change.steps();
        for (int i = 0; i < steps.size(); i++) {
            SchemaStep step = steps.get(i);
            try {
                if (step instanceof SchemaStep.CreateTable create && !tableExists(dsl, create.table())) {
                    i = createWithColumns(dsl, create, steps, i);
                } else {
                    run(dsl, step);
                }
            } catch (DataAccessException e) {
                throw new IllegalStateException("Schema sync failed at step '" + step.description() + "': "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Creates a new table with the columns of the AddColumn steps that follow it in one statement: on H2 every
     * ALTER TABLE ... ADD COLUMN costs more the wider the table already is, so a wide form added column by column
     * took minutes. When the table exists already (a publish that failed midway on H2 is run again), the steps run
     * one by one instead, each skipping what is there.
     *
     * @return the index of the last step handled
     */
    private static int createWithColumns(DSLContext dsl, SchemaStep.CreateTable create, List<SchemaStep> steps,
                                         int at) {
        List<Field<?>> columns = new ArrayList<>(FormTables.SYSTEM_COLUMN_TYPES.entrySet().stream()
                .<Field<?>>map(c -> field(name(c.getKey()), c.getValue())).toList());
        int last = at;
        while (last + 1 < steps.size() && steps.get(last + 1) instanceof SchemaStep.AddColumn add
                && add.table().equals(create.table())) {
            columns.add(field(name(add.column()), add.shape().dataType()));
            last++;
        }
        dsl.createTableIfNotExists(name(create.table()))
                .columns(columns)
                .constraints(constraint(name(FormTables.boundedName("pk_" + create.table())))
                        .primaryKey(name(FormTables.ID)))
                .execute();
        return last;
    }

    private static boolean tableExists(DSLContext dsl, String table) {
        return !dsl.meta().getTables(table).stream().filter(t -> t.getName().equals(table)).toList().isEmpty();
    }

    private static void run(DSLContext dsl, SchemaStep step) {
        switch (step) {
            case SchemaStep.CreateTable s -> {
                List<Field<?>> columns = FormTables.SYSTEM_COLUMN_TYPES.entrySet().stream()
                        .<Field<?>>map(c -> field(name(c.getKey()), c.getValue())).toList();
                dsl.createTableIfNotExists(name(s.table()))
                        .columns(columns)
                        .constraints(constraint(name(FormTables.boundedName("pk_" + s.table())))
                                .primaryKey(name(FormTables.ID)))
                        .execute();
            }
            case SchemaStep.AddColumn s ->
                    dsl.alterTable(name(s.table())).addColumnIfNotExists(name(s.column()), s.shape().dataType())
                            .execute();
            case SchemaStep.CreateSideTable s -> dsl.createTableIfNotExists(name(s.table()))
                    .column(name(FormTables.SIDE_RECORD_ID), SQLDataType.BIGINT.notNull())
                    .column(name(FormTables.SIDE_VALUE), SQLDataType.VARCHAR(FormTables.OPTION_VALUE_LENGTH).notNull())
                    .constraints(constraint(name(FormTables.boundedName("pk_" + s.table())))
                            .primaryKey(name(FormTables.SIDE_RECORD_ID), name(FormTables.SIDE_VALUE)))
                    .execute();
            case SchemaStep.WidenColumn s ->
                    dsl.alterTable(name(s.table())).alter(name(s.column())).set(s.to().dataType()).execute();
            case SchemaStep.CreateIndex s -> (s.unique()
                    ? dsl.createUniqueIndexIfNotExists(name(s.name()))
                    : dsl.createIndexIfNotExists(name(s.name())))
                    .on(table(name(s.table())), field(name(s.column())))
                    .execute();
            case SchemaStep.CreateOwnerIndex s -> dsl.createIndexIfNotExists(name(s.name()))
                    .on(table(name(s.table())), field(name(s.ownerField())), s.sortColumn() == null
                            ? field(name(FormTables.ID)).desc() : field(name(s.sortColumn())).asc())
                    .execute();
            case SchemaStep.DropIndex s -> dsl.dropIndexIfExists(name(s.name())).on(name(s.table())).execute();
            case SchemaStep.HideField s -> {
                // Nothing to run: hiding is remembered in kehu_form_column; the column keeps its values.
            }
            case SchemaStep.RestoreField s -> {
                // Nothing to run: the column was never dropped.
            }
        }
    }

    private static List<SchemaStep> newField(String form, FieldDefinition field) {
        String table = FormTables.table(form);
        FieldType type = field.storedType();
        List<SchemaStep> steps = new ArrayList<>();
        if (type == FieldType.MULTISELECT) {
            String side = FormTables.multiselectTable(form, field.id());
            steps.add(new SchemaStep.CreateSideTable(form, field.id(), side));
            steps.add(new SchemaStep.CreateIndex(form, field.id(), side, FormTables.SIDE_VALUE,
                    FormTables.index(side, FormTables.SIDE_VALUE), false, false));
        } else if (type.storedInOwnTable()) {
            steps.add(new SchemaStep.AddColumn(form, field.id(), table, field.id(),
                    ColumnShape.of(FormTables.columnType(field))));
            if (type == FieldType.MONEY) {
                steps.add(new SchemaStep.AddColumn(form, field.id(), table, FormTables.currencyColumn(field.id()),
                        ColumnShape.of(SQLDataType.VARCHAR(3))));
            }
            steps.addAll(indexChanges(form, null, field));
        }
        return steps;
    }

    /** Drops the indexes {@code old} had and {@code next} no longer wants, and creates the missing ones. */
    private static List<SchemaStep> indexChanges(String form, FieldDefinition old, FieldDefinition next) {
        String table = FormTables.table(form);
        String oldIndex = old == null ? null : wantedIndex(form, old);
        String newIndex = wantedIndex(form, next);
        List<SchemaStep> steps = new ArrayList<>();
        if (Objects.equals(oldIndex, newIndex)) {
            return steps;
        }
        if (oldIndex != null) {
            steps.add(new SchemaStep.DropIndex(form, next.id(), table, oldIndex));
        }
        if (newIndex != null) {
            steps.add(new SchemaStep.CreateIndex(form, next.id(), table, next.id(), newIndex, next.unique(),
                    old != null));
        }
        return steps;
    }

    /**
     * Drops the owner-led indexes of the previous definition that the next one no longer wants (owner field changed
     * or went, a date field no longer indexed or removed) and creates those it newly wants. Unchanged ones need no
     * step here; tables published before owner indexes existed get theirs from {@link OwnerIndexes} at start-up.
     */
    private static List<SchemaStep> ownerIndexChanges(FormDefinition previous, FormDefinition next) {
        List<SchemaStep.CreateOwnerIndex> old = previous == null ? List.of() : ownerIndexes(previous);
        List<SchemaStep.CreateOwnerIndex> wanted = ownerIndexes(next);
        Set<String> oldNames = new HashSet<>();
        old.forEach(i -> oldNames.add(i.name()));
        Set<String> wantedNames = new HashSet<>();
        wanted.forEach(i -> wantedNames.add(i.name()));
        List<SchemaStep> steps = new ArrayList<>();
        for (SchemaStep.CreateOwnerIndex index : old) {
            if (!wantedNames.contains(index.name())) {
                steps.add(new SchemaStep.DropIndex(next.id(), index.ownerField(), index.table(), index.name()));
            }
        }
        for (SchemaStep.CreateOwnerIndex index : wanted) {
            if (!oldNames.contains(index.name())) {
                steps.add(index);
            }
        }
        return steps;
    }

    /**
     * The owner-led indexes {@code form} should have: none without an owner field (or with one that has no column of
     * its own, which the reader refuses anyway); else (owner, id desc) for the default "newest first" list, and
     * (owner, date) for each indexed date or date-time field, the sorts owners' lists are usually opened with.
     */
    static List<SchemaStep.CreateOwnerIndex> ownerIndexes(FormDefinition form) {
        String owner = form.ownerField();
        if (owner == null || form.field(owner).filter(f -> f.storedType().storedInOwnTable()).isEmpty()) {
            return List.of();
        }
        String table = FormTables.table(form.id());
        List<SchemaStep.CreateOwnerIndex> indexes = new ArrayList<>();
        indexes.add(new SchemaStep.CreateOwnerIndex(form.id(), owner, table, FormTables.ownerIndex(form.id(), owner)));
        for (FieldDefinition field : form.fields()) {
            FieldType type = field.storedType();
            if (field.indexed() && !field.id().equals(owner)
                    && (type == FieldType.DATE || type == FieldType.DATETIME)) {
                indexes.add(new SchemaStep.CreateOwnerIndex(form.id(), owner, table,
                        FormTables.ownerSortIndex(form.id(), owner, field.id()), field.id()));
            }
        }
        return indexes;
    }

    /** The index a field's column should have: unique, plain, or none (null). */
    private static String wantedIndex(String form, FieldDefinition field) {
        FieldType type = field.storedType();
        if (!type.storedInOwnTable()) {
            return null;
        }
        if (field.unique()) {
            return FormTables.uniqueIndex(form, field.id());
        }
        if (field.indexed() || type == FieldType.REFERENCE || type == FieldType.USER) {
            return FormTables.index(FormTables.table(form), field.id());
        }
        return null;
    }

    /**
     * Problems that make a definition impossible to store at all, checked even though the reader checks them too:
     * schema sync is the last guard before names reach SQL.
     */
    private static List<String> structuralProblems(FormStorage current, FormDefinition next) {
        List<String> problems = new ArrayList<>();
        String form = next.id();
        String formProblem = nameProblem(form);
        if (formProblem != null) {
            problems.add("Form '" + form + "': its id cannot name a table, because it " + formProblem + ".");
            return problems;
        }
        Set<String> ids = new HashSet<>();
        Set<String> columns = new HashSet<>(current.fields().keySet());
        for (FieldDefinition field : next.fields()) {
            String subject = "Form '" + form + "', field '" + field.id() + "'";
            String problem = nameProblem(field.id());
            if (problem != null) {
                problems.add(subject + ": its id cannot name a column, because it " + problem + ".");
            } else if (!ids.add(field.id())) {
                problems.add(subject + ": the id is used by two fields.");
            } else if (field.type() == FieldType.COMPUTED
                    && (field.resultType() == null || !field.resultType().storedInOwnTable()
                    || field.resultType() == FieldType.COMPUTED)) {
                problems.add(subject + ": a computed field needs a plain resultType (such as decimal or text) to "
                        + "be stored.");
            } else if (field.type().targetsForm() && nameProblem(field.form()) != null) {
                problems.add(subject + ": a " + field.type().jsonName() + " field needs the id of the form it "
                        + "points at, but '" + field.form() + "' " + nameProblem(field.form()) + ".");
            }
            columns.add(field.id());
        }
        List<FieldDefinition> all = new ArrayList<>(next.fields());
        current.fields().values().forEach(stored -> all.add(stored.definition()));
        for (FieldDefinition field : all) {
            String currency = FormTables.currencyColumn(field.id());
            if (field.storedType() == FieldType.MONEY && columns.contains(currency)
                    && next.field(currency).isPresent()) {
                problems.add("Form '" + form + "', field '" + currency + "': its column is taken by the currency "
                        + "of money field '" + field.id() + "'. Instead, give it another id.");
            }
        }
        return problems;
    }

    private static String nameProblem(String id) {
        return FormTables.identifierProblem(id);
    }

    /**
     * The plan of one form together with what it leaves behind.
     *
     * @param definition the definition being published
     * @param change the steps or refusals
     * @param storedAfter the fields remembered once the plan ran (written to {@code kehu_form_column})
     */
    public record FormSync(FormDefinition definition, SchemaChange change, Map<String, StoredField> storedAfter) {
    }
}
