package io.kehu.platform.imports;

import java.time.OffsetDateTime;

/**
 * One import as stored ({@code kehu_import_job}), for the imports list and the progress screen.
 *
 * @param status QUEUED, RUNNING, DONE, FAILED, CANCELLED or UNDONE
 * @param totalRows the file's data rows, once counted
 * @param doneRows rows handled so far (committed ones in skip mode)
 * @param lastRow the last file row number committed (a resume starts after it)
 * @param message why it failed or stopped, or what the undo left, in the user's words
 * @param duplicates rows that looked like duplicates (skipped, merged or created as the review decided)
 */
public record ImportJob(long id, String formId, Long userId, String userName, String fileName, String fileHash,
                        ImportMode mode, boolean skipBadRows, String status, Long totalRows, long doneRows,
                        long lastRow, long created, long updated, long unchanged, long refused, String message,
                        OffsetDateTime createdAt, OffsetDateTime finishedAt, OffsetDateTime undoneAt,
                        long duplicates) {

    public boolean finished() {
        return !"QUEUED".equals(status) && !"RUNNING".equals(status);
    }
}
