package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.ui.DashboardContributor;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The home page's 我的待办 box: the user's next five open tasks (overdue first, marked), the count, and a link to the
 * whole inbox; an empty state when there is nothing to do.
 */
@org.springframework.stereotype.Component
class TaskHomeBox implements DashboardContributor {

    static final int SHOWN = 5;
    private final Workflows workflows;
    private final Records records;
    private final FormCatalog catalog;
    private final SessionActor actors;
    private final Messages messages;

    TaskHomeBox(Workflows workflows, Records records, FormCatalog catalog, SessionActor actors, Messages messages) {
        this.workflows = workflows;
        this.records = records;
        this.catalog = catalog;
        this.actors = actors;
        this.messages = messages;
    }

    @Override
    public List<Component> widgets(CurrentUser user, Locale locale) {
        if (user.username().isEmpty()) {
            return List.of();
        }
        Actor actor = actors.current();
        int total = workflows.countOpenTasks(actor, false, null);
        Div box = new Div();
        box.setId("box-tasks");
        H3 heading = new H3(text(locale, "workflow.tasks.home"));
        heading.getStyle().set("margin", "0 0 var(--lumo-space-s) 0").set("font-size", "var(--lumo-font-size-l)")
                .set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)");
        Span count = new Span(String.valueOf(total));
        count.setId("box-tasks-count");
        count.getElement().getThemeList().add("badge pill");
        heading.add(count);
        box.add(heading);
        if (total == 0) {
            Paragraph empty = new Paragraph(text(locale, "workflow.tasks.homeEmpty"));
            empty.setId("box-tasks-empty");
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
            box.add(empty);
            return List.of(box);
        }
        List<WorkflowTask> next = workflows.openTasks(actor, false, null, 0, SHOWN);
        TaskTitles titles = new TaskTitles(records, catalog, actor, locale,
                label -> messages.getTranslation("workflow.tasks.hiddenRecord", locale, label));
        titles.prefetch(next);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(UserZone.of(UI.getCurrent()));
        Instant now = Instant.now();
        for (WorkflowTask t : next) {
            String due = t.dueAt() == null ? text(locale, "workflow.tasks.noDue")
                    : t.overdueAt(now) ? messages.getTranslation("workflow.tasks.overdueSince", locale,
                            when.format(t.dueAt())) : when.format(t.dueAt());
            Anchor row = new Anchor(RecordView.path(t.formId(), String.valueOf(t.recordId())));
            row.getElement().setAttribute("router-link", true);
            row.setId("box-task-" + t.id());
            row.getStyle().set("display", "block").set("min-height", "44px").set("box-sizing", "border-box")
                    .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("text-decoration", "none")
                    .set("color", "var(--lumo-body-text-color)")
                    .set("border-bottom", "1px solid var(--lumo-contrast-5pct)");
            if (t.overdueAt(now)) {
                row.getStyle().set("border-left", "3px solid var(--lumo-error-color)");
            }
            Div main = new Div(t.title().in(locale));
            main.getStyle().set("font-weight", "500").set("overflow-wrap", "anywhere");
            Span meta = new Span(titles.of(t) + " · " + due);
            meta.getStyle().set("color", t.overdueAt(now) ? "var(--lumo-error-text-color)"
                    : "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            row.add(main, meta);
            box.add(row);
        }
        Anchor all = new Anchor(TaskInboxView.PATH, text(locale, "workflow.tasks.homeAll"));
        all.getElement().setAttribute("router-link", true);
        all.setId("box-tasks-all");
        all.getStyle().set("display", "inline-flex").set("min-height", "44px").set("align-items", "center");
        box.add(all);
        return List.of(box);
    }

    private String text(Locale locale, String key) {
        return messages.getTranslation(key, locale);
    }
}
