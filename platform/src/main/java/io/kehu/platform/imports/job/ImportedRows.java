package io.kehu.platform.imports.job;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
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
        for (int from = 0; from < changed.size(); from += 1000) {
            var insert = dsl.insertInto(ROW, JOB_ID, ROW_NO, FORM_ID, RECORD_ID, ACTION, ROW_VERSION);
            for (ImportRun.Written w : changed.subList(from, Math.min(changed.size(), from + 1000))) {
                insert = insert.values(jobId, w.row(), w.formId(), w.recordId(), w.created() ? "create" : "update",
                        w.rowVersion());
            }
            insert.execute();
        }
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
