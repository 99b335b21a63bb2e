package io.kehu.platform.plugins;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.plugins.sdk.SdkValues;
import io.kehu.platform.records.AuditAction;
import io.kehu.platform.records.RecordChange;
import io.kehu.platform.records.RecordEvents;
import io.kehu.platform.records.RecordGuard;
import io.kehu.platform.records.RecordsSavedInBulk;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.records.Veto;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds the plugins' {@link RecordListener}s from the one write path: as a {@link RecordGuard} before each write
 * (inside its transaction; a veto aborts it) and from {@link RecordEvents} after the commit, each listener in a new
 * transaction of its own so a write it makes is really committed. A listener that throws is reported on its plugin and
 * skipped: one broken plugin does not block everybody's writes.
 */
@Component
class PluginRecordBridge implements RecordGuard {

    private final PluginRegistry registry;
    private final TransactionTemplate newTransaction;

    PluginRecordBridge(PluginRegistry registry, PlatformTransactionManager transactions) {
        this.registry = registry;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Only forms some started plugin's listener handles: a bulk write to any other form skips the per-record calls. */
    @Override
    public boolean watches(FormDefinition form) {
        return registry.contributions(RecordListener.class).stream().anyMatch(c -> handles(c, form.id()));
    }

    @Override
    public Optional<LocalizedText> check(RecordChange change) {
        if (!watches(change.form())) {
            return Optional.empty();
        }
        io.kehu.sdk.records.RecordChange sdkChange = new io.kehu.sdk.records.RecordChange(change.form().id(),
                RecordAction.valueOf(change.action().name()), change.id(), SdkValues.toSdk(change.values()),
                change.old().map(r -> SdkValues.toSdk(r.values().asMap())).orElse(Map.of()),
                change.actor().username());
        for (var c : registry.contributions(RecordListener.class)) {
            RecordListener listener = c.extension();
            Optional<Veto> veto;
            try {
                if (!listener.handles(sdkChange.formId())) {
                    continue;
                }
                veto = change.action() == AuditAction.DELETE
                        ? listener.beforeDelete(sdkChange) : listener.beforeSave(sdkChange);
            } catch (RecordException refusal) {
                // the plugin refuses the write (its own refusal, or one the platform made to a write it tried):
                // a veto with its text in both languages, not a broken plugin
                return Optional.of(SdkValues.text(refusal.text()));
            } catch (RuntimeException | LinkageError e) {
                registry.reportError(c.plugin().pluginId(), listener.getClass().getName(), e);
                continue;
            }
            if (veto != null && veto.isPresent()) {
                return Optional.of(SdkValues.text(veto.get().reason()));
            }
        }
        return Optional.empty();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void saved(RecordEvents.Saved saved) {
        RecordAction action = saved.created() ? RecordAction.CREATE : RecordAction.UPDATE;
        RecordEvent event = new RecordEvent(saved.formId(), saved.id(), action, saved.changedFields(),
                saved.actor().username());
        each(event, "afterSave", listener -> listener.afterSave(event));
    }

    /** A bulk write's chunk: each record is heard about as if it had been saved on its own. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void savedInBulk(RecordsSavedInBulk saved) {
        RecordAction action = saved.created() ? RecordAction.CREATE : RecordAction.UPDATE;
        // asked once per chunk, not once per record: a chunk of the loyalty ledger's bulk award is 5,000 records whose
        // only listener (a guard) keeps the empty afterSave, which cost a reflective look-up per record and listener
        List<PluginRegistry.Contribution<RecordListener>> listening = registry.contributions(RecordListener.class)
                .stream().filter(c -> handles(c, saved.formId()) && implemented(c.extension(), "afterSave"))
                .toList();
        if (listening.isEmpty()) {
            return;
        }
        for (long id : saved.ids()) {
            RecordEvent event = new RecordEvent(saved.formId(), id, action, saved.changedFields(),
                    saved.actor().username());
            each(event, "afterSave", listener -> listener.afterSave(event));
        }
    }

    private boolean handles(PluginRegistry.Contribution<RecordListener> c, String formId) {
        try {
            return c.extension().handles(formId);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void deleted(RecordEvents.Deleted deleted) {
        RecordEvent event = new RecordEvent(deleted.formId(), deleted.id(), RecordAction.DELETE,
                java.util.Set.of(), deleted.actor().username());
        each(event, "afterDelete", listener -> listener.afterDelete(event));
    }

    /**
     * Calls {@code method} of every listener of the event's form that implements it, each in a new transaction. A
     * listener that keeps the interface's empty default (e.g. one that only vetoes in {@code beforeSave}) gets no
     * call and, above all, no transaction: this runs after the commit while the committed transaction's connection
     * is still held, so each new transaction takes a SECOND pooled connection; with as many concurrent writers as
     * the pool has connections, all of them would wait for a connection none of them gives back (seen with the
     * loyalty ledger's 50 parallel redemptions on PostgreSQL).
     */
    private void each(RecordEvent event, String method, Consumer<RecordListener> call) {
        for (var c : registry.contributions(RecordListener.class)) {
            try {
                if (c.extension().handles(event.formId()) && implemented(c.extension(), method)) {
                    newTransaction.executeWithoutResult(status -> call.accept(c.extension()));
                }
            } catch (RuntimeException | LinkageError e) {
                registry.reportError(c.plugin().pluginId(), c.extension().getClass().getName(), e);
            }
        }
    }

    /** Whether {@code listener}'s class (or a superclass) overrides the interface's empty default {@code method}. */
    static boolean implemented(RecordListener listener, String method) {
        try {
            return listener.getClass().getMethod(method, RecordEvent.class).getDeclaringClass()
                    != RecordListener.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }
}
