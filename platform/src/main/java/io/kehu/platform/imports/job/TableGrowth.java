package io.kehu.platform.imports.job;

import java.util.List;

/**
 * Keeps the planner's statistics of the form's table in step with what one run writes into it: {@code ANALYZE} once
 * the run has written {@value #FIRST} rows, then each time that number has doubled (2,000, 4,000, ... — about twenty
 * times for a million rows). Each chunk looks up its values (unique phone, duplicates by phone and e-mail, keys)
 * against the table; planned with statistics of the table as it was before the run (often empty), PostgreSQL
 * estimates that thousands of values match every row and reads the whole table, in id order for the keyset pages,
 * per look-up — a chunk then costs seconds by 50,000 rows and a dry run of 100,000 rows never ends. Counted by the
 * run's own writes, not by chunks: a dry run and an all-or-nothing import are one transaction, and their writes
 * come in bulk chunks of their own.
 */
final class TableGrowth {

    static final long FIRST = 1_000;

    private final ImportedRows rows;
    private final String formId;
    private long written;
    private long analyzedAt;

    TableGrowth(ImportedRows rows, String formId) {
        this.rows = rows;
        this.formId = formId;
    }

    /** Counts the changed rows among {@code done} and refreshes the statistics when the run's writes have doubled. */
    List<ImportRun.Written> wrote(List<ImportRun.Written> done) {
        for (ImportRun.Written w : done) {
            if (w.changed()) {
                written++;
            }
        }
        if (written >= FIRST && written >= 2 * analyzedAt) {
            rows.analyze(formId);
            analyzedAt = written;
        }
        return done;
    }
}
