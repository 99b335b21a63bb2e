package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.workflow.TaskHandOffRefusedException;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import java.util.List;
import java.util.Locale;

/**
 * 转交 of one open task from 我的待办: a picker offering only the people eligible for it (by display name), an optional
 * reason kept in the workflow history, 确定. A refusal (someone else handed it on meanwhile, …) stays in the dialog with
 * why; on a phone the dialog takes the screen's width.
 */
final class TaskHandOffDialog extends Dialog {

    private final ComboBox<UserAccount> to = new ComboBox<>();
    private final TextArea reason = new TextArea();
    private final Paragraph error = new Paragraph();

    TaskHandOffDialog(Workflows workflows, Actor actor, WorkflowTask task, Locale locale, boolean narrow,
            Runnable handed) {
        setId("task-handoff-dialog");
        setHeaderTitle(getTranslation("workflow.tasks.handOffTitle", task.title().in(locale)));
        if (narrow) {
            setWidth("100vw");
            setMaxWidth("100vw");
        } else {
            setWidth("min(32rem, 95vw)");
        }
        error.setId("task-handoff-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        List<UserAccount> candidates = workflows.handOffCandidates(actor, task.id());
        to.setId("task-handoff-to");
        to.setLabel(getTranslation("workflow.tasks.handOffTo"));
        to.setItems(candidates);
        to.setItemLabelGenerator(UserAccount::displayName);
        to.setRequiredIndicatorVisible(true);
        to.setWidthFull();
        reason.setId("task-handoff-reason");
        reason.setLabel(getTranslation("workflow.tasks.handOffReason"));
        reason.setHelperText(getTranslation("workflow.tasks.handOffReasonHelp", Workflows.MAX_COMMENT));
        reason.setMaxLength(Workflows.MAX_COMMENT);
        reason.setWidthFull();
        reason.setMinHeight("5rem");
        add(error);
        if (candidates.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("workflow.tasks.handOffNone"));
            none.setId("task-handoff-none");
            add(none);
        } else {
            add(to, reason);
        }
        Button cancel = new Button(getTranslation("workflow.ui.cancel"), click -> close());
        cancel.setId("task-handoff-cancel");
        Button ok = new Button(getTranslation("workflow.tasks.handOffOk"), click -> {
            UserAccount chosen = to.getValue();
            if (chosen == null) {
                to.setErrorMessage(getTranslation("workflow.tasks.handOffPick"));
                to.setInvalid(true);
                return;
            }
            try {
                workflows.reassignTask(actor, task.id(), chosen.id(), reason.getValue());
            } catch (TaskHandOffRefusedException refused) {
                error.setText(refused.message(locale));
                error.setVisible(true);
                return;
            }
            close();
            Notification.show(getTranslation("workflow.tasks.handOffDone", chosen.displayName()), 3000,
                    Notification.Position.BOTTOM_START);
            handed.run();
        });
        ok.setId("task-handoff-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setEnabled(!candidates.isEmpty());
        getFooter().add(cancel, ok);
    }
}
