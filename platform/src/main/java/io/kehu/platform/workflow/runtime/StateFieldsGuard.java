package io.kehu.platform.workflow.runtime;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.AuditAction;
import io.kehu.platform.records.RecordChange;
import io.kehu.platform.records.RecordGuard;
import io.kehu.platform.workflow.WorkflowCatalog;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowState;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Keeps a record's fields to what its current state lets people change (a state's {@code editable}, e.g. an
 * approved budget is frozen): an update changing any other field is refused by name, by whichever path it comes
 * (form, bulk edit, import, API, plugin). The status field is {@link StatusFieldGuard}'s; computed fields follow
 * their inputs; a transition's own writes ({@code setField}, the fields it requires) pass ({@link TransitionScope}),
 * and so does the platform itself. A state without {@code editable} leaves every field to the form's permissions.
 */
@Component
class StateFieldsGuard implements RecordGuard {

    private final WorkflowCatalog workflows;

    StateFieldsGuard(WorkflowCatalog workflows) {
        this.workflows = workflows;
    }

    @Override
    public boolean watches(FormDefinition form) {
        return workflows.forForm(form.id())
                .map(w -> w.states().stream().anyMatch(s -> s.editable() != null)).orElse(false);
    }

    @Override
    public Optional<LocalizedText> check(RecordChange change) {
        if (change.action() != AuditAction.UPDATE || change.actor().isSystem() || change.old().isEmpty()) {
            return Optional.empty();
        }
        WorkflowDefinition workflow = workflows.forForm(change.form().id()).orElse(null);
        if (workflow == null) {
            return Optional.empty();
        }
        WorkflowState state = workflow.state(String.valueOf(change.old().get().get(workflow.statusField())))
                .orElse(null);
        if (state == null || state.editable() == null) {
            return Optional.empty();
        }
        List<FieldDefinition> locked = locked(change, workflow, state.editable());
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(WorkflowTexts.text("editable.locked", state.label(), LocalizedText.of(
                names(locked, Locale.SIMPLIFIED_CHINESE, "、"), names(locked, Locale.ENGLISH, ", "))));
    }

    /** The fields the write changes that the state does not let change. */
    private static List<FieldDefinition> locked(RecordChange change, WorkflowDefinition workflow,
            Set<String> editable) {
        FormDefinition form = change.form();
        return change.changed().stream()
                .filter(id -> !id.equals(workflow.statusField()) && !editable.contains(id))
                .filter(id -> !TransitionScope.allowsField(form.id(), change.id(), id))
                .map(form::field).flatMap(Optional::stream)
                .filter(f -> f.type() != FieldType.COMPUTED)
                .toList();
    }

    private static String names(List<FieldDefinition> fields, Locale locale, String separator) {
        return String.join(separator, fields.stream().map(f -> f.label() == null || f.label().isEmpty() ? f.id()
                : f.label().in(locale)).toList());
    }
}
