/**
 * Running imports: the dry run and the import itself through {@code records.BulkRecords#batch} (one write path),
 * the problem log and its spreadsheet, the background job with progress, cancel and resume, and the undo. Internal
 * to {@code imports}.
 */
package io.kehu.platform.imports.job;
