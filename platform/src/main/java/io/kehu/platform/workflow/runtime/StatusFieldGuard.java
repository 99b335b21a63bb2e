package io.kehu.platform.workflow.runtime;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.RecordChange;
import io.kehu.platform.records.RecordGuard;
import io.kehu.platform.workflow.WorkflowCatalog;
import io.kehu.platform.workflow.WorkflowDefinition;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps the status field of a workflow-bound form to its workflow: an update that changes it is refused unless it is
 * the move a transition is writing ({@link TransitionScope}), whoever writes and by whichever path (form, bulk,
 * import, plugin). A new record starts in the initial state; only the platform itself (demo data, loading existing
 * history) may create one in another state, because it records where a record already is rather than moving it.
 */
@Component
class StatusFieldGuard implements RecordGuard {

    private final WorkflowCatalog workflows;

    StatusFieldGuard(WorkflowCatalog workflows) {
        this.workflows = workflows;
    }

    @Override
    public boolean watches(FormDefinition form) {
        return workflows.forForm(form.id()).isPresent();
    }

    @Override
    public Optional<LocalizedText> check(RecordChange change) {
        WorkflowDefinition workflow = workflows.forForm(change.form().id()).orElse(null);
        if (workflow == null) {
            return Optional.empty();
        }
        String field = workflow.statusField();
        Object state = change.values().get(field);
        LocalizedText fieldLabel = change.form().field(field).map(f -> f.label()).orElse(LocalizedText.of(field,
                field));
        return switch (change.action()) {
            case CREATE -> {
                var initial = workflow.initialState();
                yield change.actor().isSystem() || initial.id().equals(state) ? Optional.empty()
                        : Optional.of(WorkflowTexts.text("status.createdElsewhere", fieldLabel, initial.label()));
            }
            case UPDATE -> {
                Object before = change.old().map(r -> r.get(field)).orElse(null);
                yield Objects.equals(before, state)
                        || TransitionScope.allows(change.form().id(), change.id(), state) ? Optional.empty()
                        : Optional.of(WorkflowTexts.text("status.changedDirectly", fieldLabel));
            }
            default -> Optional.empty();
        };
    }
}
