package io.kehu.platform.records;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The count a list view shows. Never a {@code COUNT(*)} over a million rows: at most {@link #BOUND} + 1 matching rows
 * are counted (a {@code LIMIT}ed sub-select, under the same conditions as the list's pages); an unfiltered list of a
 * bigger PostgreSQL table shows the statistics' estimate instead ({@link RecordEstimates}).
 */
final class RecordCounts {

    /** Counted exactly up to this many rows. */
    static final int BOUND = 10_000;

    private final RecordServices services;
    private final DSLContext dsl;
    private final RecordEstimates estimates;

    RecordCounts(RecordServices services, RecordEstimates estimates) {
        this.services = services;
        this.dsl = services.dsl();
        this.estimates = estimates;
    }

    ListedCount count(Actor actor, FormDefinition form, RecordQuery query) {
        RecordAccess.requireRead(form, actor);
        if (query.includeDeleted()) {
            RecordAccess.requireDeletedAccess(form, actor);
        }
        boolean unfiltered = query.filters().isEmpty() && (query.search() == null || query.search().isBlank())
                && !query.includeDeleted();
        boolean statistics = dsl.dialect().family() == SQLDialect.POSTGRES && !actor.limitedToOwnRecords();
        if (unfiltered && statistics) {
            long estimate = estimates.estimateCount(form, actor);
            if (estimate > BOUND) {
                return new ListedCount(estimate, ListedCount.Kind.ESTIMATE);
            }
        }
        RecordTable table = new RecordTable(form);
        QueryConditions conditions = new QueryConditions(table, actor, services.fieldValues())
                .referencing(services::publishedTable)
                .withListColumns(ListColumns.named(form, query) ? services.listColumns().readable(form, actor)
                        : java.util.Map.of());
        Condition where = (query.includeDeleted() ? noCondition() : table.deletedAt.isNull())
                .and(services.visibility().of(table, actor))
                .and(conditions.filters(query.filters()))
                .and(conditions.search(query.search()));
        int counted = dsl.fetchCount(selectOne().from(table.table).where(where).limit(BOUND + 1));
        if (counted <= BOUND) {
            return ListedCount.exact(counted);
        }
        return new ListedCount(BOUND, ListedCount.Kind.MORE_THAN);
    }
}
