/**
 * Records: the one write path for form records. {@link io.kehu.platform.records.Records} converts and validates
 * values, checks form, field and ownership permissions, runs rule hooks and guards, writes with optimistic locking,
 * appends the audit trail and publishes events, all in one transaction. The UI, imports, the REST API and plugins
 * call the same service with an explicit {@link io.kehu.platform.security.Actor}.
 *
 * <p>Tables and columns are those of {@link io.kehu.platform.forms.FormTables}; the audit trail is the
 * {@code kehu_audit} table of migration {@code V3__record_audit.sql}.
 */
package io.kehu.platform.records;
