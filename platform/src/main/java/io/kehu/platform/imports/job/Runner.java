package io.kehu.platform.imports.job;

import io.kehu.platform.dedupe.Duplicates;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a dry run or an import of a file through {@link BulkRecords#batch}. A dry run and an all-or-nothing import
 * are one batch over the whole file (the dry run rolled back by the batch itself); an import that skips bad rows
 * commits a chunk of {@value #CHUNK} rows at a time together with its row keys and the job's progress, so a killed
 * process resumes after the last committed chunk and never writes a row twice. In every mode the form's table is
 * analysed as the run's writes grow ({@link TableGrowth}), inside the one transaction too.
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

    Runner(BulkRecords bulk, UserAccounts accounts, FormCatalog catalog, JobStore jobs, ImportedRows importedRows,
           PlatformTransactionManager transactions, Duplicates duplicates) {
        this.duplicates = duplicates;
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
        Path duplicatesFile = problemsFile.resolveSibling(problemsFile.getFileName().toString()
                .replace(".problems", "") + ".duplicates");
        try (ProblemLog log = new ProblemLog(problemsFile, false);
             DuplicateLog allDuplicates = new DuplicateLog(duplicatesFile)) {
            ImportRun run = new ImportRun(listAll, form, actor, bulk, lookups(actor), log, duplicates)
                    .listDuplicatesIn(allDuplicates);
            TableGrowth growth = new TableGrowth(importedRows, form.id());
            BulkRecords.Outcome o = bulk.batch(actor, new BulkRecords.Options(null, progress::cancelled, true, true,
                    null, run), batch -> readInChunks(s, 0, progress, run, chunk -> {
                        lookUpByBTree();
                        run.queue(batch, chunk);
                        growth.wrote(run.drainWritten()); // counted, not kept: a dry run's memory stays flat
                    }));
            return new ImportReport(run.rows(), o.created(), o.updated(), o.unchanged(), run.refusedRows(),
                    log.total(), log.byColumn(), log.first(), log.file(), 0, run.duplicateRows(),
                    run.firstDuplicates(), duplicatesFile);
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
            TableGrowth growth = new TableGrowth(importedRows, form.id());
            long[] totals = new long[3];
            if (!s.skipBadRows()) {
                try {
                    transaction.executeWithoutResult(status -> {
                        BulkRecords.Outcome o = bulk.batch(actor, new BulkRecords.Options(null, progress::cancelled,
                                false, true, origin, run), batch -> readInChunks(s, from, progress, run, chunk -> {
                                    lookUpByBTree();
                                    run.queue(batch, chunk);
                                    importedRows.add(jobId, growth.wrote(run.drainWritten()));
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
                            log.file(), stop.row(), 0, List.of(), null);
                }
            } else {
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
                        importedRows.add(jobId, growth.wrote(run.drainWritten()));
                        jobs.progress(jobId, chunk.size(), chunk.get(chunk.size() - 1).number(), o.created(),
                                o.updated(), o.unchanged(), run.refusedRows() - refusedBefore);
                        jobs.duplicates(jobId, run.duplicateRows() - duplicatesBefore);
                        totals[0] += o.created();
                        totals[1] += o.updated();
                        totals[2] += o.unchanged();
                    });
                });
            }
            return new ImportReport(run.rows(), totals[0], totals[1], totals[2], run.refusedRows(), log.total(),
                    log.byColumn(), log.first(), log.file(), 0, run.duplicateRows(), run.firstDuplicates(), null);
        }
    }

    /** See {@link ImportedRows#lookUpByBTree}. */
    private void lookUpByBTree() {
        importedRows.lookUpByBTree();
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
