package io.kehu.platform.imports.job;

import io.kehu.platform.dedupe.Duplicates;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.imports.ImportProgress;
import io.kehu.platform.imports.ImportReport;
import io.kehu.platform.imports.ImportSettings;
import io.kehu.platform.imports.mapping.Lookups;
import io.kehu.platform.imports.read.FileRow;
import io.kehu.platform.records.BatchCancelledException;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a dry run or an import of a file through {@link BulkRecords#batch}. A dry run and an all-or-nothing import
 * are one batch over the whole file (the dry run rolled back by the batch itself); an import that skips bad rows
 * commits a chunk of {@value #CHUNK} rows at a time together with its row keys and the job's progress, so a killed
 * process resumes after the last committed chunk and never writes a row twice.
 */
@Component
public class Runner {

    static final int CHUNK = 1000;

    private final BulkRecords bulk;
    private final UserAccounts accounts;
    private final FormCatalog catalog;
    private final JobStore jobs;
    private final ImportedRows importedRows;
    private final TransactionTemplate transaction;
    private final Duplicates duplicates;
    private final DSLContext dsl;

    Runner(BulkRecords bulk, UserAccounts accounts, FormCatalog catalog, JobStore jobs, ImportedRows importedRows,
           PlatformTransactionManager transactions, Duplicates duplicates, DSLContext dsl) {
        this.duplicates = duplicates;
        this.dsl = dsl;
        this.bulk = bulk;
        this.accounts = accounts;
        this.catalog = catalog;
        this.jobs = jobs;
        this.importedRows = importedRows;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Counts the file's data rows (one streamed pass). */
    public long countRows(ImportSettings s) {
        long[] n = {0};
        read(s, 0, row -> n[0]++);
        return n[0];
    }

    /** Every check of the write path over the whole file, every problem listed, nothing written. */
    public ImportReport dryRun(Actor actor, ImportSettings s, ImportProgress progress, Path problemsFile) {
        ImportSettings listAll = new ImportSettings(s.formId(), s.source(), s.mapping(), s.mode(), true,
                s.skipDuplicates());
        FormDefinition form = form(s);
        try (ProblemLog log = new ProblemLog(problemsFile, false)) {
            ImportRun run = new ImportRun(listAll, form, actor, bulk, lookups(actor), log, duplicates);
            BulkRecords.Outcome o = bulk.batch(actor, new BulkRecords.Options(null, progress::cancelled, true, true,
                    null, run), batch -> readInChunks(s, 0, progress, run, chunk -> {
                        lookUpByBTree();
                        run.queue(batch, chunk);
                        run.drainWritten(); // nothing is kept: a dry run's memory stays flat
                    }));
            return new ImportReport(run.rows(), o.created(), o.updated(), o.unchanged(), run.refusedRows(),
                    log.total(), log.byColumn(), log.first(), log.file(), 0, run.duplicateRows(),
                    run.firstDuplicates());
        }
    }

    /**
     * Imports job {@code jobId}'s file from its last committed row on.
     *
     * @throws BatchCancelledException when cancelled (all-or-nothing: nothing written; skipping: the committed
     *                                 chunks stay)
     */
    public ImportReport run(Actor actor, long jobId, ImportSettings s, ImportProgress progress, Path problemsFile) {
        FormDefinition form = form(s);
        long from = jobs.get(jobId).orElseThrow().lastRow() + 1;
        String origin = "import:" + jobId;
        try (ProblemLog log = new ProblemLog(problemsFile, from > 2)) {
            ImportRun run = new ImportRun(s, form, actor, bulk, lookups(actor), log, duplicates);
            long[] totals = new long[3];
            if (!s.skipBadRows()) {
                try {
                    transaction.executeWithoutResult(status -> {
                        BulkRecords.Outcome o = bulk.batch(actor, new BulkRecords.Options(null, progress::cancelled,
                                false, true, origin, run), batch -> readInChunks(s, from, progress, run, chunk -> {
                                    lookUpByBTree();
                                    run.queue(batch, chunk);
                                    importedRows.add(jobId, run.drainWritten());
                                }));
                        importedRows.add(jobId, run.drainWritten());
                        jobs.progress(jobId, run.rows(), Long.MAX_VALUE, o.created(), o.updated(), o.unchanged(), 0);
                        jobs.duplicates(jobId, run.duplicateRows());
                        totals[0] = o.created();
                        totals[1] = o.updated();
                        totals[2] = o.unchanged();
                    });
                } catch (ImportRun.StoppedAtBadRow stop) {
                    return new ImportReport(run.rows(), 0, 0, 0, 1, log.total(), log.byColumn(), log.first(),
                            log.file(), stop.row(), 0, List.of());
                }
            } else {
                long[] chunks = {0};
                readInChunks(s, from, progress, run, chunk -> {
                    if (progress.cancelled()) {
                        throw new BatchCancelledException(run.rows());
                    }
                    long refusedBefore = run.refusedRows();
                    long duplicatesBefore = run.duplicateRows();
                    transaction.executeWithoutResult(status -> {
                        BulkRecords.Outcome o = bulk.batch(actor, new BulkRecords.Options(null, null, false, true,
                                origin, run), batch -> {
                                    lookUpByBTree();
                                    run.queue(batch, chunk);
                                });
                        importedRows.add(jobId, run.drainWritten());
                        jobs.progress(jobId, chunk.size(), chunk.get(chunk.size() - 1).number(), o.created(),
                                o.updated(), o.unchanged(), run.refusedRows() - refusedBefore);
                        jobs.duplicates(jobId, run.duplicateRows() - duplicatesBefore);
                        totals[0] += o.created();
                        totals[1] += o.updated();
                        totals[2] += o.unchanged();
                    });
                    analyzeAsItGrows(form, ++chunks[0]);
                });
            }
            return new ImportReport(run.rows(), totals[0], totals[1], totals[2], run.refusedRows(), log.total(),
                    log.byColumn(), log.first(), log.file(), 0, run.duplicateRows(), run.firstDuplicates());
        }
    }

    /**
     * PostgreSQL, inside a chunk's transaction, for the rest of it: no bitmap scans, and plans made for the values
     * at hand. A chunk looks up thousands of values at once (unique phones, duplicates by phone and e-mail, each one
     * array bind); the planner would probe a searchable column's trigram index for each of them (pg_trgm serves
     * equality too, at a cost it badly underestimates: seconds per chunk) instead of its B-tree index. GIN indexes
     * are only read through bitmap scans; B-tree look-ups and the writes are unaffected. A generic plan (the driver
     * prepares a statement on the server after a few runs) would compare each row with the array element by element
     * where it reads the table; a custom plan hashes the array.
     */
    private void lookUpByBTree() {
        if (postgres()) {
            dsl.execute("set local enable_bitmapscan = off");
            dsl.execute("set local plan_cache_mode = force_custom_plan");
        }
    }

    /**
     * PostgreSQL: refreshes the statistics of the form's table after committed chunk 1, 2, 4, 8, ... of an import,
     * so that the look-ups of later chunks are planned for the table as it is now and not as the near-empty table
     * autovacuum last saw (a plan for "one row" walks the whole table per chunk once it holds thousands).
     */
    private void analyzeAsItGrows(FormDefinition form, long chunk) {
        if (postgres() && Long.bitCount(chunk) == 1) {
            dsl.execute("analyze {0}", DSL.name(FormTables.table(form.id())));
        }
    }

    private boolean postgres() {
        return dsl.dialect().family() == SQLDialect.POSTGRES;
    }

    private FormDefinition form(ImportSettings s) {
        return catalog.published(s.formId()).orElseThrow(() -> new IllegalArgumentException(
                "No published form " + s.formId()));
    }

    private Lookups lookups(Actor actor) {
        return new Lookups(accounts, bulk, catalog, actor);
    }

    private static void readInChunks(ImportSettings s, long from, ImportProgress progress, ImportRun run,
                                     Consumer<List<FileRow>> each) {
        List<FileRow> chunk = new ArrayList<>(CHUNK);
        read(s, from, row -> {
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                each.accept(List.copyOf(chunk));
                chunk.clear();
                progress.rows(run.rows());
            }
        });
        if (!chunk.isEmpty()) {
            each.accept(List.copyOf(chunk));
            progress.rows(run.rows());
        }
    }

    private static void read(ImportSettings s, long from, Consumer<FileRow> each) {
        try {
            s.source().table().forEachRow(from, each);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
