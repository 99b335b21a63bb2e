package io.kehu.plugins.visits;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.workflows.WorkflowInfo;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.util.Locale;

/**
 * The workflow steps the signed-in user may take on a visit now, as the engine says ({@code allowedTransitions}):
 * the forward step (客户已确认, 到达签到) as the big primary button, 改期 as a plain one, 取消上门 asking for its
 * reason first. Sign-off has its own form (name and signature). Every click goes through the engine again, which
 * decides; a refusal is shown with its reason.
 */
final class StepButtons {

    private StepButtons() {
    }

    static Div of(PluginContext context, VisitService service, long visitId, Locale locale, Runnable reload,
            Div screen) {
        Div area = new Div();
        area.setId("visit-steps");
        for (WorkflowInfo.TransitionInfo step : service.steps(visitId)) {
            String label = step.label().in(locale);
            switch (step.id()) {
                case VisitSteps.CONFIRM, VisitSteps.CHECK_IN -> {
                    Button move = new Button(label, e -> take(context, service, visitId, step.id(), locale, reload,
                            screen));
                    move.setId("visit-move");
                    move.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
                    move.setWidthFull();
                    area.addComponentAsFirst(move);
                }
                case VisitSteps.RESCHEDULE -> {
                    Button back = new Button(label, e -> take(context, service, visitId, step.id(), locale, reload,
                            screen));
                    back.setId("visit-step-reschedule");
                    back.setWidthFull();
                    area.add(back);
                }
                case VisitSteps.CANCEL -> area.add(cancel(context, service, visitId, label, locale, reload, screen));
                default -> {
                    // sign_off: the sign-off form below; steps added to the workflow later show in the record view
                }
            }
        }
        area.getChildren().forEach(c -> c.getElement().getStyle().set("margin-top", "var(--lumo-space-s)"));
        return area;
    }

    private static void take(PluginContext context, VisitService service, long visitId, String step, Locale locale,
            Runnable reload, Div screen) {
        try {
            service.move(service.visit(visitId), step);
            reload.run();
        } catch (RecordException ex) {
            TodayView.error(screen, ex);
        } catch (WorkflowRefusedException ex) {
            TodayView.error(screen, ex.text().in(locale));
        }
    }

    /** 取消上门: the first click asks for the reason, the second cancels with it. */
    private static Div cancel(PluginContext context, VisitService service, long visitId, String label, Locale locale,
            Runnable reload, Div screen) {
        Div box = new Div();
        Button open = new Button(label);
        open.setId("visit-cancel");
        open.addThemeVariants(ButtonVariant.LUMO_ERROR);
        open.setWidthFull();
        open.addClickListener(e -> {
            TextField reason = new TextField(context.messages().get("today.cancel.reason", locale));
            reason.setId("visit-cancel-reason");
            reason.setMaxLength(300);
            reason.setWidthFull();
            Button confirm = new Button(context.messages().get("today.cancel.confirm", locale), c -> {
                if (reason.getValue().isBlank()) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(context.messages().get("today.cancel.missing", locale));
                    return;
                }
                try {
                    service.cancel(service.visit(visitId), reason.getValue());
                    reload.run();
                } catch (RecordException ex) {
                    TodayView.error(screen, ex);
                } catch (WorkflowRefusedException ex) {
                    TodayView.error(screen, ex.text().in(locale));
                }
            });
            confirm.setId("visit-cancel-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            confirm.setWidthFull();
            box.removeAll();
            box.add(reason, confirm);
        });
        box.add(open);
        return box;
    }
}
