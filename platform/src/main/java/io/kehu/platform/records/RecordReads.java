package io.kehu.platform.records;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The reads behind {@link Records}: one record, a page of a query, a record's subtable rows and its history, each
 * with the actor's form, field and ownership permissions applied in SQL.
 */
final class RecordReads {

    private final RecordServices services;
    private final DSLContext dsl;

    RecordReads(RecordServices services) {
        this.services = services;
        this.dsl = services.dsl();
    }

    Optional<Record> get(Actor actor, FormDefinition form, long id) {
        RecordAccess.requireRead(form, actor);
        RecordTable table = services.table(form);
        Binds binds = new Binds().shape("get");
        return new RecordReader(dsl, table, services.renderedQueries()).fetch(binds,
                        table.id.eq(binds.value(id, table.id)).and(table.deletedAt.isNull())
                                .and(services.visibility().of(table, actor, binds)),
                        List.of(table.id.asc()), 0, 1, actor)
                .stream().findFirst();
    }

    List<Record> query(Actor actor, FormDefinition form, RecordQuery query) {
        RecordAccess.requireRead(form, actor);
        if (query.includeDeleted()) {
            RecordAccess.requireDeletedAccess(form, actor);
        }
        RecordTable table = services.table(form);
        Binds binds = new Binds().shape(query.includeDeleted() ? "query with deleted" : "query");
        java.util.Map<String, ListColumns.Resolved> listColumns = ListColumns.named(form, query)
                ? services.listColumns().readable(form, actor) : java.util.Map.of();
        QueryConditions conditions = new QueryConditions(table, actor, services.fieldValues(), binds)
                .referencing(services::publishedTable)
                .withListColumns(listColumns);
        Condition where = (query.includeDeleted() ? noCondition() : table.deletedAt.isNull())
                .and(services.visibility().of(table, actor, binds))
                .and(conditions.filters(query.filters()))
                .and(conditions.search(query.search()))
                .and(conditions.after(query.sorts(), query.after()));
        // A filtered page is planned with its values every time: a generic plan can be many times slower for one
        // user's (STAFF) rows (see CustomPlanReads). Unfiltered pages, and the rows of one referenced record (a
        // customer's purchases: one plan whatever the customer), keep the driver's prepared statements.
        boolean planEachCall = !query.filters().isEmpty() && !rowsOfOneRecord(form, query);
        DSLContext pageDsl = planEachCall ? services.customPlans().dsl() : dsl;
        // Most pages name no contributed column; a stream with distinct() over nothing cost 7 % of such a page's JVM
        // time (JFR, RecordsBench (a)).
        List<ListColumns.Resolved> extras = query.listColumns().isEmpty() ? List.of()
                : query.listColumns().stream().distinct().map(listColumns::get)
                .filter(java.util.Objects::nonNull).toList();
        List<org.jooq.SortField<?>> order = conditions.orderBy(query.sorts());
        return new RecordReader(pageDsl, table, services.renderedQueries(),
                planEachCall && services.customPlans().sendUnnamed()).from(conditions.from())
                .fetch(binds, where, order, query.offset(), query.limit(), actor, extras);
    }

    /**
     * Whether the query's only filter is "reference field = one record": its plan (the reference's index) does not
     * depend on which record, and planning it at every call costs more than the read itself (issue 15, read (c)).
     */
    private static boolean rowsOfOneRecord(FormDefinition form, RecordQuery query) {
        if (query.filters().size() != 1) {
            return false;
        }
        RecordQuery.Filter filter = query.filters().get(0);
        return filter.operator() == RecordQuery.Operator.EQUALS && filter.values().size() == 1
                && filter.values().get(0) != null
                && form.field(filter.column()).map(f -> f.storedType() == FieldType.REFERENCE).orElse(false);
    }

    List<Record> subtableRows(Actor actor, FormDefinition parentForm, long parentId, FieldDefinition field) {
        RecordAccess.requireRead(parentForm, actor);
        if (!RecordAccess.mayRead(field, actor)) {
            throw new RecordAccessDeniedException(field.id(), LocalizedText.of(
                    actor.username() + " 无权查看字段“" + field.id() + "”",
                    actor.username() + " may not read field " + field.id() + " of form " + parentForm.id()));
        }
        FormDefinition childForm = services.catalog().published(field.form()).orElse(null);
        if (childForm == null || !RecordAccess.mayRead(childForm, actor)) {
            // The refusals in their usual order: a parent the actor cannot see is "not found" first.
            requireVisible(parentForm, parentId, actor, false);
            childForm = services.form(field.form());
            RecordAccess.requireRead(childForm, actor);
        }
        // The parent's visibility is a condition of the same statement (one round trip, not two); only an empty
        // result needs the second look, to tell "no rows" from "no such parent for this actor".
        RecordTable parent = services.table(parentForm);
        RecordTable child = services.table(childForm);
        // The parent's table is part of the SQL too: a republished parent must not meet SQL kept for the old one.
        Binds binds = new Binds().shape("rows of").alsoOf(parent);
        Condition childOf = child.parentId.eq(binds.value(parentId, child.parentId));
        Condition parentVisible = DSL.exists(selectOne().from(parent.table)
                .where(parent.id.eq(binds.value(parentId, parent.id)))
                .and(parent.deletedAt.isNull()).and(services.visibility().of(parent, actor, binds)));
        List<Record> rows = new RecordReader(dsl, child, services.renderedQueries()).fetch(binds,
                childOf.and(child.deletedAt.isNull()).and(parentVisible),
                List.of(child.id.asc()), 0, RecordQuery.MAX_LIMIT, actor);
        if (rows.isEmpty()) {
            requireVisible(parentForm, parentId, actor, false);
        }
        return rows;
    }

    /** Refuses a record the actor may not see the history of: admins see that of deleted records too. */
    void requireHistoryVisible(Actor actor, FormDefinition form, long id) {
        RecordAccess.requireRead(form, actor);
        requireVisible(form, id, actor, actor.isSystem() || actor.hasRole(Role.ADMIN));
    }

    /** Whether the actor may read the field an audit entry is about (record-level entries: always). */
    static boolean mayReadEntry(FormDefinition form, AuditEntry e, Actor actor) {
        return e.fieldId() == null || form.field(e.fieldId())
                .map(f -> RecordAccess.mayRead(f, actor)).orElse(actor.isSystem());
    }

    List<AuditEntry> history(Actor actor, FormDefinition form, long id) {
        requireHistoryVisible(actor, form, id);
        return services.audit().history(form.id(), id).stream()
                .filter(e -> mayReadEntry(form, e, actor))
                .toList();
    }

    /** A page of the history, newest first; only entries the actor may read count towards the page. */
    List<AuditEntry> historyPage(Actor actor, FormDefinition form, long id, int offset, int limit) {
        requireHistoryVisible(actor, form, id);
        Condition readable = actor.isSystem() ? noCondition() : AuditTrail.aboutRecordOr(form.fields().stream()
                .filter(f -> RecordAccess.mayRead(f, actor)).map(FieldDefinition::id).toList());
        return services.audit().page(form.id(), id, readable, offset, Math.min(limit, RecordQuery.MAX_LIMIT));
    }

    private void requireVisible(FormDefinition form, long id, Actor actor, boolean deletedToo) {
        RecordTable table = services.table(form);
        if (!dsl.fetchExists(selectOne().from(table.table).where(table.id.eq(id))
                .and(deletedToo ? noCondition() : table.deletedAt.isNull())
                .and(services.visibility().of(table, actor)))) {
            throw new RecordNotFoundException(form.id(), id);
        }
    }
}
