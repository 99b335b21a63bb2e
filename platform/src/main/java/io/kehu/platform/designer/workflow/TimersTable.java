package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workflow's scheduled steps ({@code timers[]}) as a table in the editor: each row in words (处于“已解决” 3天 后
 * 自动执行“关闭”), its settings ({@link TimerDialog}), its problems and a remove button; 添加定时步骤 adds one. A
 * definition without timers keeps no {@code timers} key until one is added (and loses it with the last one).
 */
public final class TimersTable extends VerticalLayout {

    private final Supplier<ObjectNode> doc;
    private final Function<String, String> problems;
    private final Runnable changed;
    private final Grid<ObjectNode> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    /**
     * @param doc the definition being edited (the editor may replace it)
     * @param problems the reader's problems with a JSON path, one a line
     * @param changed what the editor does after a change (check, redraw)
     */
    public TimersTable(Supplier<ObjectNode> doc, Function<String, String> problems, Runnable changed) {
        this.doc = doc;
        this.problems = problems;
        this.changed = changed;
        setPadding(false);
        setId("wf-timers-table");
        grid.setId("wf-timers");
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(t -> {
            Span summary = new Span(summary(t));
            summary.setId("wf-timer-summary-" + index(t));
            return summary;
        }).setKey("summary").setHeader(getTranslation("wf.timer.what")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button edit = new Button(getTranslation("wf.settings"), VaadinIcon.COG_O.create(), e -> edit(t));
            edit.setId("wf-timer-edit-" + index(t));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return edit;
        }).setKey("settings").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Span span = new Span(problems.apply("$.timers[" + index(t) + "]"));
            span.setId("wf-timer-problems-" + index(t));
            span.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap")
                    .set("font-size", "var(--lumo-font-size-s)");
            return span;
        }).setKey("problems").setHeader(getTranslation("wf.problems")).setFlexGrow(1);
        grid.addComponentColumn(t -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> remove(t));
            remove.setId("wf-timer-remove-" + index(t));
            remove.setAriaLabel(getTranslation("wf.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setKey("remove").setAutoWidth(true);
        empty.setId("wf-timers-empty");
        empty.setText(getTranslation("wf.timer.none"));
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button add = new Button(getTranslation("wf.timer.add"), VaadinIcon.PLUS.create(), e -> add());
        add.setId("wf-timer-add");
        add(empty, grid, add);
    }

    /** Draws the rows again from the definition. */
    public void refresh() {
        List<ObjectNode> rows = rows();
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }

    /** Opens the settings of the timer at {@code row}. */
    public void edit(int row) {
        edit(rows().get(row));
    }

    private void edit(ObjectNode timer) {
        TimerDialog dialog = new TimerDialog(timer, doc.get(), () -> {
            changed.run();
            refresh();
        });
        dialog.showProblems(problems.apply("$.timers[" + index(timer) + "]"));
        dialog.open();
    }

    /** A new step: one day after the first state a transition leaves, taking that transition; then its settings. */
    private void add() {
        ObjectNode workflow = doc.get();
        if (!(workflow.get("timers") instanceof ArrayNode)) {
            workflow.putArray("timers");
        }
        ArrayNode timers = (ArrayNode) workflow.get("timers");
        List<String> ids = new ArrayList<>();
        timers.forEach(t -> ids.add(t.path("id").asString("")));
        int n = timers.size() + 1;
        while (ids.contains("timer_" + n)) {
            n++;
        }
        ObjectNode timer = timers.addObject();
        timer.put("id", "timer_" + n);
        for (JsonNode t : workflow.path("transitions")) {
            if (t.path("from").size() > 0) {
                timer.put("state", t.path("from").get(0).asString(""));
                timer.put("after", "P1D");
                timer.put("transition", t.path("id").asString(""));
                break;
            }
        }
        changed.run();
        refresh();
        edit(timer);
    }

    private void remove(ObjectNode timer) {
        ArrayNode timers = (ArrayNode) doc.get().get("timers");
        for (int i = 0; timers != null && i < timers.size(); i++) {
            if (timers.get(i) == timer) {
                timers.remove(i);
                break;
            }
        }
        if (timers != null && timers.isEmpty()) {
            doc.get().remove("timers");
        }
        changed.run();
        refresh();
    }

    /** E.g. 处于“已解决”3天后自动执行“回访满意，关闭”（自然时间）. */
    private String summary(ObjectNode timer) {
        DurationInput.Amount after = DurationInput.Amount.of(timer.path("after").asString(""));
        return getTranslation("wf.timer.summary", label("states", timer.path("state").asString("")),
                after == null ? "?" : after.text(this::getTranslation),
                label("transitions", timer.path("transition").asString("")))
                + getTranslation(timer.path("workingTime").asBoolean(false) ? "wf.sum.workingTime"
                        : "wf.sum.clockTime");
    }

    private String label(String list, String id) {
        Locale locale = Pickers.locale();
        for (JsonNode node : doc.get().path(list)) {
            if (id.equals(node.path("id").asString(""))) {
                return WorkflowEditing.label(node.path("label"), id, locale);
            }
        }
        return id;
    }

    private List<ObjectNode> rows() {
        List<ObjectNode> rows = new ArrayList<>();
        if (doc.get().get("timers") instanceof ArrayNode timers) {
            timers.forEach(t -> {
                if (t instanceof ObjectNode o) {
                    rows.add(o);
                }
            });
        }
        return rows;
    }

    private int index(ObjectNode timer) {
        List<ObjectNode> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == timer) {
                return i;
            }
        }
        return -1;
    }
}
