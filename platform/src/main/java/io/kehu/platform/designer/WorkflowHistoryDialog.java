package io.kehu.platform.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.kehu.platform.workflow.WorkflowVersion;
import io.kehu.platform.workflow.WorkflowVersions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The published versions of a workflow (who, when, comment, in force or superseded, records moved), a diff between any
 * two, and rollback: the publish dialog with the earlier version's JSON, so the same in-flight check applies.
 */
final class WorkflowHistoryDialog extends Dialog {

    private final WorkflowVersions versions;
    private final String workflowId;
    private final Grid<WorkflowDiff.Line> diff = new Grid<>();
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();

    WorkflowHistoryDialog(DesignerServices services, WorkflowVersions versions, String workflowId,
            Consumer<WorkflowVersion> rolledBack) {
        this.versions = versions;
        this.workflowId = workflowId;
        setId("wf-history-dialog");
        setHeaderTitle(getTranslation("wf.history.title", workflowId));
        setWidth("min(64em, 95vw)");
        List<WorkflowVersion> all = versions.history(workflowId);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<WorkflowVersion> list = new Grid<>();
        list.setId("wf-history-versions");
        list.addColumn(WorkflowVersion::number).setHeader(getTranslation("designer.history.version"))
                .setAutoWidth(true);
        list.addColumn(v -> getTranslation("wf.status." + v.status().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("wf.history.status")).setAutoWidth(true);
        list.addColumn(v -> services.authors.name(v.author(), getLocale(), this::getTranslation))
                .setHeader(getTranslation("designer.history.by")).setAutoWidth(true);
        list.addColumn(v -> when.format(v.at().atZoneSameInstant(ZoneId.systemDefault())))
                .setHeader(getTranslation("designer.history.at")).setAutoWidth(true);
        list.addColumn(v -> v.comment() == null ? "" : v.comment()).setHeader(getTranslation("wf.history.comment"));
        list.addComponentColumn(v -> {
            Button rollback = new Button(getTranslation("designer.history.rollback"), click -> {
                close();
                new WorkflowPublishDialog(services, versions, v.json(), v.number(), rolledBack).open();
            });
            rollback.setId("wf-history-rollback-" + v.number());
            rollback.addThemeVariants(ButtonVariant.LUMO_SMALL);
            rollback.setEnabled(v.status() != WorkflowVersion.Status.PUBLISHED);
            return rollback;
        }).setAutoWidth(true);
        list.setItems(all);
        list.setAllRowsVisible(all.size() <= 8);
        List<Integer> numbers = all.stream().map(WorkflowVersion::number).sorted().toList();
        from.setId("wf-history-from");
        from.setLabel(getTranslation("designer.history.from"));
        from.setItems(numbers);
        to.setId("wf-history-to");
        to.setLabel(getTranslation("designer.history.to"));
        to.setItems(numbers);
        if (!numbers.isEmpty()) {
            from.setValue(numbers.get(Math.max(0, numbers.size() - 2)));
            to.setValue(numbers.getLast());
        }
        from.addValueChangeListener(e -> compare());
        to.addValueChangeListener(e -> compare());
        diff.setId("wf-history-diff");
        diff.addColumn(l -> getTranslation("wf.diff." + l.kind().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("designer.diff.what")).setAutoWidth(true);
        diff.addColumn(WorkflowDiff.Line::subject).setHeader(getTranslation("designer.diff.subject"))
                .setAutoWidth(true);
        diff.addColumn(l -> l.before() == null ? "∅" : l.before()).setHeader(getTranslation("designer.diff.before"));
        diff.addColumn(l -> l.after() == null ? "∅" : l.after()).setHeader(getTranslation("designer.diff.after"));
        diff.setHeight("18em");
        VerticalLayout content = new VerticalLayout(list, new HorizontalLayout(from, to), diff);
        content.setPadding(false);
        add(content);
        Button close = new Button(getTranslation("designer.close"), click -> close());
        close.setId("wf-history-close");
        getFooter().add(close);
        compare();
    }

    private void compare() {
        if (from.getValue() == null || to.getValue() == null) {
            diff.setItems(List.of());
            return;
        }
        diff.setItems(WorkflowDiff.between(versions.version(workflowId, from.getValue()).orElseThrow().json(),
                versions.version(workflowId, to.getValue()).orElseThrow().json()));
    }
}
