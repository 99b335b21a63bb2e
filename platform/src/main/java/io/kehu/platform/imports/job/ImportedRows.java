package io.kehu.platform.imports.job;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.FormTables;
import io.kehu.platform.storage.PgCopy;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The {@code kehu_import_row} table (V11): the file rows a job wrote, keyed by (job, row number), written in the
 * transaction of the chunk that wrote them. A resume never writes a row twice; an undo knows what each row did.
 */
@Component
public class ImportedRows {

    private static final Table<Record> ROW = table(name("kehu_import_row"));
    private static final Field<Long> JOB_ID = field(name("job_id"), Long.class);
    private static final Field<Long> ROW_NO = field(name("row_no"), Long.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<String> ACTION = field(name("action"), String.class);
    private static final Field<Integer> ROW_VERSION = field(name("row_version"), Integer.class);

    private final DSLContext dsl;

    ImportedRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records the changed rows among {@code written} (unchanged ones need no undo). */
    public void add(long jobId, List<ImportRun.Written> written) {
        List<ImportRun.Written> changed = written.stream().filter(ImportRun.Written::changed).toList();
        if (changed.isEmpty()) {
            return;
        }
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            addByCopy(jobId, changed);
            return;
        }
        for (int from = 0; from < changed.size(); from += 1000) {
            var insert = dsl.insertInto(ROW, JOB_ID, ROW_NO, FORM_ID, RECORD_ID, ACTION, ROW_VERSION);
            for (ImportRun.Written w : changed.subList(from, Math.min(changed.size(), from + 1000))) {
                insert = insert.values(jobId, w.row(), w.formId(), w.recordId(), w.created() ? "create" : "update",
                        w.rowVersion());
            }
            insert.execute();
        }
    }

    /**
     * PostgreSQL: one {@code COPY} per chunk ({@link PgCopy}): nothing to render or bind per row (a multi-row VALUES
     * list, and later arrays to encode, cost more than the insert itself).
     */
    private void addByCopy(long jobId, List<ImportRun.Written> changed) {
        PgCopy copy = new PgCopy(changed.size(), 48);
        for (ImportRun.Written w : changed) {
            copy.add(jobId).add(w.row()).add(w.formId()).add(w.recordId()).add(w.created() ? "create" : "update")
                    .add(w.rowVersion()).endRow();
        }
        copy.into(dsl, ROW, List.of(JOB_ID, ROW_NO, FORM_ID, RECORD_ID, ACTION, ROW_VERSION));
    }

    /**
     * PostgreSQL, called inside a chunk's transaction (by the {@link Runner}), for the rest of it: no bitmap scans, and plans made for the values
     * at hand. A chunk looks up thousands of values at once (unique phones, duplicates by phone and e-mail, each one
     * array bind); the planner would probe a searchable column's trigram index for each of them (pg_trgm serves
     * equality too, at a cost it badly underestimates: seconds per chunk) instead of its B-tree index. GIN indexes
     * are only read through bitmap scans; B-tree look-ups and the writes are unaffected. A generic plan (the driver
     * prepares a statement on the server after a few runs) would compare each row with the array element by element
     * where it reads the table; a custom plan hashes the array.
     */
    public void lookUpByBTree() {
        if (postgres()) {
            dsl.execute("set local enable_bitmapscan = off");
            dsl.execute("set local plan_cache_mode = force_custom_plan");
            // No JIT: a chunk's look-up bound to thousands of values, planned while the table's statistics still
            // lag (the first chunks of a run), costs above jit_above_cost; compiling it with LLVM then takes far
            // longer than the look-up itself (0.26 s in psql on an idle machine, seconds under load).
            dsl.execute("set local jit = off");
            // Not a larger GIN pending list (gin_pending_list_limit) for the form's trigram indexes: it only defers
            // their merge (the same server CPU once merged) and quick search reads the unmerged list row by row
            // meanwhile: 89 ms instead of under 1 ms after 100,000 rows with 64 MB (psql; docs/import.md, Speed).
        }
    }

    /**
     * PostgreSQL: refreshes the planner's statistics of the form's table ({@code ANALYZE}), see {@link TableGrowth}.
     * Allowed inside a transaction block, and it samples the transaction's own uncommitted rows as live ones, so a dry
     * run or an all-or-nothing import (one transaction over the whole file) is planned for the table as it now is.
     * {@code SKIP_LOCKED}: an import on another node holding the table's analyze lock in its own long transaction
     * is not waited for (the statistics it leaves are as good), so two imports into one form never wait on each other.
     */
    public void analyze(String formId) {
        if (postgres()) {
            dsl.execute("analyze (skip_locked) {0}", DSL.name(FormTables.table(formId)));
        }
    }

    private boolean postgres() {
        return dsl.dialect().family() == SQLDialect.POSTGRES;
    }

    /** One written row: what the import did to which record, and the version it left. */
    public record Row(long rowNo, String formId, long recordId, boolean created, int rowVersion) {
    }

    public void forEach(long jobId, Consumer<Row> each) {
        try (var cursor = dsl.select(ROW_NO, FORM_ID, RECORD_ID, ACTION, ROW_VERSION).from(ROW)
                .where(JOB_ID.eq(jobId)).orderBy(ROW_NO).fetchSize(1000).fetchLazy()) {
            cursor.forEach(r -> each.accept(new Row(r.value1(), r.value2(), r.value3(), "create".equals(r.value4()),
                    r.value5())));
        }
    }
}
