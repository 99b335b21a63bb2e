package io.kehu.platform.records;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.security.Actor;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * About how many rows a form's table holds, from the database's statistics instead of a {@code COUNT(*)} over
 * millions of rows: on PostgreSQL {@code pg_class.reltuples} (refreshed by ANALYZE/autovacuum), falling back to the
 * live-tuple counter of {@code pg_stat_user_tables} for a table never analysed. H2 keeps no such statistics; there it
 * is an exact count, fine at H2's scale.
 */
final class RecordEstimates {

    private final DSLContext dsl;
    private final Visibility visibility;

    RecordEstimates(DSLContext dsl, Visibility visibility) {
        this.dsl = dsl;
        this.visibility = visibility;
    }

    long estimateCount(FormDefinition form, Actor actor) {
        RecordTable table = new RecordTable(form);
        if (actor.limitedToOwnRecords()) {
            // The statistics are of the whole table: a reader who sees only their own records gets the count of
            // those (an indexed owner condition), never the company-wide figure.
            return dsl.fetchCount(table.table, table.deletedAt.isNull().and(visibility.of(table, actor)));
        }
        if (dsl.dialect().family() != SQLDialect.POSTGRES) {
            return dsl.fetchCount(table.table);
        }
        String tableName = FormTables.table(form.id());
        Float reltuples = dsl.select(DSL.field(DSL.name("reltuples"), SQLDataType.REAL))
                .from(DSL.table(DSL.name("pg_catalog", "pg_class")))
                .where(DSL.field(DSL.name("oid")).eq(DSL.field("to_regclass({0})", Object.class,
                        DSL.val(DSL.name(tableName).toString()))))
                .fetchOne(0, Float.class);
        if (reltuples != null && reltuples >= 0) {
            return Math.round(reltuples);
        }
        Long live = dsl.select(DSL.field(DSL.name("n_live_tup"), SQLDataType.BIGINT))
                .from(DSL.table(DSL.name("pg_catalog", "pg_stat_user_tables")))
                .where(DSL.field(DSL.name("relname"), SQLDataType.VARCHAR).eq(tableName))
                .and(DSL.field(DSL.name("schemaname"), SQLDataType.VARCHAR).eq(DSL.currentSchema()))
                .fetchOne(0, Long.class);
        return live == null ? 0 : live;
    }
}
