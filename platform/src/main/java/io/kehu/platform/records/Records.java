package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to read and write form records, for the UI, demo data and plugins alike (and for imports and the API when they come). Every write
 * goes through {@link WriteChecks} — the same checks as a bulk write ({@link BulkRecords}): conversion and validation
 * of the values ({@link FieldValues}), form, field and ownership permissions, the form's {@link RecordRules} and the
 * {@link RecordGuard}s — then writes with optimistic locking, appends the audit trail and publishes
 * {@link RecordEvents}, all in one transaction: a refused or failing write leaves nothing behind.
 *
 * <p>Records the actor may not see (deleted, or owned by someone else) are "not found", never "forbidden", so their
 * ids reveal nothing. Fields the actor may not read are absent from results and cannot be filtered, sorted or
 * written.
 *
 * <p>Definitions come from the {@link FormCatalog}: always the published version of each form. Reads join a caller's
 * transaction but do not open one: a list page is one statement (two with multiselect values), and a transaction of
 * its own would add a begin/commit round trip to every page (measured in docs/benchmarks.md). They carry no
 * {@code @Transactional} at all: the connection proxy of {@code StorageConfig} already joins a caller's transaction,
 * and the interceptor's empty "supports" scope cost about a tenth of a read's CPU (profiled, issue 15).
 *
 * <p>This class is the front only: writes are in {@link SingleWrites}, reads in {@link RecordReads}, the row
 * estimate in {@link RecordEstimates}.
 */
@Service
public class Records {

    private final RecordServices services;
    private final SingleWrites writes;
    private final RecordReads reads;
    private final RecordEstimates estimates;
    private final RecordCounts counts;

    Records(RecordServices services) {
        this.services = services;
        this.writes = new SingleWrites(services);
        this.reads = new RecordReads(services);
        this.estimates = new RecordEstimates(services.dsl(), services.visibility());
        this.counts = new RecordCounts(services, estimates);
    }

    /**
     * Creates a record from {@code values} (field id → typed value or text); absent fields get their default. When
     * the form has an owner field and a STAFF user leaves it empty, that user becomes the owner.
     *
     * @throws RecordValidationException listing every wrong or missing value
     * @throws RecordAccessDeniedException when the actor may not write the form or one of the given fields
     * @throws RecordRefusedException when a guard vetoes the write
     */
    @Transactional
    public Record create(Actor actor, String formId, Map<String, ?> values) {
        FormDefinition form = services.form(formId);
        RecordAccess.requireWrite(form, actor);
        return writes.insert(actor, form, null, values);
    }

    /**
     * Creates a row of subtable field {@code fieldId} of record {@code parentId}, i.e. a record of the subtable's
     * form whose parent is that record. The actor must be able to see the parent and write the subtable field.
     */
    @Transactional
    public Record createChild(Actor actor, String parentFormId, long parentId, String fieldId, Map<String, ?> values) {
        FormDefinition parentForm = services.form(parentFormId);
        RecordAccess.requireWrite(parentForm, actor);
        FieldDefinition field = subtableField(parentForm, fieldId);
        RecordAccess.requireWrite(parentForm, field, actor);
        writes.requireVisible(parentForm, parentId, actor);
        FormDefinition childForm = services.form(field.form());
        RecordAccess.requireWrite(childForm, actor);
        return writes.insert(actor, childForm, parentId, values);
    }

    /**
     * Changes the fields named in {@code changes}, provided nobody saved the record since the actor read version
     * {@code expectedRowVersion}. A change that changes nothing writes nothing and returns the record as it is.
     *
     * @throws RecordConflictException when the version is stale: someone else saved in between
     * @throws RecordNotFoundException when the record does not exist for this actor
     */
    @Transactional
    public Record update(Actor actor, String formId, long id, int expectedRowVersion, Map<String, ?> changes) {
        FormDefinition form = services.form(formId);
        RecordAccess.requireWrite(form, actor);
        return writes.update(actor, form, id, expectedRowVersion, changes);
    }

    /**
     * As {@link #update(Actor, String, long, int, Map)}, for a change that depends on the record as it stands (a
     * workflow transition checks its state, guard and who may act): {@code decide} gets the actor's view of the record
     * read for the write, after the version check, and returns the changes — or throws to refuse, writing nothing. The
     * record is read once instead of once for the decision and again for the write.
     */
    @Transactional
    public Record update(Actor actor, String formId, long id, int expectedRowVersion,
            Function<Record, ? extends Map<String, ?>> decide) {
        FormDefinition form = services.form(formId);
        RecordAccess.requireWrite(form, actor);
        return writes.update(actor, form, id, expectedRowVersion, decide);
    }

    /**
     * Soft-deletes a record: it disappears from reads and queries but keeps its row, values and history, and can be
     * restored.
     */
    @Transactional
    public void delete(Actor actor, String formId, long id, int expectedRowVersion) {
        FormDefinition form = services.form(formId);
        RecordAccess.requireWrite(form, actor);
        writes.delete(actor, form, id, expectedRowVersion);
    }

    /**
     * Brings a deleted record back, with the values it had. Only administrators, who alone may see deleted records
     * (the delete confirmation tells users so), may restore them.
     */
    @Transactional
    public Record restore(Actor actor, String formId, long id, int expectedRowVersion) {
        FormDefinition form = services.form(formId);
        RecordAccess.requireWrite(form, actor);
        RecordAccess.requireDeletedAccess(form, actor);
        return writes.restore(actor, form, id, expectedRowVersion);
    }

