package io.kehu.platform.forms;

import io.kehu.platform.forms.storage.DatabaseFormCatalog;
import io.kehu.platform.forms.storage.FormStorage;
import io.kehu.platform.forms.storage.FormVersionStore;
import io.kehu.platform.forms.storage.SchemaSync;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes form definitions: checks the whole schema change first, then applies its DDL and writes the version rows
 * in one transaction, and finally hands the new versions to the {@link DatabaseFormCatalog} once committed.
 *
 * <p>Atomicity differs by database. PostgreSQL runs DDL inside the transaction, so a failure anywhere leaves nothing
 * behind. H2 commits each DDL statement by itself; there the plan is checked completely before any statement runs,
 * the version rows are written only after all DDL succeeded, and a step failing midway leaves the earlier tables,
 * columns and indexes in place, unused (no version refers to them), and publishing again completes them because every
 * step is skipped when its object exists.
 *
 * <p>Publishes are serialised inside this application; two application nodes publishing the same form at once are
 * kept apart by the version's primary key (one of them fails and rolls back).
 */
@Service
public class FormPublisher {

    private final DSLContext dsl;
    private final FormVersionStore store;
    private final DatabaseFormCatalog catalog;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ReentrantLock lock = new ReentrantLock();

    FormPublisher(DSLContext dsl, FormVersionStore store, DatabaseFormCatalog catalog,
            PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.events = events;
        this.store = store;
        this.catalog = catalog;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Publishes one definition as the form's next version; refuses with every reason if data could be lost. */
    public FormVersion publish(FormDefinition definition, String publishedBy, String note) {
        return publishAll(List.of(definition), publishedBy, note).getFirst();
    }

    /**
     * Publishes several definitions as one change: forms may reference each other or be each other's subtables, so
     * all tables are created by one plan, and either every form gets its new version or none does.
     */
    public List<FormVersion> publishAll(List<FormDefinition> definitions, String publishedBy, String note) {
        lock.lock();
        try {
            Plan plan = plan(definitions);
            List<SchemaSync.FormSync> syncs = plan.forms();
            SchemaChange change = plan.change();
            List<String> refusals = new ArrayList<>(change.refusals());
            if (refusals.isEmpty()) {
                refusals.addAll(DuplicateValues.find(dsl, change));
            }
            if (!refusals.isEmpty()) {
                throw new SchemaChangeRefusedException(refusals);
            }
            return transaction.execute(status -> {
                SchemaSync.apply(dsl, change);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                List<FormVersion> versions = syncs.stream()
                        .map(sync -> store.recordPublish(sync, publishedBy, note, now)).toList();
                List<FormDefinition> published = syncs.stream().map(SchemaSync.FormSync::definition).toList();
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        catalog.replace(published);
                        events.publishEvent(new FormsPublished(published.stream().map(FormDefinition::id).toList()));
                    }
                });
                return versions;
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} while no publish is going on, e.g. building an index on a form's table: a publish altering that
     * table meanwhile could otherwise deadlock with it.
     */
    public void betweenPublishes(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /** What publishing {@code definition} would do, or why it would be refused; changes nothing. */
    public SchemaChange previewPublish(FormDefinition definition) {
        return previewPublishAll(List.of(definition));
    }

    /** What publishing these definitions together would do, or why it would be refused; changes nothing. */
    public SchemaChange previewPublishAll(List<FormDefinition> definitions) {
        return plan(definitions).change();
    }

    /** Publishes the definition of an earlier version again, as a new version (history is never rewritten). */
    public FormVersion rollback(String formId, int version, String publishedBy) {
        FormDefinition old = store.version(formId, version).orElseThrow(() -> new IllegalArgumentException(
                "Form '" + formId + "' has no version " + version + "."));
        return publish(old, publishedBy, "Rollback to version " + version);
    }

    /** The published versions of a form, oldest first. */
    public List<FormVersion> versions(String formId) {
        return store.versions(formId);
    }

    /** The definition of one published version, e.g. to compare it with the current one. */
    public Optional<FormDefinition> version(String formId, int number) {
        return store.version(formId, number);
    }

    /** Keeps a definition being designed, without publishing it (the form need not be published yet). */
    public void saveDraft(FormDefinition definition, String savedBy) {
        String problem = FormTables.identifierProblem(definition.id());
        if (problem != null) {
            throw new IllegalArgumentException("Form '" + definition.id() + "': its id " + problem + ".");
        }
        transaction.executeWithoutResult(status ->
                store.saveDraft(definition, savedBy, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** The draft of a form, if one was saved and not published since. */
    public Optional<FormDefinition> draft(String formId) {
        return store.draft(formId);
    }

    /** The draft of a form with who saved it and when, if one was saved and not published since. */
    public Optional<FormDraft> draftInfo(String formId) {
        return store.draftInfo(formId);
    }

    /** Throws away a form's unpublished draft; the published version stays as it is. */
    public void discardDraft(String formId) {
        transaction.executeWithoutResult(status -> store.discardDraft(formId));
    }

    /** Every form known to the database (published or only drafted), with its version and draft state, by id. */
    public List<FormOverview> overview() {
        return store.overview();
    }

    private Plan plan(List<FormDefinition> definitions) {
        Set<String> batch = new HashSet<>();
        List<String> refusals = new ArrayList<>();
        for (FormDefinition definition : definitions) {
            if (!batch.add(definition.id())) {
                refusals.add("Form '" + definition.id() + "': appears twice in one publish. Instead, publish it "
                        + "once.");
            }
        }
        Set<String> known = new HashSet<>(batch);
        catalog.allPublished().forEach(f -> known.add(f.id()));
        refusals.addAll(SchemaSync.missingTargets(definitions, known));
        List<SchemaSync.FormSync> forms = new ArrayList<>();
        List<SchemaChange> changes = new ArrayList<>();
        for (FormDefinition definition : definitions) {
            FormStorage current = FormTables.identifierProblem(definition.id()) == null
                    ? store.storage(definition.id()) : FormStorage.none();
            SchemaSync.FormSync sync = SchemaSync.plan(current, definition);
            forms.add(sync);
            changes.add(sync.change());
        }
        changes.add(new SchemaChange(List.of(), refusals));
        return new Plan(forms, SchemaChange.combine(changes));
    }

    /** The per-form plans of one publish and their combined change (including cross-form refusals). */
    private record Plan(List<SchemaSync.FormSync> forms, SchemaChange change) {
    }
}
