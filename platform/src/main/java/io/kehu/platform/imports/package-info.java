/**
 * Importing any form's records from CSV and XLSX files: reading ({@code imports.read}), mapping columns to fields
 * with per-type transforms ({@code imports.mapping}), the dry run, the import as a background job, and its undo
 * ({@code imports.job}). Every write goes through {@link io.kehu.platform.records.BulkRecords#batch}, the one write
 * path; nothing here checks values itself. The front is {@link Imports}; the wizard is {@link ImportView}.
 */
package io.kehu.platform.imports;
