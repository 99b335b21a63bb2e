package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.WorkflowException;
import io.kehu.platform.workflow.WorkflowVersions;
import java.util.List;
import java.util.Map;

/**
 * The guard test: pick a transition, a real record and a user — would the transition be allowed now under the
 * definition being edited, and if not, why. The runtime's own checks answer ({@link WorkflowVersions#tryTransition}),
 * so the answer is the text the user would get; nothing is written.
 */
final class WorkflowGuardTestDialog extends Dialog {

    private final Select<String> transition = new Select<>();
    private final IntegerField record = new IntegerField();
    private final ComboBox<UserAccount> user = new ComboBox<>();
    private final Div result = new Div();

    /**
     * @param transitions transition id → its name in the admin's language, in definition order
     */
    WorkflowGuardTestDialog(DesignerServices services, WorkflowVersions versions, UserAccounts accounts, String json,
            Map<String, String> transitions) {
        setId("wf-guard-dialog");
        setHeaderTitle(getTranslation("wf.guard.title"));
        transition.setId("wf-guard-transition");
        transition.setLabel(getTranslation("wf.guard.transition"));
        transition.setItems(List.copyOf(transitions.keySet()));
        transition.setItemLabelGenerator(id -> transitions.getOrDefault(id, id));
        record.setId("wf-guard-record");
        record.setLabel(getTranslation("wf.guard.record"));
        record.setMin(1);
        user.setId("wf-guard-user");
        user.setLabel(getTranslation("wf.guard.user"));
        // A company has tens of users, not thousands: the list is read whole.
        user.setItems(accounts.findAll());
        user.setItemLabelGenerator(a -> a.displayName() + "（" + a.username() + "）");
        result.setId("wf-guard-result");
        result.getStyle().set("white-space", "pre-wrap").set("font-weight", "600");
        Button test = new Button(getTranslation("wf.guard.run"), e -> {
            if (transition.getValue() == null || record.getValue() == null || user.getValue() == null) {
                result.setText(getTranslation("wf.guard.incomplete"));
                result.getStyle().set("color", "var(--lumo-error-text-color)");
                return;
            }
            try {
                WorkflowVersions.GuardTest answer = versions.tryTransition(services.admin(), json,
                        transition.getValue(), record.getValue(), Actor.of(user.getValue()));
                result.setText((answer.allowed() ? "✔ " : "✘ ") + answer.why().in(getLocale()));
                result.getStyle().set("color", answer.allowed() ? "var(--lumo-success-text-color)"
                        : "var(--lumo-error-text-color)");
            } catch (WorkflowException problems) {
                result.setText(getTranslation("wf.publish.problems") + "\n" + problems.describe(getLocale()));
                result.getStyle().set("color", "var(--lumo-error-text-color)");
            }
        });
        test.setId("wf-guard-run");
        test.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout content = new VerticalLayout(transition, record, user, result);
        content.setPadding(false);
        add(content);
        Button close = new Button(getTranslation("designer.close"), e -> close());
        close.setId("wf-guard-close");
        getFooter().add(close, test);
    }
}
