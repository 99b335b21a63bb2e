package io.kehu.platform.records;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Contributed list columns ({@link ContributedColumn}) checked against the published forms and turned into SQL on the
 * listed form's table. A column's value is a correlated sub-select on the source form's table ("the value of the
 * (latest) row whose reference is this record"), part of the page's own statement: no query per row, and the page
 * stays a keyset page. Filters that can be asked of the source rows directly become {@code id in (select reference
 * from source where ...)}, which the database answers from the source's indexes instead of evaluating the sub-select
 * for every listed record (see {@link Resolved#semiJoin}).
 *
 * <p>Columns are resolved at every use from the sources' current answers: a plugin stopped a moment ago contributes
 * nothing, and a column that no longer fits the published forms (a republished form lost the field) is skipped and
 * logged, never an error for the list.
 */
final class ListColumns {

    private static final Logger log = LoggerFactory.getLogger(ListColumns.class);

    private final FormCatalog catalog;
    private final RecordTables tables;
    private final Visibility visibility;
    private final ObjectProvider<ContributedColumns> sources;
    private volatile List<ContributedColumns> contributors;

    ListColumns(FormCatalog catalog, RecordTables tables, Visibility visibility,
                ObjectProvider<ContributedColumns> sources) {
        this.catalog = catalog;
        this.tables = tables;
        this.visibility = visibility;
        this.sources = sources;
    }

    /** The columns of {@code form} that fit the published forms now, by id, first contributor first. */
    Map<String, Resolved> of(FormDefinition form) {
        Map<String, Resolved> byId = new LinkedHashMap<>();
        for (ContributedColumns source : contributors()) {
            for (ContributedColumn c : source.columns(form.id())) {
                if (!form.id().equals(c.formId()) || byId.containsKey(c.id())) {
                    continue;
                }
                List<String> problems = problems(c, form);
                if (problems.isEmpty()) {
                    byId.put(c.id(), resolve(c));
                } else {
                    log.warn("List column {} of {} on form {} is left out: {}", c.id(), c.origin(), form.id(),
                            problems);
                }
            }
        }
        return byId;
    }

    /**
     * The contributing beans, looked up at first use and then kept: the application's beans do not change while it
     * runs (what a plugin contributes does, and each contributor is still asked at every use). Looking them up and
     * ordering them on every ask was about a twelfth of the server's time in an API list call.
     */
    private List<ContributedColumns> contributors() {
        List<ContributedColumns> found = contributors;
        if (found == null) {
            found = sources.orderedStream().toList();
            contributors = found;
        }
        return found;
    }

    /** The columns of {@code form} that {@code actor} may see: they may read the source form and its fields. */
    Map<String, Resolved> readable(FormDefinition form, Actor actor) {
        Map<String, Resolved> all = of(form);
        all.values().removeIf(r -> !r.readableBy(actor));
        return all;
    }

    /**
     * Whether {@code query} needs the contributed columns at all: it asks for their values, or filters or sorts by a
     * name that is neither a field of the form nor a system column. Most queries (plugins' look-ups, bulk writes,
     * exports of other forms) do not, and skip asking the contributors.
     */
    static boolean named(FormDefinition form, RecordQuery query) {
        if (!query.listColumns().isEmpty()) {
            return true;
        }
        for (RecordQuery.Filter f : query.filters()) {
            if (form.field(f.column()).isEmpty() && !isSystemColumn(f.column())) {
                return true;
            }
        }
        for (RecordQuery.Sort s : query.sorts()) {
            if (form.field(s.column()).isEmpty() && !isSystemColumn(s.column())) {
                return true;
            }
        }
        return false;
    }

    /** What is wrong with {@code c} on the published forms now (empty: it fits). */
    List<String> problems(ContributedColumn c) {
        Optional<FormDefinition> target = catalog.published(c.formId());
        if (target.isEmpty()) {
            return List.of("the listed form " + c.formId() + " is not published");
        }
        return problems(c, target.get());
    }

    private List<String> problems(ContributedColumn c, FormDefinition target) {
        List<String> problems = new ArrayList<>();
        if (target.field(c.id()).isPresent() || isSystemColumn(c.id())) {
            problems.add("form " + target.id() + " already has a field " + c.id());
        }
        FormDefinition source = catalog.published(c.sourceFormId()).orElse(null);
        if (source == null) {
            problems.add("the source form " + c.sourceFormId() + " is not published");
            return problems;
        }
        if (source.id().equals(target.id())) {
            problems.add("the source form must be another form than " + target.id());
        }
        FieldDefinition reference = source.field(c.referenceField()).orElse(null);
        if (reference == null || reference.storedType() != FieldType.REFERENCE
                || !target.id().equals(reference.form())) {
            problems.add(c.sourceFormId() + "." + c.referenceField() + " is not a reference to form " + target.id());
        }
        FieldDefinition value = source.field(c.valueField()).orElse(null);
        if (value == null || !RecordTable.hasColumn(value)) {
            problems.add(c.sourceFormId() + "." + c.valueField() + " is not a stored field");
        } else if (!fits(c.kind(), value.storedType())) {
            problems.add(c.sourceFormId() + "." + c.valueField() + " is a " + value.storedType()
                    + " field, which a " + c.kind() + " column cannot show");
        }
        if (c.onlyWhere() != null && source.field(c.onlyWhere())
                .filter(f -> f.storedType() == FieldType.BOOLEAN).isEmpty()) {
            problems.add(c.sourceFormId() + "." + c.onlyWhere() + " is not a yes/no field");
        }
        if (c.latestBy() != null && !isSystemColumn(c.latestBy()) && source.field(c.latestBy())
                .filter(RecordTable::hasColumn).isEmpty()) {
            problems.add(c.sourceFormId() + "." + c.latestBy() + " is not a stored field to pick the latest row by");
        }
        return problems;
    }

    private static final java.util.Set<String> SYSTEM_COLUMNS = java.util.Set.of(FormTables.ID,
            FormTables.ROW_VERSION, FormTables.PARENT_ID, FormTables.CREATED_AT, FormTables.CREATED_BY,
            FormTables.UPDATED_AT, FormTables.UPDATED_BY, FormTables.DELETED_AT, FormTables.DELETED_BY);

    private static boolean isSystemColumn(String id) {
        return SYSTEM_COLUMNS.contains(id);
    }

    static boolean fits(ContributedColumn.Kind kind, FieldType type) {
        return switch (kind) {
            case NUMBER -> type == FieldType.INTEGER || type == FieldType.DECIMAL || type == FieldType.RATING;
            case PERCENT -> type == FieldType.PERCENT;
            case MONEY -> type == FieldType.MONEY;
            case TEXT -> type == FieldType.TEXT || type == FieldType.TEXTAREA || type == FieldType.EMAIL
                    || type == FieldType.PHONE || type == FieldType.URL;
            case LEVEL -> type == FieldType.SELECT;
        };
    }

    private Resolved resolve(ContributedColumn c) {
        FormDefinition source = catalog.published(c.sourceFormId()).orElseThrow();
        return new Resolved(c, tables.of(source), source.field(c.referenceField()).orElseThrow(),
                source.field(c.valueField()).orElseThrow());
    }

    /** A column that fits the published forms, with its source table. */
    final class Resolved {

        final ContributedColumn column;
        final RecordTable source;
        final FieldDefinition reference;
        final FieldDefinition value;
        /** The column as a read-only field of the listed form: what values are converted and shown by. */
        final FieldDefinition display;

        Resolved(ContributedColumn column, RecordTable source, FieldDefinition reference, FieldDefinition value) {
            this.column = column;
            this.source = source;
            this.reference = reference;
            this.value = value;
            FieldDefinition.Builder shown = value.toBuilder().id(column.id()).label(column.label()).readOnly(true)
                    .required(false).unique(false).indexed(false).searchable(false).showInList(true)
                    .visibleWhen(null).requiredWhen(null).defaultValue(null);
            if (column.kind() == ContributedColumn.Kind.NUMBER && column.decimals() != null
                    && value.storedType() == FieldType.DECIMAL) {
                shown.scale(column.decimals());
            }
            this.display = shown.build();
        }

        String id() {
            return column.id();
        }

        boolean readableBy(Actor actor) {
            return RecordAccess.mayRead(source.form, actor) && RecordAccess.mayRead(value, actor)
                    && RecordAccess.mayRead(reference, actor);
        }

        ListedColumn listed() {
            return new ListedColumn(display, column.sortable(), column.operators(), column.origin());
        }

        /** Whether at most one source row per record counts, so a filter may be asked of the rows directly. */
        boolean singleRow() {
            return column.latestBy() == null;
        }

        @SuppressWarnings("unchecked")
        private Field<Long> referenceColumn() {
            return (Field<Long>) (Field<?>) source.column(reference);
        }

        /** The source's value column itself (for conditions inside {@link #semiJoin}). */
        Field<Object> plainValue() {
            return source.column(value);
        }

        /** The source rows that count for some record: live, matching {@code onlyWhere}, visible to the actor. */
        private Condition countingRows(Actor actor) {
            Condition rows = source.deletedAt.isNull();
            if (column.onlyWhere() != null) {
                FieldDefinition flag = source.form.field(column.onlyWhere()).orElseThrow();
                Field<Object> flagColumn = source.column(flag);
                rows = rows.and(flagColumn.eq(DSL.inline((Object) Boolean.TRUE, flagColumn)));
            }
            // A source form owned through this very reference shows a staff member exactly the rows of the records
            // they may list, which the list's own condition already says; any other ownership is asked of the rows.
            boolean ownedThroughReference = reference.id().equals(source.form.ownerField());
            return ownedThroughReference ? rows : rows.and(visibility.of(source, actor));
        }

        /** The value for each row of {@code target}: the (latest) counting source row's value, or null. */
        Field<Object> valueOf(RecordTable target, Actor actor) {
            return DSL.field(select(plainValue()).from(source.table)
                    .where(referenceColumn().eq(target.id)).and(countingRows(actor))
                    .orderBy(latestFirst()).limit(DSL.inline(1)));
        }

        /** The currency of a money value, as {@link #valueOf}. */
        Field<String> currencyOf(RecordTable target, Actor actor) {
            return DSL.field(select(source.currency(value)).from(source.table)
                    .where(referenceColumn().eq(target.id)).and(countingRows(actor))
                    .orderBy(latestFirst()).limit(DSL.inline(1)));
        }

        private List<SortField<?>> latestFirst() {
            List<SortField<?>> order = new ArrayList<>();
            if (column.latestBy() != null) {
                Field<?> by = source.systemColumn(column.latestBy());
                if (by == null) {
                    by = source.column(source.form.field(column.latestBy()).orElseThrow());
                }
                order.add(by.desc().nullsLast());
            }
            order.add(source.id.desc());
            return order;
        }

        /**
         * The condition of a left join of the source table to {@code target}: the counting row of each record. Only
         * for {@link #singleRow} columns, where at most one row counts, so every record stays one row of the page;
         * a sort by the column then reads the joined value instead of evaluating the sub-select of {@link #valueOf}
         * for every record before the first page is known (docs/benchmarks.md, "Plugin list columns").
         */
        Condition joinOn(RecordTable target, Actor actor) {
            return referenceColumn().eq(target.id).and(countingRows(actor));
        }

        /** The records of {@code target} with a counting source row that meets {@code where}. */
        Condition semiJoin(RecordTable target, Actor actor, Condition where) {
            return target.id.in(select(referenceColumn()).from(source.table)
                    .where(countingRows(actor)).and(where == null ? noCondition() : where));
        }
    }
}
