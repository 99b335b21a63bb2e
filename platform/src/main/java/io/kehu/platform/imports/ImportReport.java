package io.kehu.platform.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a dry run found, or what an import did.
 *
 * @param rows the data rows read
 * @param created records (to be) created
 * @param updated records (to be) updated
 * @param unchanged rows matching a record that already holds their values
 * @param refused rows refused, each with its problems in {@code problemsFile}
 * @param problems the number of problems (a refused row has one or more)
 * @param byColumn per column header (empty: the whole row), the bad cells and a few examples
 * @param firstProblems the first problems, for the screen; all of them are in {@code problemsFile}
 * @param problemsFile every problem, one per line (see {@link Imports#writeProblemsXlsx})
 * @param stoppedAt when the import stopped at its first bad row (nothing written): that row's number; else 0
 * @param duplicates rows that look like duplicates (create mode), whatever became of them: skipped (the default),
 *                   merged into the record they duplicate or created anyway, as the review decided
 * @param firstDuplicates the first of those rows, each with the row or record it duplicates and why
 * @param duplicatesFile all of those rows (a dry run's; {@code null} for an import), read page by page by the review
 *                       with {@link #duplicatesPage}
 */
public record ImportReport(long rows, long created, long updated, long unchanged, long refused, long problems,
                           Map<String, ColumnProblems> byColumn, List<ImportProblem> firstProblems, Path problemsFile,
                           long stoppedAt, long duplicates, List<ImportDuplicate> firstDuplicates,
                           Path duplicatesFile) {

    /** Rows {@code offset} to {@code offset + limit - 1} (from 0) of the likely duplicates, in file order. */
    public List<ImportDuplicate> duplicatesPage(long offset, int limit) {
        if (duplicatesFile == null) {
            return firstDuplicates.stream().skip(offset).limit(limit).toList();
        }
        try {
            return io.kehu.platform.imports.job.DuplicateLog.page(duplicatesFile, offset, limit);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many likely duplicates a report lists at most (all are counted). */
    public static final int DUPLICATES_SHOWN = 200;

    /** The bad cells of one column: how many, and the first few values with their reason. */
    public record ColumnProblems(long count, List<ImportProblem> examples) {
    }
}
