/**
 * Records: the one write path for form records. {@link io.kehu.platform.records.Records} converts and validates
 * values, checks form, field and ownership permissions, runs rule hooks and guards, writes with optimistic locking,
 * appends the audit trail and publishes events, all in one transaction. The UI, demo data and plugins (and imports
 * and the API when they come) call the same service with an explicit {@link io.kehu.platform.security.Actor}.
 *
 * <p>Single writes ({@link io.kehu.platform.records.Records}) and bulk writes
 * ({@link io.kehu.platform.records.BulkRecords}) share one set of checks, {@code WriteChecks}, over a batch of one or
 * many records. {@code Records} is the front; {@code SingleWrites}, {@code RecordReads}, {@code RecordEstimates},
 * {@code BatchWriter} and {@code ChunkStore} are package-private; value parsing by kind is in {@code records.values}.
 *
 * <p>Tables and columns are those of {@link io.kehu.platform.forms.FormTables}; the audit trail is the
 * {@code kehu_audit} table of migration {@code V3__record_audit.sql}.
 */
package io.kehu.platform.records;
