package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordConflictException;
import io.kehu.platform.records.RecordRefusedException;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.ApprovalStatus;
import io.kehu.platform.workflow.Transition;
import io.kehu.platform.workflow.TransitionRefusedException;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.Workflows;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The workflow on a record view: the state as a coloured badge, the SLA deadline of the state, and the transitions this
 * user may take as buttons — the same decision the server takes ({@link Workflows#allowedTransitions}), so an action
 * the user may not take (the handler's revisit) is not shown at all. A transition that asks for a comment or for
 * empty required fields opens a {@link TransitionDialog}; a refusal is shown in the user's language, a stale version
 * goes to the record view's conflict handling.
 */
final class WorkflowBar extends Div {

    /** What the record view does around a transition. */
    record Hooks(BooleanSupplier unsavedChanges, IntSupplier rowVersion, Supplier<Optional<Record>> current,
            Runnable moved,
            Consumer<RecordConflictException> conflict) {
    }

    private final Workflows workflows;
    private final FormDefinition form;
    private final Actor actor;
    private final Record record;
    private final FilterSources sources;
    private final Hooks hooks;
    private final String statusField;

    WorkflowBar(Workflows workflows, WorkflowDefinition workflow, FormDefinition form, Actor actor, Record record,
                ValueFormatter formatter, FilterSources sources, Hooks hooks) {
        this.workflows = workflows;
        this.form = form;
        this.actor = actor;
        this.record = record;
        this.sources = sources;
        this.hooks = hooks;
        this.statusField = workflow.statusField();
        setId("workflow-bar");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("align-items", "center")
                .set("gap", "var(--lumo-space-s)");
        String stateId = String.valueOf(record.get(workflow.statusField()));
        workflow.state(stateId).ifPresent(state -> {
            StateBadge badge = new StateBadge(state, getLocale());
            badge.setId("workflow-state");
            badge.getElement().setAttribute("title", getTranslation("workflow.ui.state"));
            add(badge);
        });
        workflows.slaDue(actor, form.id(), record.id()).ifPresent(due -> add(sla(due, formatter)));
        workflows.approvalStatus(actor, form.id(), record.id()).forEach(status -> add(approval(status)));
        List<Transition> allowed = workflows.allowedTransitions(actor, form.id(), record.id());
        for (int i = 0; i < allowed.size(); i++) {
            Transition move = allowed.get(i);
            Button button = new Button(move.label().in(getLocale()), click -> start(move));
            button.setId("transition-" + move.id());
            if (i == 0) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            add(button);
        }
    }

    private Span sla(Instant due, ValueFormatter formatter) {
        boolean breached = due.isBefore(Instant.now());
        String when = formatter.plain(due.atOffset(ZoneOffset.UTC));
        Span sla = new Span(getTranslation(breached ? "workflow.ui.slaBreached" : "workflow.ui.slaDue", when));
        sla.setId("workflow-sla");
        sla.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color",
                breached ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
        if (breached) {
            sla.getStyle().set("font-weight", "600");
        }
        return sla;
    }

    /** Where an approval by several people stands: 批准大额预算：需 2 人审批，已批准 1 人（张三），待审批：李四. */
    private Span approval(ApprovalStatus status) {
        String separator = "zh".equals(getLocale().getLanguage()) ? "、" : ", ";
        String approved = String.join(separator, status.approved().stream().map(ApprovalStatus.Approver::name)
                .toList());
        String pending = String.join(separator, status.pending().stream().map(ApprovalStatus.Approver::name)
                .toList());
        String details = (approved.isEmpty() ? "" : getTranslation("workflow.ui.approvalBy", approved))
                + (pending.isEmpty() ? "" : getTranslation("workflow.ui.approvalPending", pending));
        Span span = new Span(getTranslation("workflow.ui.approvalRound", status.transition().label().in(getLocale()),
                status.needed(), status.approved().size(), details));
        span.setId("workflow-approval-" + status.transition().id());
        span.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return span;
    }

    private void start(Transition move) {
        String label = move.label().in(getLocale());
        if (hooks.unsavedChanges().getAsBoolean()) {
            error(getTranslation("workflow.ui.saveFirst", label));
            return;
        }
        Record current = move.requires().isEmpty() ? record
                : hooks.current().get().orElse(record);
        List<FieldDefinition> missing = TransitionDialog.missing(move, form, current).stream()
                .filter(f -> FormAccess.mayEdit(form, f, actor)).toList();
        if (move.comment() == Transition.Comment.NONE && missing.isEmpty()) {
            take(move, null, null, Map.of());
            return;
        }
        List<FieldEditor> editors = missing.stream().map(f -> FieldEditors.create(f, sources)).toList();
        new TransitionDialog(move, editors, getLocale(), (dialog, comment, values) ->
                take(move, dialog, comment, values)).open();
    }

    private void take(Transition move, TransitionDialog dialog, String comment, Map<String, Object> values) {
        Record after;
        try {
            after = workflows.transition(actor, form.id(), record.id(), move.id(), comment, values,
                    hooks.rowVersion().getAsInt());
        } catch (TransitionRefusedException refused) {
            show(dialog, refused.text().in(getLocale()));
            return;
        } catch (RecordValidationException invalid) {
            if (dialog != null) {
                dialog.showErrors(invalid.errors(), getLocale());
            } else {
                error(invalid.errors().stream().map(e -> e.message().in(getLocale()))
                        .reduce((a, b) -> a + "\n" + b).orElse(""));
            }
            return;
        } catch (AccessRefusedException denied) {
            show(dialog, denied.message(getLocale()));
            return;
        } catch (RecordRefusedException refused) {
            show(dialog, refused.text().in(getLocale()));
            return;
        } catch (RecordConflictException conflict) {
            if (dialog != null) {
                dialog.close();
            }
            hooks.conflict().accept(conflict);
            return;
        }
        if (dialog != null) {
            dialog.close();
        }
        boolean waitsForOthers = move.approval() != null
                && java.util.Objects.equals(after.get(statusField), record.get(statusField));
        // An approval that did not decide the round says who still has to approve.
        String done = waitsForOthers ? workflows.approvalStatus(actor, form.id(), record.id()).stream()
                .filter(s -> s.transition().id().equals(move.id())).findFirst()
                .map(s -> s.pendingText().in(getLocale()))
                .orElse(getTranslation("workflow.ui.done", move.label().in(getLocale())))
                : getTranslation("workflow.ui.done", move.label().in(getLocale()));
        Notification note = Notification.show(done);
        note.setId("workflow-done");
        note.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        hooks.moved().run();
    }

    private void show(TransitionDialog dialog, String message) {
        if (dialog != null) {
            dialog.showError(message);
        } else {
            error(message);
        }
    }

    private static void error(String message) {
        Notification note = Notification.show(message, 8000, Notification.Position.MIDDLE);
        note.setId("workflow-error");
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