    /** The live record {@code id} as {@code actor} may see it; empty when deleted, missing or not theirs. */
    public Optional<Record> get(Actor actor, String formId, long id) {
        return reads.get(actor, services.form(formId), id);
    }

    /**
     * One page of the records {@code actor} may see that match {@code query}. Ownership, filters and search are
     * conditions of the same SQL query, so pages are complete and fast. Never counts: see {@link #estimateCount}.
     *
     * @throws IllegalArgumentException for a filter or sort that does not fit the form (unknown field, wrong
     *                                  operator for the type)
     */
    public List<Record> query(Actor actor, RecordQuery query) {
        return reads.query(actor, services.form(query.formId()), query);
    }

    /**
     * The list columns other features contribute to the list of {@code formId} ({@link ContributedColumn}) that
     * {@code actor} may see now: each may be named in a {@link RecordQuery}'s filters, sorts and
     * {@link RecordQuery#withListColumns list columns}.
     */
    public List<ListedColumn> listColumns(Actor actor, String formId) {
        // A loop, not a stream: the API asks on every list call, and most forms have no contributed columns.
        Map<String, ListColumns.Resolved> readable = services.listColumns().readable(services.form(formId), actor);
        if (readable.isEmpty()) {
            return List.of();
        }
        List<ListedColumn> listed = new ArrayList<>(readable.size());
        for (ListColumns.Resolved r : readable.values()) {
            listed.add(r.listed());
        }
        return List.copyOf(listed);
    }

    /**
     * What is wrong with {@code column} on the published forms now (the listed form, the source form and its
     * fields, the kind against the value field's type, an id taken by a field or another contributed column);
     * empty when it fits. The plugin host refuses to start a plugin whose column does not fit.
     */
    public List<String> listColumnProblems(ContributedColumn column) {
        List<String> problems = new java.util.ArrayList<>(services.listColumns().problems(column));
        services.catalog().published(column.formId()).ifPresent(form -> {
            ListColumns.Resolved taken = services.listColumns().of(form).get(column.id());
            if (taken != null && !java.util.Objects.equals(taken.column.origin(), column.origin())) {
                problems.add("list column " + column.id() + " of form " + column.formId() + " is already added by "
                        + taken.column.origin());
            }
        });
        return problems;
    }

    /** The live rows of subtable {@code fieldId} of record {@code parentId}, oldest first (at most 1000). */
    public List<Record> subtableRows(Actor actor, String parentFormId, long parentId, String fieldId) {
        FormDefinition parentForm = services.form(parentFormId);
        return reads.subtableRows(actor, parentForm, parentId, subtableField(parentForm, fieldId));
    }

    /**
     * The history of a record the actor may see (admins: deleted ones too), oldest first, without the fields the
     * actor may not read.
     */
    public List<AuditEntry> history(Actor actor, String formId, long id) {
        return reads.history(actor, services.form(formId), id);
    }

    /**
     * One page of the history of a record the actor may see, newest first (at most 1000 entries a page), without the
     * fields the actor may not read: what the history panel scrolls through.
     */
    public List<AuditEntry> history(Actor actor, String formId, long id, int offset, int limit) {
        return reads.historyPage(actor, services.form(formId), id, offset, limit);
    }

    /**
     * The newest changes across all forms, newest first, one entry per field changed (at most {@code limit}, up to
     * 500): what the administrators' start page lists. For administrators (and the platform) only: it crosses every
     * form and owner.
     */
    public List<AuditEntry> recentChanges(Actor actor, int limit) {
        if (!actor.isSystem() && !actor.hasRole(io.kehu.platform.security.Role.ADMIN)) {
            throw new RecordAccessDeniedException(null, io.kehu.platform.forms.LocalizedText.of(
                    actor.username() + " 无权查看全部修改记录，请联系管理员",
                    actor.username() + " may not read every change; ask an administrator"));
        }
        return services.audit().recent(Math.clamp(limit, 1, 500));
    }

    /**
     * About how many rows the form's table holds (deleted ones included), from the database's statistics: see
     * {@link RecordEstimates}. Cheap on millions of rows, not exact on PostgreSQL. Counts come with the reader's
     * permissions: staff limited to their own records get the exact count of those.
     */
    public long estimateCount(Actor actor, String formId) {
        FormDefinition form = services.form(formId);
        RecordAccess.requireRead(form, actor);
        return estimates.estimateCount(form, actor);
    }

    /**
     * How many records {@code actor} may see match {@code query} (its page and sort ignored): exact up to 10,000,
     * beyond that an estimate or "more than": see {@link RecordCounts}. What a list shows as "共 N 条".
     */
    public ListedCount count(Actor actor, RecordQuery query) {
        return counts.count(actor, services.form(query.formId()), query);
    }

    private static FieldDefinition subtableField(FormDefinition form, String fieldId) {
        return form.field(fieldId).filter(f -> f.type() == FieldType.SUBTABLE && f.form() != null)
                .orElseThrow(() -> new IllegalArgumentException("Form " + form.id() + " has no subtable field "
                        + fieldId));
    }
}
