package io.kehu.platform.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowState;
import io.kehu.platform.workflow.WorkflowStep;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The workflow history of a record (the record view's tab): each transition with who took it, when, from which state
 * to which (by their labels), the action's label and the comment — newest first, where a reader starts.
 */
final class WorkflowTimeline extends VerticalLayout {

    /** One line as shown, for tests. */
    record Line(String who, String when, String move, String action, String comment) {
    }

    private final List<Line> lines;

    WorkflowTimeline(WorkflowDefinition workflow, List<WorkflowStep> steps, ValueFormatter formatter) {
        this(workflow, steps, List.of(), formatter);
    }

    /**
     * The steps and, between them where they were given, the approvals of approval transitions (who approved what,
     * when, with their comment), newest first.
     */
    WorkflowTimeline(WorkflowDefinition workflow, List<WorkflowStep> steps, List<WorkflowStep> approvals,
            ValueFormatter formatter) {
        setId("workflow-timeline");
        setPadding(false);
        setSpacing(false);
        java.util.Set<WorkflowStep> approved = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        approved.addAll(approvals);
        List<WorkflowStep> all = new java.util.ArrayList<>(steps);
        all.addAll(approvals);
        // The approval that decides a round is given just before the move it causes, possibly in the same instant.
        all.sort(java.util.Comparator.comparing(WorkflowStep::actedAt)
                .thenComparing(step -> approved.contains(step) ? 0 : 1));
        lines = all.reversed().stream().map(s -> new Line(
                s.actedBy() == null && s.actedByName() == null ? getTranslation("workflow.ui.system")
                        : formatter.actor(s.actedBy(), s.actedByName()),
                formatter.plain(s.actedAt().atOffset(ZoneOffset.UTC)),
                approved.contains(s) ? getTranslation("workflow.ui.timeline.approved", state(workflow, s.from()))
                        : getTranslation("workflow.ui.timeline.move", state(workflow, s.from()), state(workflow, s.to())),
                workflow.transition(s.transitionId()).map(t -> t.label().in(getLocale())).orElse(""),
                s.comment() == null ? "" : s.comment())).toList();
        if (lines.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("workflow.ui.timeline.empty",
                    workflow.initialState().label().in(getLocale())));
            empty.setId("workflow-timeline-empty");
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(empty);
            return;
        }
        Span count = new Span(getTranslation("workflow.ui.timeline.count", lines.size()));
        count.setId("workflow-timeline-count");
        count.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(count);
        for (Line line : lines) {
            add(entry(line));
        }
    }

    List<Line> lines() {
        return lines;
    }

    private Div entry(Line line) {
        Div head = new Div(new Span(line.action().isEmpty() ? line.move() : line.action() + " · " + line.move()));
        head.getStyle().set("font-weight", "600");
        Div meta = new Div(new Span(line.who() + " · " + line.when()));
        meta.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div entry = new Div(head, meta);
        entry.addClassName("kehu-workflow-step");
        entry.getStyle().set("border-inline-start", "3px solid var(--lumo-primary-color-50pct)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)").set("margin", "var(--lumo-space-xs) 0");
        if (!line.comment().isEmpty()) {
            Paragraph comment = new Paragraph(line.comment());
            comment.getStyle().set("margin", "var(--lumo-space-xs) 0 0 0").set("white-space", "pre-wrap")
                    .set("overflow-wrap", "anywhere");
            entry.add(comment);
        }
        return entry;
    }

    private String state(WorkflowDefinition workflow, String id) {
        return workflow.state(id).map(WorkflowState::label).map((LocalizedText l) -> l.in(getLocale())).orElse(id);
    }
}
