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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a dry run or an import of a file through {@link BulkRecords#batch}. A dry run and an all-or-nothing import
 * are one batch over the whole file (the dry run rolled back by the batch itself); an import that skips bad rows
 * commits a chunk of {@value #CHUNK} rows at a time together with its row keys and the job's progress, so a killed
 * process resumes after the last committed chunk and never writes a row twice. In every mode the form's table is
 * analysed as the run's writes grow ({@link TableGrowth}), inside the one transaction too, and the next chunk is
 * read and prepared on a second thread while this one writes ({@link #inChunks}, {@link ChunksAhead}).
 */
@Component
public class Runner {

    static final int CHUNK = 1000;

    private static final Logger log = LoggerFactory.getLogger(Runner.class);

    private final BulkRecords bulk;
    private final UserAccounts accounts;
    private final FormCatalog catalog;
    private final JobStore jobs;
    private final ImportedRows importedRows;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readTransaction;
    private final Duplicates duplicates;
    private final boolean prepareAhead;

    Runner(BulkRecords bulk, UserAccounts accounts, FormCatalog catalog, JobStore jobs, ImportedRows importedRows,
           PlatformTransactionManager transactions, Duplicates duplicates,
           @Value("${kehu.imports.prepare-ahead:true}") boolean prepareAhead) {
        this.duplicates = duplicates;
        this.bulk = bulk;
        this.accounts = accounts;
        this.catalog = catalog;
        this.jobs = jobs;
        this.importedRows = importedRows;
        this.transaction = new TransactionTemplate(transactions);
        this.readTransaction = new TransactionTemplate(transactions);
        this.readTransaction.setReadOnly(true);
        this.prepareAhead = prepareAhead;
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
             DuplicateLog allDuplicates = new DuplicateLog(duplicatesFile);
             ImportRun run = new ImportRun(listAll, form, actor, bulk, lookups(actor), log, duplicates)
                     .listDuplicatesIn(allDuplicates)) {
            TableGrowth growth = new TableGrowth(importedRows, form.id());
            BulkRecords.Outcome o = bulk.batch(actor, new BulkRecords.Options(null, progress::cancelled, true, true,
                    null, run), batch -> inChunks(s, 0, progress, run, chunk -> {
                        lookUpByBTree();
                        run.apply(batch, chunk.get());
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
        try (ProblemLog log = new ProblemLog(problemsFile, from > 2);
             ImportRun run = new ImportRun(s, form, actor, bulk, lookups(actor), log, duplicates)) {
            TableGrowth growth = new TableGrowth(importedRows, form.id());
            long[] totals = new long[3];
            if (!s.skipBadRows()) {
                try {
                    transaction.executeWithoutResult(status -> {
                        BulkRecords.Outcome o = bulk.batch(actor, new BulkRecords.Options(null, progress::cancelled,
                                false, true, origin, run), batch -> inChunks(s, from, progress, run, chunk -> {
                                    lookUpByBTree();
                                    run.apply(batch, chunk.get());
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
                inChunks(s, from, progress, run, chunk -> {
                    if (progress.cancelled()) {
                        throw new BatchCancelledException(run.rows());
                    }
                    long refusedBefore = run.refusedRows();
                    long duplicatesBefore = run.duplicateRows();
                    transaction.executeWithoutResult(status -> {
                        ImportRun.Prepared[] prepared = new ImportRun.Prepared[1];
                        BulkRecords.Outcome o = bulk.batch(actor, new BulkRecords.Options(null, null, false, true,
                                origin, run), batch -> {
                                    lookUpByBTree();
                                    prepared[0] = chunk.get();
                                    run.apply(batch, prepared[0]);
                                });
                        importedRows.add(jobId, growth.wrote(run.drainWritten()));
                        jobs.progress(jobId, prepared[0].size(), prepared[0].lastRow(), o.created(),
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

    /**
     * Hands each chunk of the file, in order, to {@code each} as the means to get it {@link ImportRun#prepare
     * prepared}. When the run allows it ({@link ImportRun#mayPrepareAhead}) the chunks are read and prepared ahead on
     * a thread of their own, each in a read transaction of its own with the look-up settings, while {@code each}
     * writes the one before ({@link ChunksAhead}); otherwise each is prepared when {@code each} asks, on this thread
     * and in its transaction, as before.
     */
    private void inChunks(ImportSettings s, long from, ImportProgress progress, ImportRun run,
                          Consumer<Supplier<ImportRun.Prepared>> each) {
        if (!prepareAhead || !run.mayPrepareAhead()) {
            readInChunks(s, from, chunk -> {
                each.accept(() -> run.prepare(chunk));
                progress.rows(run.rows());
            });
            return;
        }
        try (ChunksAhead chunks = new ChunksAhead("kehu-import-prepare", read -> readInChunks(s, from, read),
                chunk -> readTransaction.execute(status -> {
                    lookUpByBTree();
                    return run.prepare(chunk);
                }))) {
            for (ImportRun.Prepared next = chunks.next(); next != null; next = chunks.next()) {
                ImportRun.Prepared chunk = next;
                each.accept(() -> chunk);
                progress.rows(run.rows());
            }
            log.info("Import of {} prepared ahead: {}", s.source().fileName(), chunks.waits());
        }
    }

    private static void readInChunks(ImportSettings s, long from, Consumer<List<FileRow>> each) {
        List<FileRow> chunk = new ArrayList<>(CHUNK);
        read(s, from, row -> {
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                each.accept(List.copyOf(chunk));
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            each.accept(List.copyOf(chunk));
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
