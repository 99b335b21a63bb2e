package io.kehu.plugins.visits;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.workflows.StepInfo;
import io.kehu.sdk.workflows.WorkflowInfo;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A visit's workflow history on the phone (流程记录): each step with when, who and the step's name, oldest first —
 * the same log the record view shows, read through the SDK.
 */
final class VisitHistory {

    private VisitHistory() {
    }

    static Div of(PluginContext context, long visitId, Locale locale) {
        Div box = new Div();
        box.setId("visit-history");
        box.add(new H3(context.messages().get("history.title", locale)));
        List<StepInfo> steps = context.workflows().history(VisitForms.VISIT, visitId);
        if (steps.isEmpty()) {
            Paragraph empty = new Paragraph(context.messages().get("history.empty", locale));
            empty.setId("visit-history-empty");
            box.add(empty);
            return box;
        }
        Map<String, LocalText> labels = new HashMap<>();
        context.workflows().workflow(VisitForms.VISIT).ifPresent(w -> {
            for (WorkflowInfo.TransitionInfo t : w.transitions()) {
                labels.put(t.id(), t.label());
            }
        });
        UnorderedList list = new UnorderedList();
        for (StepInfo step : steps) {
            String who = step.actedByName() != null ? step.actedByName()
                    : context.messages().get("history.system", locale);
            String what = labels.containsKey(step.transition()) ? labels.get(step.transition()).in(locale)
                    : step.transition();
            String line = Texts.dayTime(OffsetDateTime.ofInstant(step.actedAt(), Texts.ZONE)) + " · " + who + " · "
                    + what + (step.comment() == null || step.comment().isBlank() ? ""
                    : ("zh".equals(locale.getLanguage()) ? "：" : ": ") + step.comment());
            list.add(new ListItem(line));
        }
        box.add(list);
        return box;
    }
}
