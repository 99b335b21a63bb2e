package io.kehu.platform.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import io.kehu.platform.workflow.TaskWorkload;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 我的待办 at {@code tasks}: the user's open tasks, overdue first (earliest due), undated last, as a lazy grid on a
 * desktop and cards on a phone, with the count, an empty state, a filter by kind and, for managers, a switch to the
 * whole team's tasks with each member's open and overdue counts. Clicking a task opens its record; its 转交 button
 * hands it to an eligible colleague (its assignee) or reassigns it (a manager for their team, an administrator).
 */
@Route(value = "tasks", layout = MainLayout.class)
@PermitAll
public class TaskInboxView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "tasks";
    /** Up to this many tasks the grid shows all rows instead of scrolling in a fixed height. */
    static final int SHORT_LIST = 50;

    private final Workflows workflows;
    private final TaskTitles titles;
    private final UserDirectory users;
    private final Actor actor;
    private final Map<String, LocalizedText> kinds;
    private final DateTimeFormatter when;
    private final H2 heading = new H2();
    private final Span count = new Span();
    private final Div workload = new Div();
    private final Paragraph empty = new Paragraph();
    private final Div list = new Div();
    private boolean team;
    private String kind;
    private boolean narrow;
    private Registration widthChanges;
    private Grid<WorkflowTask> grid;
    private VirtualList<WorkflowTask> cards;
    private java.util.function.Predicate<WorkflowTask> mayHandOn = task -> false;
    private final org.springframework.beans.factory.ObjectProvider<TaskLinks> links;

    public TaskInboxView(Workflows workflows, Records records, FormCatalog catalog, SessionActor actors,
                         UserAccounts accounts, org.springframework.beans.factory.ObjectProvider<TaskLinks> links) {
        this.workflows = workflows;
        this.links = links;
        this.actor = actors.current();
        this.titles = new TaskTitles(records, catalog, actor, getLocale(),
                label -> getTranslation("workflow.tasks.hiddenRecord", label));
        this.users = new UserDirectory(accounts);
        this.kinds = workflows.taskKinds();
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(UserZone.of(UI.getCurrent()));
        this.narrow = ScreenWidth.narrow(UI.getCurrent());
        heading.setId("tasks-title");
        heading.getStyle().set("margin", "0");
        count.setId("tasks-count");
        count.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        workload.setId("tasks-workload");
        empty.setId("tasks-empty");
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
        list.setWidthFull();
        list.getStyle().set("flex-grow", "1");
        setSizeFull();
        add(heading, toolbar(), count, workload, empty, list);
        show();
    }

    private HorizontalLayout toolbar() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        if (Workflows.maySeeTeam(actor)) {
            RadioButtonGroup<Boolean> scope = new RadioButtonGroup<>();
            scope.setId("tasks-scope");
            scope.setItems(false, true);
            scope.setItemLabelGenerator(t -> getTranslation(t ? "workflow.tasks.team" : "workflow.tasks.mine"));
            scope.setValue(false);
            scope.addValueChangeListener(e -> {
                team = Boolean.TRUE.equals(e.getValue());
                show();
            });
            bar.add(scope);
        }
        if (!kinds.isEmpty()) {
            Select<String> byKind = new Select<>();
            byKind.setId("tasks-kind");
            byKind.setLabel(getTranslation("workflow.tasks.kind"));
            List<String> items = new ArrayList<>();
            items.add("");
            items.addAll(kinds.keySet());
            byKind.setItems(items);
            byKind.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("workflow.tasks.allKinds")
                    : kinds.get(k).in(getLocale()));
            byKind.setValue("");
            byKind.addValueChangeListener(e -> {
                kind = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
                show();
            });
            bar.add(byKind);
        }
        return bar;
    }

    /** Counts, the empty state or the list, for the scope and kind chosen now. */
    private void show() {
        heading.setText(getTranslation(team ? "workflow.tasks.teamTitle" : "workflow.tasks.title"));
        int total = workflows.countOpenTasks(actor, team, kind);
        count.setText(getTranslation("workflow.tasks.count", NumberFormat.getIntegerInstance(getLocale())
                .format(total)));
        showWorkload();
        mayHandOn = workflows.mayHandOn(actor);
        list.removeAll();
        grid = null;
        cards = null;
        empty.setVisible(total == 0);
        empty.setText(getTranslation(kind == null ? "workflow.tasks.empty" : "workflow.tasks.emptyKind"));
        if (total == 0) {
            return;
        }
        DataProvider<WorkflowTask, Void> tasks = DataProvider.fromCallbacks(
                query -> page(query.getOffset(), query.getLimit()).stream(), query -> total);
        if (narrow) {
            cards = new VirtualList<>();
            cards.setId("task-cards");
            cards.setRenderer(new ComponentRenderer<>(this::card));
            cards.setDataProvider(tasks);
            list.add(cards);
        } else {
            grid = grid();
            grid.setDataProvider(tasks);
            // a short list takes the room it needs; a long one scrolls inside the page, loading as it goes
            if (total <= SHORT_LIST) {
                grid.setAllRowsVisible(true);
            } else {
                grid.setHeight("60vh");
            }
            list.add(grid);
        }
    }

    private List<WorkflowTask> page(int offset, int limit) {
        List<WorkflowTask> page = workflows.openTasks(actor, team, kind, offset, limit);
        titles.prefetch(page);
        return page;
    }

    private Grid<WorkflowTask> grid() {
        Grid<WorkflowTask> g = new Grid<>();
        g.setId("task-grid");
        // long task texts ("处理超时：记录停留在“处理中”已超过…") and due dates wrap instead of ending in "…": a
        // desk user reads the whole task and its date without opening it
        g.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        g.addColumn(this::taskText).setHeader(getTranslation("workflow.tasks.task")).setFlexGrow(3);
        g.addColumn(titles::of).setHeader(getTranslation("workflow.tasks.record")).setFlexGrow(3);
        if (team) {
            g.addColumn(t -> users.name(t.assigneeId())).setHeader(getTranslation("workflow.tasks.assignee"))
                    .setFlexGrow(1);
        }
        g.addComponentColumn(this::due).setHeader(getTranslation("workflow.tasks.due")).setFlexGrow(2);
        g.addColumn(t -> when.format(t.createdAt())).setHeader(getTranslation("workflow.tasks.created"))
                .setFlexGrow(1);
        g.addComponentColumn(this::handOffButton).setKey("handOff").setHeader("").setFlexGrow(0).setAutoWidth(true);
        g.setPartNameGenerator(t -> t.overdueAt(Instant.now()) ? "kehu-overdue" : null);
        g.addItemClickListener(click -> open(click.getItem()));
        return g;
    }

    /** One task as a phone card (package-private: Karibu does not render a virtual list's items). */
    Component card(WorkflowTask task) {
        Div title = new Div(taskText(task));
        title.getStyle().set("font-weight", "600").set("overflow-wrap", "anywhere");
        Div record = new Div(titles.of(task));
        record.getStyle().set("overflow-wrap", "anywhere");
        Span dueLabel = new Span(getTranslation("workflow.tasks.dueLabel"));
        dueLabel.getStyle().set("margin-inline-end", "0.25em").set("color", "var(--lumo-secondary-text-color)");
        Div meta = new Div(dueLabel, due(task));
        if (team) {
            meta.add(new Span(" · " + users.name(task.assigneeId())));
        }
        Div body = new Div(title, record, meta);
        body.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-height", "44px")
                .set("cursor", "pointer");
        body.addClickListener(click -> open(task));
        Div card = new Div(body);
        Component handOff = handOffButton(task);
        if (handOff instanceof Button) {
            Div handOffRow = new Div(handOff);
            handOffRow.getStyle().set("padding", "0 var(--lumo-space-m)");
            card.add(handOffRow);
        }
        // the customer's number as a tap-to-call link beside the card's text, not inside it: tapping it dials
        // rather than opening the record
        titles.phone(task).map(p -> ContactLinks.anchor(p.field(), p.value(), p.value().toString()))
                .ifPresent(link -> {
                    link.setId("task-call-" + task.id());
                    Div contacts = new Div(link);
                    contacts.addClassName("kehu-card-contacts");
                    card.add(contacts);
                });
        card.setId("task-card-" + task.id());
        card.addClassName("kehu-card");
        card.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        if (task.overdueAt(Instant.now())) {
            card.getStyle().set("border-inline-start", "3px solid var(--lumo-error-color)");
        }
        return card;
    }

    /** 转交 for a task the user may hand on, else nothing; its click does not open the record. */
    private Component handOffButton(WorkflowTask task) {
        if (!mayHandOn.test(task)) {
            return new Span();
        }
        Button handOff = new Button(getTranslation("workflow.tasks.handOff"), click -> new TaskHandOffDialog(workflows,
                actor, task, getLocale(), narrow, this::show).open());
        handOff.setId("task-handoff-" + task.id());
        handOff.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        handOff.setMinHeight("44px");
        // the row's or card's own click opens the record; this one must not
        handOff.getElement().executeJs("this.addEventListener('click', e => e.stopPropagation())");
        return handOff;
    }

    private String taskText(WorkflowTask task) {
        String text = task.title().in(getLocale());
        return task.warning() == null ? text : text + " · " + task.warning().in(getLocale());
    }

    /** The due time; overdue in red with the word, so it does not rely on colour alone. */
    private Span due(WorkflowTask task) {
        if (task.dueAt() == null) {
            Span none = new Span(getTranslation("workflow.tasks.noDue"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            return none;
        }
        boolean overdue = task.overdueAt(Instant.now());
        Span due = new Span(overdue ? getTranslation("workflow.tasks.overdueSince", when.format(task.dueAt()))
                : when.format(task.dueAt()));
        due.addClassName(overdue ? "kehu-task-overdue" : "kehu-task-due");
        if (overdue) {
            due.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        return due;
    }

    private void showWorkload() {
        workload.removeAll();
        workload.setVisible(team);
        if (!team) {
            return;
        }
        Map<Long, TaskWorkload> byUser = workflows.teamWorkload(actor);
        Span title = new Span(getTranslation("workflow.tasks.workloadTitle"));
        title.getStyle().set("font-weight", "600");
        workload.add(new Div(title));
        if (byUser.isEmpty()) {
            workload.add(new Div(getTranslation("workflow.tasks.workloadEmpty")));
            return;
        }
        byUser.entrySet().stream()
                .sorted((a, b) -> a.getValue().overdue() != b.getValue().overdue()
                        ? Integer.compare(b.getValue().overdue(), a.getValue().overdue())
                        : Integer.compare(b.getValue().open(), a.getValue().open()))
                .forEach(e -> {
                    Div line = new Div(getTranslation("workflow.tasks.workload", users.name(e.getKey()),
                            e.getValue().open(), e.getValue().overdue()));
                    line.setId("tasks-workload-" + e.getKey());
                    if (e.getValue().overdue() > 0) {
                        line.getStyle().set("color", "var(--lumo-error-text-color)");
                    }
                    workload.add(line);
                });
    }

    private void open(WorkflowTask task) {
        java.util.Optional<String> elsewhere = links.orderedStream().map(l -> l.route(task))
                .flatMap(java.util.Optional::stream).findFirst();
        if (elsewhere.isPresent()) {
            String route = elsewhere.get();
            int q = route.indexOf('?');
            UI.getCurrent().navigate(q < 0 ? route : route.substring(0, q), q < 0
                    ? com.vaadin.flow.router.QueryParameters.empty()
                    : com.vaadin.flow.router.QueryParameters.fromString(route.substring(q + 1)));
            return;
        }
        UI.getCurrent().navigate(RecordView.path(task.formId(), String.valueOf(task.recordId())));
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        widthChanges = ScreenWidth.onChange(attach.getUI(), narrow, nowNarrow -> {
            narrow = nowNarrow;
            show();
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (widthChanges != null) {
            widthChanges.remove();
            widthChanges = null;
        }
        super.onDetach(detach);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("workflow.tasks.title") + " · " + getTranslation("app.name");
    }
}
